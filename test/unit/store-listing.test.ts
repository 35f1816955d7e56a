import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };

/**
 * The store listing (src/store/listing.md) against what ships: every permission the manifest asks
 * for is justified there and nothing else is, and each text fits its store's limit.
 */
const listing = readFileSync('src/store/listing.md', 'utf8');
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

/** The text under `## title`, up to the next `## `. */
function section(title: string): string {
  const match = new RegExp(`^## ${title}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(listing);
  if (!match) throw new Error(`src/store/listing.md has no "## ${title}"`);
  return match[1]!.trim();
}

describe('store listing', () => {
  it('justifies each permission and host permission of the manifest, and no other', () => {
    const justified = [...section('Permissions').matchAll(/^- `([^`]+)`: (.+)$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(justified.map(([name]) => name).sort()).toEqual([...manifest.permissions, ...manifest.host_permissions].sort());
    for (const [name, why] of justified) expect(why.length, name).toBeGreaterThan(30);
  });

  it('uses the manifest’s name and summary, within the stores’ limits', () => {
    expect(section('Name')).toBe(messages.extName!.message);
    expect(section('Summary')).toBe(messages.extDescription!.message);
    // Chrome Web Store: name ≤ 75, summary (the manifest description) ≤ 132 characters; AMO: name ≤ 50, summary ≤ 250.
    expect(section('Name').length).toBeLessThanOrEqual(50);
    expect(section('Summary').length).toBeLessThanOrEqual(132);
    expect(section('Description').length).toBeGreaterThan(500);
    // Chrome Web Store: the single purpose is one narrow sentence or two (≤ 1,000 characters).
    expect(section('Single purpose').length).toBeLessThanOrEqual(1000);
  });

  it('discloses the data use Firefox’s manifest declares, and points to the shipped privacy policy', () => {
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions.required).toEqual(['none']);
    expect(section('Data use')).toContain('`none`');
    expect(section('Privacy policy')).toContain('public/privacy.html');
    expect(readFileSync('public/privacy.html', 'utf8')).toContain('status.openai.com');
  });
});
