import type { Browser, Page } from 'puppeteer-core';
import type { FakeWorld } from './fake-world';

/**
 * The cookies the site-data clear is judged by, the same in both browsers: ChatGPT's own (must go),
 * a site on openai.com's registrable domain and a domain-wide `.openai.com` cookie shared with it
 * (must stay), and an unrelated control site (must stay).
 */
export function routeCookieSites(world: FakeWorld): void {
  world.route('platform.openai.com', '/', {
    status: 200,
    headers: { 'content-type': 'text/html', 'set-cookie': 'platform=keep-me; Path=/; Secure; SameSite=Lax; Max-Age=3600' },
    body: '<p>platform</p>',
  });
  // On chat.openai.com: one host-only cookie (ChatGPT's) and one for the whole of openai.com.
  world.route('chat.openai.com', '/set-cookies', () => ({
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<script>document.cookie="chatold=1; Path=/; Secure; Max-Age=3600";document.cookie="shared=keep-me; Domain=openai.com; Path=/; Secure; Max-Age=3600"</script>',
  }));
}

/** Sets every cookie above: ChatGPT's through `chat` (left on chatgpt.com), the others in a passing tab. */
export async function setCookieSites(browser: Browser, chat: Page): Promise<void> {
  await chat.goto('https://chatgpt.com/oai-did');
  await chat.goto('https://chatgpt.com/');
  await chat.evaluate(() => localStorage.setItem('edr-test', 'stale'));
  const other = await browser.newPage();
  await other.goto('https://control-site.test/');
  await other.goto('https://platform.openai.com/');
  await other.goto('https://chat.openai.com/set-cookies');
  await other.close();
}
