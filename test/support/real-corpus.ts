import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FakeResponse, Responder } from './fake-world';

/**
 * The reality corpus (test/fixtures/real/, sources in its README): real answers of ChatGPT,
 * Cloudflare, the sign-in service and the status page, served byte for byte by the fake world.
 */
export interface RealAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const REAL_DIR = resolve('test/fixtures/real');

export function realAnswer(file: string): RealAnswer {
  return JSON.parse(readFileSync(resolve(REAL_DIR, file), 'utf8')) as RealAnswer;
}

/** A corpus file as the fake world serves it: its status, its headers alone, its body. */
export function realResponse(file: string, override: Partial<RealAnswer> = {}): FakeResponse {
  const answer = { ...realAnswer(file), ...override };
  return { status: answer.status, headers: answer.headers, body: answer.body, exact: true };
}

/** A status-page scenario (test/fixtures/real/status/): each URL path's answer; other paths answer an HTML 404. */
export function realStatus(file: string): Responder {
  const answers = JSON.parse(readFileSync(resolve(REAL_DIR, 'status', file), 'utf8')) as Record<
    string,
    { status: number; headers: Record<string, string>; body: unknown }
  >;
  return (req) => {
    const a = Object.hasOwn(answers, req.path)
      ? answers[req.path]!
      : { status: 404, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Not found</title>' };
    return { status: a.status, headers: a.headers, body: typeof a.body === 'string' ? a.body : JSON.stringify(a.body), exact: true };
  };
}

/** One answer of a status scenario, as the status check's fetcher hands it to the parser. */
export function realStatusAnswer(file: string, path: string): { kind: 'answer'; status: number; contentType: string | null; body: string } {
  const response = (realStatus(file) as (req: { path: string }) => FakeResponse)({ path });
  return { kind: 'answer', status: response.status, contentType: response.headers?.['content-type'] ?? null, body: response.body ?? '' };
}
