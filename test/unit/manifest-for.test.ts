import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor, type Manifest } from '../../src/build/manifest-for';

const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as Manifest;
type Gecko = { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
const gecko = (m: Manifest) => (m.browser_specific_settings as { gecko?: Gecko } | undefined)?.gecko;
const geckoAndroid = (m: Manifest) => (m.browser_specific_settings as { gecko_android?: { strict_min_version?: string } } | undefined)?.gecko_android;
const major = (version: string | undefined) => Number((version ?? '0').split('.')[0]);

describe('manifestFor: Chrome', () => {
  const chrome = manifestFor(source, 'chrome');

  it('runs the background as a module service worker', () => {
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  });

  it('drops the Firefox-only settings and keeps minimum_chrome_version', () => {
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.minimum_chrome_version).toBe(source.minimum_chrome_version);
  });
});

describe('manifestFor: Firefox', () => {
  const firefox = manifestFor(source, 'firefox');

  it('runs the background as an event page from `scripts` (Firefox MV3 has no service worker)', () => {
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(JSON.stringify(firefox)).not.toContain('service_worker');
  });

  it('drops minimum_chrome_version, which AMO’s linter flags as unknown', () => {
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('has the gecko id, a minimum version and the data collection declaration AMO requires', () => {
    const g = gecko(firefox);
    expect(g?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    // 140 is the ESR that first reads data_collection_permissions; 121 is the first with background.scripts in MV3.
    expect(major(g?.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(g?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('asks Firefox for Android for 142+, the first that reads data_collection_permissions (else the linter warns)', () => {
    expect(major(geckoAndroid(firefox)?.strict_min_version)).toBeGreaterThanOrEqual(142);
  });

  it('keeps every permission, host permission and page of the source manifest', () => {
    for (const key of ['permissions', 'host_permissions', 'action', 'devtools_page', 'options_ui', 'content_security_policy', 'icons', 'default_locale']) {
      expect(firefox[key], key).toEqual(source[key]);
    }
  });
});

describe('manifestFor: purity and odd input', () => {
  it('never changes its input', () => {
    const before = JSON.stringify(source);
    manifestFor(source, 'firefox', { version: '9.9.9' });
    manifestFor(source, 'chrome');
    expect(JSON.stringify(source)).toBe(before);
  });

  it('reads a background given as `scripts` as well as `service_worker`', () => {
    const fromScripts: Manifest = { manifest_version: 3, background: { scripts: ['bg.ts'] } };
    expect(manifestFor(fromScripts, 'chrome').background).toEqual({ service_worker: 'bg.ts', type: 'module' });
    expect(manifestFor(fromScripts, 'firefox').background).toEqual({ scripts: ['bg.ts'], type: 'module' });
  });

  it('leaves a manifest without a background without one', () => {
    expect(manifestFor({ manifest_version: 3 }, 'firefox')).not.toHaveProperty('background');
    expect(manifestFor({ manifest_version: 3 }, 'chrome')).not.toHaveProperty('background');
  });

  it('takes the version given (package.json’s), for both browsers, and keeps the source one otherwise', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(manifestFor(source, browser, { version: '1.2.3' }).version).toBe('1.2.3');
      expect(manifestFor(source, browser).version).toBe(source.version);
    }
  });
});
