import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { oneFilePerPage } from '../../src/build/one-file-per-page';

/** A miniature of vite's output: two pages and a worker sharing chunks, a lazy chunk with its CSS, a page with two stylesheets. */
function fixture(): string {
  const out = mkdtempSync(join(tmpdir(), 'edr-onefile-'));
  mkdirSync(join(out, 'assets'));
  mkdirSync(join(out, 'src', 'popup'), { recursive: true });
  const w = (path: string, text: string) => writeFileSync(join(out, path), text);
  w('manifest.json', JSON.stringify({ background: { service_worker: 'loader.js', type: 'module' } }));
  w('loader.js', 'import "./assets/worker-1.js";');
  w('assets/worker-1.js', 'import{s as shared}from"./shared-1.js";globalThis.worker=shared("w");');
  w('assets/shared-1.js', 'export const s=(x)=>x+"!";');
  w('assets/popup-1.js', 'import{s}from"./shared-1.js";const m=["assets/later-1.css"];document.title=s("p");import(`./later-1.js`).then((l)=>l.go(m));');
  w('assets/later-1.js', 'import{s}from"./shared-1.js";export const go=()=>s("later");');
  w('assets/later-1.css', 'p{}');
  w('assets/orphan-1.js', 'export const unused=1;');
  w(
    'src/popup/index.html',
    '<html><head><script type="module" crossorigin src="/assets/popup-1.js"></script>\n<link rel="stylesheet" crossorigin href="/assets/shared.css">\n<link rel="stylesheet" crossorigin href="/assets/page.css"></head></html>',
  );
  w('assets/shared.css', ':root{--x:1}\n');
  w('assets/page.css', 'body{}');
  return out;
}

describe('oneFilePerPage', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('gives each page one script and its lazy chunks, makes the loader the whole worker, and deletes what nothing loads', async () => {
    const out = fixture();
    dirs.push(out);
    await oneFilePerPage(out);
    const html = readFileSync(join(out, 'src/popup/index.html'), 'utf8');
    expect(html).toContain('src="/assets/popup.js"');
    // One stylesheet per page too: the page's stylesheets joined in their order.
    expect([...html.matchAll(/<link [^>]*>/g)].map((m) => m[0])).toEqual(['<link rel="stylesheet" crossorigin href="/assets/popup.css">']);
    expect(readFileSync(join(out, 'assets/popup.css'), 'utf8')).toBe(':root{--x:1}\nbody{}\n');
    const loader = readFileSync(join(out, 'loader.js'), 'utf8');
    expect(loader).not.toMatch(/\bimport\b/);
    expect(loader).toContain('globalThis.worker');
    const assets = readdirSync(join(out, 'assets')).sort();
    // The lazy chunk's CSS is named only inside a string: it must survive; the old chunks must not.
    expect(assets).toContain('later-1.css');
    expect(assets.filter((f) => f.endsWith('.css')).sort()).toEqual(['later-1.css', 'popup.css']);
    expect(assets.filter((f) => f.endsWith('.js'))).toEqual(['popup.js', expect.stringMatching(/^popup-later-1-.+\.js$/)].sort());
    expect(existsSync(join(out, 'assets/orphan-1.js'))).toBe(false);
    expect(readFileSync(join(out, 'assets/popup.js'), 'utf8')).toContain('document.title');
  });
});
