import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dbus from '@particle/dbus-next';

/**
 * The desktop's notification server, faked on a private D-Bus session bus: what a click on a
 * notification really goes through on Linux. Chromium (headless too) hands extension
 * notifications to `org.freedesktop.Notifications` on the session bus when something owns that
 * name (the freedesktop Desktop Notifications spec: Notify, GetCapabilities, CloseNotification,
 * GetServerInformation, and the ActionInvoked / NotificationClosed signals). This server shows
 * nothing; it keeps what it was asked to show, and `click` emits ActionInvoked with the "default"
 * action, exactly what a desktop sends when a user clicks the notification's body.
 *
 * The bus is our own dbus-daemon on a socket in a temp dir: the test never touches a real session.
 * Start it before the browser and hand the browser `env` (DBUS_SESSION_BUS_ADDRESS).
 */
export interface ShownNotification {
  /** The server's id, what ActionInvoked names. */
  id: number;
  app: string;
  summary: string;
  body: string;
  actions: string[];
  closed: boolean;
}

export interface NotificationServer {
  env: Record<string, string>;
  shown: ShownNotification[];
  /** Clicks the notification's body, as a user would. */
  click(id: number): void;
  close(): Promise<void>;
}

const NAME = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

function daemonConfig(socket: string): string {
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path=${socket}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/></policy></busconfig>`;
}

export async function startNotificationServer(): Promise<NotificationServer> {
  const dir = mkdtempSync(join(tmpdir(), 'edr-dbus-'));
  const socket = join(dir, 'bus');
  writeFileSync(join(dir, 'bus.conf'), daemonConfig(socket));
  // --print-address writes the address once the daemon listens: then the socket is there.
  const daemon: ChildProcess = spawn('dbus-daemon', ['--config-file', join(dir, 'bus.conf'), '--nofork', '--nopidfile', '--print-address'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('dbus-daemon did not start within 5 s')), 5_000);
    daemon.once('error', (error) => reject(new Error(`dbus-daemon could not run (is the dbus-daemon package installed?): ${error.message}`)));
    daemon.stdout!.once('data', (data: Buffer) => {
      clearTimeout(timer);
      resolve(data.toString().trim().split(',')[0]!);
    });
  });
  const bus = dbus.sessionBus({ busAddress: address });
  bus.on('error', (error: unknown) => console.warn('test notification server: D-Bus error', error));
  const reply = await bus.requestName(NAME, dbus.NameFlag.DO_NOT_QUEUE);
  if (reply !== dbus.RequestNameReply.PRIMARY_OWNER) throw new Error(`could not own ${NAME} on the private bus (reply ${reply})`);

  const shown: ShownNotification[] = [];
  class Notifications extends dbus.interface.Interface {
    GetCapabilities(): string[] {
      return ['actions', 'body'];
    }
    GetServerInformation(): string[] {
      return ['error-doctor-test', 'error-doctor', '1', '1.2'];
    }
    Notify(app: string, replaces: number, _icon: string, summary: string, body: string, actions: string[]): number {
      const existing = replaces ? shown.find((n) => n.id === replaces) : undefined;
      if (existing) Object.assign(existing, { summary, body, actions, closed: false });
      else shown.push({ id: shown.length + 1, app, summary, body, actions, closed: false });
      return existing?.id ?? shown.length;
    }
    CloseNotification(id: number): void {
      const n = shown.find((x) => x.id === id);
      if (n) n.closed = true;
    }
    ActionInvoked(id: number, key: string): [number, string] {
      return [id, key];
    }
    NotificationClosed(id: number, reason: number): [number, number] {
      return [id, reason];
    }
  }
  Notifications.configureMembers({
    methods: {
      GetCapabilities: { inSignature: '', outSignature: 'as' },
      GetServerInformation: { inSignature: '', outSignature: 'ssss' },
      Notify: { inSignature: 'susssasa{sv}i', outSignature: 'u' },
      CloseNotification: { inSignature: 'u', outSignature: '' },
    },
    signals: { ActionInvoked: { signature: 'us' }, NotificationClosed: { signature: 'uu' } },
  });
  const server = new Notifications(NAME);
  bus.export(PATH, server);

  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    shown,
    click(id) {
      server.ActionInvoked(id, 'default');
    },
    async close() {
      bus.disconnect();
      daemon.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
