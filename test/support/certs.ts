import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every host name the fake servers answer for; the certificate covers all of them. */
export const FAKE_HOSTS = [
  'chatgpt.com',
  'ws.chatgpt.com',
  'ab.chatgpt.com',
  'chat.openai.com',
  'cdn.oaistatic.com',
  'files.oaiusercontent.com',
  'auth.openai.com',
  'auth0.openai.com',
  'status.openai.com',
  'platform.openai.com',
  'control-site.test',
] as const;

export interface TestCerts {
  dir: string;
  caCert: string;
  caKeyPath: string;
  caCertPath: string;
  cert: string;
  key: string;
}

/**
 * A throwaway CA and a server certificate for the fake hosts, made with the system's openssl
 * and cached under .cache/ (never committed). Chromium ignores certificate errors in the tests;
 * Firefox trusts the CA through its profile's NSS store.
 */
export function testCerts(root = join(process.cwd(), '.cache', 'certs')): TestCerts {
  const dir = root;
  const caKeyPath = join(dir, 'ca.key');
  const caCertPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'server.key');
  const certPath = join(dir, 'server.pem');
  const ext = `subjectAltName=${FAKE_HOSTS.map((h) => `DNS:${h}`).join(',')},DNS:*.chatgpt.com,DNS:*.oaiusercontent.com,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`;
  const extPath = join(dir, 'ext.cnf');
  // A cached certificate made for another list of hosts is made again.
  if (!existsSync(certPath) || !existsSync(extPath) || readFileSync(extPath, 'utf8') !== ext) {
    mkdirSync(dir, { recursive: true });
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      caKeyPath,
      '-out',
      caCertPath,
      '-days',
      '30',
      '-subj',
      '/CN=Error Doctor Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', join(dir, 'server.csr'), '-subj', '/CN=chatgpt.com']);
    writeFileSync(extPath, ext);
    run([
      'x509',
      '-req',
      '-in',
      join(dir, 'server.csr'),
      '-CA',
      caCertPath,
      '-CAkey',
      caKeyPath,
      '-CAcreateserial',
      '-out',
      certPath,
      '-days',
      '30',
      '-extfile',
      extPath,
    ]);
  }
  return {
    dir,
    caKeyPath,
    caCertPath,
    caCert: readFileSync(caCertPath, 'utf8'),
    cert: readFileSync(certPath, 'utf8'),
    key: readFileSync(keyPath, 'utf8'),
  };
}
