import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * fakeBrowser's permissions are not implemented; this one holds a set of granted origins.
 * `request` grants when `answer` says yes, as the user would in the browser's prompt.
 */
export function installFakePermissions(granted: readonly string[]) {
  const origins = new Set(granted);
  const state = { answer: true, requests: [] as string[][] };
  const permissions = {
    async contains(p: { origins?: string[] }) {
      return (p.origins ?? []).every((o) => origins.has(o));
    },
    async request(p: { origins?: string[] }) {
      state.requests.push([...(p.origins ?? [])]);
      if (state.answer) for (const o of p.origins ?? []) origins.add(o);
      return state.answer;
    },
    async remove(p: { origins?: string[] }) {
      for (const o of p.origins ?? []) origins.delete(o);
      return true;
    },
  };
  (fakeBrowser as unknown as { permissions: typeof permissions }).permissions = permissions;
  return { origins, state };
}
