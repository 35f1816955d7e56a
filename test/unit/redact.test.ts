import { describe, expect, it } from 'vitest';
import { maskIds, redactCookieHeader, redactPath, redactText, safeUrl, stripQueryValues } from '../../src/core/redact';

describe('redaction', () => {
  it.each([
    ['jane.doe+chat@example.co.uk', '[email]'],
    ['jane%40example.com', '[email]'],
    ['sk-proj-AbCdEf0123456789xyz', '[key]'],
    ['sk-AbCdEf0123456789', '[key]'],
    ['Bearer abc.def-ghi_123456', 'Bearer [token]'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJl', '[jwt]'],
    ['a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u', '[secret]'],
  ])('masks %s', (secret, mask) => {
    expect(redactText(`before ${secret} after`)).toBe(`before ${mask} after`);
  });

  it.each(['8f1e2d3c4b5a6978-SJC', '0b7f4c52-7a8e-4a43-9a55-0e3c5c1b2f00', 'req_abc123', '/backend-api/f/conversation'])('keeps %s', (text) => {
    expect(redactText(text)).toBe(text);
  });

  it('keeps cookie names and drops values', () => {
    expect(redactCookieHeader('a=1; __Secure-next-auth.session-token=SECRET; b')).toBe('a=[removed]; __Secure-next-auth.session-token=[removed]; b=[removed]');
  });

  it('masks conversation and user ids when asked', () => {
    expect(maskIds('/backend-api/conversation/0b7f4c52-7a8e-4a43-9a55-0e3c5c1b2f00/user-AbCdEf123456')).toBe('/backend-api/conversation/[id]/user-[id]');
  });

  it('decodes, masks and bounds paths; survives malformed escapes', () => {
    expect(redactPath('/x/%E0%A4%A')).toBe('/x/%E0%A4%A');
    expect(redactPath('/u/jane%40example.com')).toBe('/u/[email]');
    expect(redactPath(`/${'a'.repeat(1000)}`).length).toBe(512);
  });

  it('removes query values but keeps their names', () => {
    expect(stripQueryValues('?offset=20&limit=28&email=jane@example.com')).toBe('?offset=&limit=&email=');
    expect(stripQueryValues('')).toBe('');
    expect(stripQueryValues('?')).toBe('');
  });

  it('splits URLs safely', () => {
    expect(safeUrl('https://ChatGPT.com/c/abc?x=1#frag')).toEqual({ host: 'chatgpt.com', path: '/c/abc' });
    expect(safeUrl('::')).toBeNull();
    expect(safeUrl('data:text/plain,hi')).toBeNull();
  });
});
