import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { ManagedExtension } from '../../../src/core/suspects';

/** A typical list of installed extensions, as `management.getAll()` gives it (test/fixtures/extensions-list/). */
export function extensionsFixture(name: string): ManagedExtension[] {
  return JSON.parse(readFileSync(`test/fixtures/extensions-list/${name}.json`, 'utf8')) as ManagedExtension[];
}

/** fakeBrowser has no management API; a list of extensions whose `enabled` flag setEnabled flips. */
export function installFakeManagement(extensions: ManagedExtension[]) {
  const list = extensions.map((e) => ({ ...e }));
  const find = (id: string) => {
    const e = list.find((x) => x.id === id);
    if (!e) throw new Error(`No extension with id ${id}`);
    return e;
  };
  const management = {
    async getAll() {
      return list.map((e) => ({ ...e }));
    },
    async get(id: string) {
      return { ...find(id) };
    },
    async setEnabled(id: string, enabled: boolean) {
      const e = find(id);
      if (e.mayDisable === false) throw new Error('Cannot change the state of a policy-installed extension');
      e.enabled = enabled;
    },
  };
  (fakeBrowser as unknown as { management: typeof management }).management = management;
  return { management, list };
}
