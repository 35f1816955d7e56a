/**
 * Checks outside data (storage, settings forms, the status page) against a shape. Our shapes are
 * a dozen small objects, and every byte here ships in both the popup and the worker, which have
 * hard size budgets: hence a few combinators instead of a schema library.
 *
 * A `Check<T>` returns its input as a T, rebuilt where that matters (objects keep only their
 * known keys, `trimmed` trims), or throws the path to the first bad value. Only `check` and
 * `parse` catch, so no caller ever sees the throw.
 */
export type Check<T> = (value: unknown) => T;
export type Infer<C> = C extends Check<infer T> ? T : never;
/** Keys from the root down to the bad value; [] when the value itself is bad. */
export type Path = Array<string | number>;

type Shape = Record<string, Check<unknown>>;
type Flat<T> = { [K in keyof T]: T[K] } & {};
/** A key whose check accepts undefined may be missing. */
export type ObjectOf<S extends Shape> = Flat<
  { [K in keyof S as undefined extends Infer<S[K]> ? never : K]: Infer<S[K]> } & {
    [K in keyof S as undefined extends Infer<S[K]> ? K : never]?: Infer<S[K]>;
  }
>;

function fail(): never {
  throw [] satisfies Path;
}

/** Runs `c` on `value`, putting `key` in front of the path of a failure. */
function at<T>(key: string | number, c: Check<T>, value: unknown): T {
  try {
    return c(value);
  } catch (path) {
    throw [key, ...(path as Path)];
  }
}

/** `c`, then `ok` on what it returned. */
export const that =
  <T>(c: Check<T>, ok: (value: T) => boolean): Check<T> =>
  (v) => {
    const out = c(v);
    return ok(out) ? out : fail();
  };

export const str =
  (max = Infinity): Check<string> =>
  (v) =>
    typeof v === 'string' && v.length <= max ? v : fail();

/** A string with the white space around it removed, then held to `min`…`max` characters. */
export const trimmed = (max: number, min = 0): Check<string> =>
  that(
    (v) => (typeof v === 'string' ? v.trim() : fail()),
    (s) => s.length >= min && s.length <= max,
  );

/** A number in `min`…`max`: never NaN, and Infinity only when the bounds allow it. */
export const num =
  (min = -Infinity, max = Infinity): Check<number> =>
  (v) =>
    typeof v === 'number' && v >= min && v <= max ? v : fail();

export const int = (min?: number, max?: number): Check<number> => that(num(min, max), Number.isInteger);

export const bool: Check<boolean> = (v) => (typeof v === 'boolean' ? v : fail());

/** One of the listed values (compared as `includes` does, so NaN matches NaN and 0 matches -0). */
export const oneOf =
  <const T extends readonly unknown[]>(list: T): Check<T[number]> =>
  (v) =>
    list.includes(v) ? (v as T[number]) : fail();

export const nullable =
  <T>(c: Check<T>): Check<T | null> =>
  (v) =>
    v === null ? v : c(v);

/** Also lets an object key be missing (it stays missing in the output). */
export const optional =
  <T>(c: Check<T>): Check<T | undefined> =>
  (v) =>
    v === undefined ? v : c(v);

export const arr =
  <T>(c: Check<T>, max = Infinity): Check<T[]> =>
  (v) =>
    // Array.from, not map: a hole in a sparse array is checked as undefined instead of skipped.
    Array.isArray(v) && v.length <= max ? Array.from(v, (item: unknown, i) => at(i, c, item)) : fail();

/** An object with these keys; others are dropped, so nothing unchecked reaches the caller. */
export const obj =
  <S extends Shape>(shape: S): Check<ObjectOf<S>> =>
  (v) => {
    if (!v || typeof v !== 'object') fail();
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      // A missing key is checked as undefined: only an optional check lets it pass.
      const value = at(key, shape[key]!, (v as Record<string, unknown>)[key]);
      if (key in v) out[key] = value;
    }
    return out as ObjectOf<S>;
  };

/** An object whose own keys all pass `keys` and whose values all pass `c`. */
export const record =
  <K extends string, T>(keys: Check<K>, c: Check<T>): Check<Partial<Record<K, T>>> =>
  (v) => {
    if (!v || typeof v !== 'object') fail();
    const out: Partial<Record<K, T>> = {};
    for (const key in v) {
      // Skipped rather than rejected, so one stray key does not cost the whole object; and never
      // copied, since assigning `__proto__` would change the output's prototype.
      if (!Object.hasOwn(v, key) || key === '__proto__' || key === 'prototype' || key === 'constructor') continue;
      out[at(key, keys, key)] = at(key, c, (v as Record<string, unknown>)[key]);
    }
    return out;
  };

/** What `c` makes of `value`, or undefined when it fails (so `c` itself must not accept undefined). */
export function check<T extends {} | null>(c: Check<T>, value: unknown): T | undefined {
  try {
    return c(value);
  } catch {
    return undefined;
  }
}

/** Like `check`, but says where `value` failed. */
export function parse<T>(c: Check<T>, value: unknown): { ok: true; value: T } | { ok: false; path: Path } {
  try {
    return { ok: true, value: c(value) };
  } catch (path) {
    return { ok: false, path: path as Path };
  }
}
