import { fakeBrowser } from '@webext-core/fake-browser';

/**
 * fakeBrowser has no cookies API; this is a small jar in its style. `getAll({domain})` matches
 * the domain and its subdomains, never a parent, as browsers do; `remove` finds a cookie by URL
 * host + path + name. `failRemove` plays a cookie the browser refuses to remove.
 */
export interface FakeCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  storeId: string;
}

export function installFakeCookies(initial: Array<Partial<FakeCookie> & { name: string; domain: string }> = []) {
  const jar: FakeCookie[] = initial.map((c) => ({ value: 'v', path: '/', secure: true, storeId: '0', ...c }));
  const failRemove = new Set<string>();
  const bare = (d: string) => d.replace(/^\./, '');
  const cookies = {
    async getAllCookieStores() {
      return [{ id: '0', tabIds: [] }];
    },
    async getAll(q: { domain?: string; storeId?: string }) {
      return jar
        .filter((c) => !q.storeId || c.storeId === q.storeId)
        .filter((c) => !q.domain || bare(c.domain) === q.domain || bare(c.domain).endsWith(`.${q.domain}`))
        .map((c) => ({ ...c }));
    },
    async remove(d: { url: string; name: string; storeId?: string }) {
      const url = new URL(d.url);
      const i = jar.findIndex(
        (c) => c.name === d.name && bare(c.domain) === url.hostname && url.pathname.startsWith(c.path) && (!d.storeId || d.storeId === c.storeId),
      );
      if (i < 0 || failRemove.has(d.name)) return null;
      const [gone] = jar.splice(i, 1);
      return { url: d.url, name: gone!.name, storeId: gone!.storeId };
    },
  };
  (fakeBrowser as unknown as { cookies: typeof cookies }).cookies = cookies;
  return { cookies, jar, failRemove };
}

/**
 * The jar the site-data clear is judged by in both browsers' integration tests: ChatGPT's cookies
 * (must go) and openai.com's, the platform's and a control site's (must stay).
 */
export function installTypicalCookies() {
  return installFakeCookies([
    { name: '__Secure-next-auth.session-token', domain: 'chatgpt.com' },
    { name: 'oai-did', domain: '.chatgpt.com' },
    { name: 'flags', domain: 'ab.chatgpt.com' },
    { name: 'chatold', domain: 'chat.openai.com' },
    { name: 'shared', domain: '.openai.com' },
    { name: 'platform', domain: 'platform.openai.com' },
    { name: 'control', domain: 'control-site.test' },
  ]);
}
