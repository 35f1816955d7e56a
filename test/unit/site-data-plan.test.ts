import { describe, expect, it } from 'vitest';
import { concreteHosts, isPlannedCookie, registrableDomain, siteDataPlan } from '../../src/core/site-data-plan';

describe('siteDataPlan for Chrome', () => {
  const plan = siteDataPlan('chrome');

  it('clears storage per origin for every concrete ChatGPT host', () => {
    const storage = plan.steps.find((s) => !s.dataTypes.includes('cookies'))!;
    expect(storage.filter).toBe('origins');
    expect(storage.dataTypes).toEqual(['cache', 'cacheStorage', 'localStorage', 'indexedDB', 'serviceWorkers']);
    expect(storage.values).toEqual(
      expect.arrayContaining([
        'https://chatgpt.com',
        'https://ab.chatgpt.com',
        'https://chat.openai.com',
        'https://cdn.oaistatic.com',
        'https://files.oaiusercontent.com',
      ]),
    );
  });

  it('never passes an openai.com origin for cookies: that would wipe the whole registrable domain', () => {
    const cookies = plan.steps.filter((s) => s.dataTypes.includes('cookies'));
    expect(cookies).toHaveLength(1);
    expect(cookies[0]!.values).toEqual(['https://chatgpt.com', 'https://oaiusercontent.com']);
    expect(cookies[0]!.values.some((o) => o.endsWith('openai.com') || o.endsWith('oaistatic.com'))).toBe(false);
    expect(plan.cookieRoots).toEqual(expect.arrayContaining(['chat.openai.com', 'chatgpt.com']));
    expect(plan.cookieRoots).not.toContain('openai.com');
  });

  it('says exactly which sites are signed out and which stay signed in', () => {
    expect(plan.signedOut).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(plan.keptSignedIn).toEqual(['platform.openai.com', 'help.openai.com', 'status.openai.com', 'openai.com']);
    expect(plan.cachePerSite).toBe(true);
  });
});

describe('siteDataPlan for Firefox', () => {
  const plan = siteDataPlan('firefox');

  it('uses hostnames only (Firefox rejects origins), listing every host', () => {
    expect(plan.steps.every((s) => s.filter === 'hostnames')).toBe(true);
    expect(plan.steps.flatMap((s) => s.values).every((v) => !v.includes('://') && !v.includes('*'))).toBe(true);
    const storage = plan.steps[0]!;
    expect(storage.dataTypes).toEqual(['localStorage', 'indexedDB', 'serviceWorkers']);
    expect(storage.values).toEqual(expect.arrayContaining(['chatgpt.com', 'ab.chatgpt.com', 'ws.chatgpt.com', 'chat.openai.com']));
  });

  it('cannot clear the cache per site and says so', () => {
    expect(plan.cachePerSite).toBe(false);
    expect(plan.dataTypes).not.toContain('cache');
    expect(plan.steps.some((s) => s.dataTypes.includes('cache') || s.dataTypes.includes('cacheStorage'))).toBe(false);
  });

  it('removes cookies by hostname only where the registrable domain is ChatGPT alone', () => {
    const cookies = plan.steps.find((s) => s.dataTypes.includes('cookies'))!;
    expect(cookies.values).toEqual(['chatgpt.com', 'ab.chatgpt.com', 'ws.chatgpt.com', 'files.oaiusercontent.com']);
    expect(plan.signedOut).toEqual(['chatgpt.com', 'chat.openai.com']);
    expect(plan.keptSignedIn).toContain('platform.openai.com');
  });
});

describe('cookie matching', () => {
  const plan = siteDataPlan('chrome');
  it.each([
    ['chatgpt.com', true],
    ['.chatgpt.com', true],
    ['ab.chatgpt.com', true],
    ['chat.openai.com', true],
    ['.chat.openai.com', true],
    ['.openai.com', false],
    ['platform.openai.com', false],
    ['control-site.test', false],
    ['notchatgpt.com', false],
    ['files.oaiusercontent.com', true],
  ])('%s is removed: %s', (domain, removed) => {
    expect(isPlannedCookie(plan, domain)).toBe(removed);
  });

  it('computes registrable domains and concrete hosts', () => {
    expect(registrableDomain('Chat.OpenAI.com.')).toBe('openai.com');
    expect(registrableDomain('localhost')).toBe('localhost');
    expect(concreteHosts(['*.unknown.com', 'a.com'])).toEqual(['a.com']);
  });
});
