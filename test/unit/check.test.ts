import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arr, bool, check, int, nullable, num, obj, oneOf, optional, parse, record, str, that, trimmed, type Check } from '../../src/core/check';

const passes = (c: Check<unknown>, value: unknown) => parse(c, value).ok;

describe('check: each combinator accepts and rejects', () => {
  const cases: Array<[string, Check<unknown>, unknown[], unknown[]]> = [
    ['str()', str(), ['', 'x', ' a '], [undefined, null, 1, ['x'], new String('x')]],
    ['str(3)', str(3), ['', 'abc'], ['abcd']],
    ['num()', num(), [0, -0, -1.5, Infinity, -Infinity, Number.MAX_VALUE], [NaN, '1', null, undefined, 1n]],
    ['num(0)', num(0), [0, -0, 0.5, Infinity], [-0.001, -Infinity, NaN]],
    ['num(1, 168)', num(1, 168), [1, 1.5, 168], [0.99, 168.01, Infinity]],
    ['int(0)', int(0), [0, 1, 2 ** 53], [-1, 0.5, Infinity, NaN, '1']],
    ['int(2, 50)', int(2, 50), [2, 50], [1, 51, 2.5]],
    ['bool', bool, [true, false], [0, 1, 'true', null, new Boolean(true)]],
    ['oneOf', oneOf(['a', 2, NaN]), ['a', 2, NaN], ['A', '2', undefined, null]],
    ['nullable(str())', nullable(str()), [null, 'x'], [undefined, 1]],
    ['optional(str())', optional(str()), [undefined, 'x'], [null, 1]],
    ['arr(num(), 2)', arr(num(), 2), [[], [1, 2]], [[1, 2, 3], ['1'], [1, NaN], {}, 'ab', null]],
    // A hole reads as undefined, as it would after any copy: it is not skipped.
    ['arr(num()) with a hole', arr(num()), [], [[1, , 3]]],
    ['trimmed(3, 1)', trimmed(3, 1), ['a', ' abc ', '\tab\n'], ['', '   ', 'abcd', ' abcd ', 1]],
    ['that', that(str(), (s) => s.startsWith('https://')), ['https://x'], ['http://x', 1]],
    ['obj', obj({ a: num(), b: optional(str()) }), [{ a: 1 }, { a: 1, b: 'x' }, { a: 1, b: undefined }, { a: 1, c: true }], [{}, { a: '1' }, { a: 1, b: null }, null, 'x', 1]],
    ['record', record(oneOf(['x', 'y']), num()), [{}, { x: 1 }, { x: 1, y: 2 }], [{ z: 1 }, { x: '1' }, null, 'x']],
  ];
  it.each(cases)('%s', (_, c, good, bad) => {
    for (const value of good) expect(passes(c, value), `accepts ${String(value)}`).toBe(true);
    for (const value of bad) expect(passes(c, value), `rejects ${String(value)}`).toBe(false);
  });
});

describe('check: outputs', () => {
  it('obj keeps only known keys, and a missing optional key stays missing', () => {
    const c = obj({ a: num(), b: optional(str()), n: obj({ x: bool }) });
    expect(check(c, { a: 1, extra: 2, n: { x: true, y: 1 } })).toStrictEqual({ a: 1, n: { x: true } });
    expect(check(c, { a: 1, b: undefined, n: { x: false } })).toStrictEqual({ a: 1, b: undefined, n: { x: false } });
  });

  it('trimmed returns the trimmed string', () => {
    expect(check(trimmed(40), '  Claude \n')).toBe('Claude');
  });

  it('record skips inherited keys and the ones that could reach a prototype, and never copies __proto__', () => {
    const c = record(oneOf(['x']), num());
    const raw = JSON.parse('{"x":1,"__proto__":{"polluted":true},"constructor":5,"prototype":"p"}') as unknown;
    const out = check(c, raw);
    expect(out).toStrictEqual({ x: 1 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(check(c, Object.create({ y: 1 }) as unknown)).toStrictEqual({});
  });

  it('check answers undefined on failure, including for falsy valid values', () => {
    expect(check(bool, false)).toBe(false);
    expect(check(num(), 0)).toBe(0);
    expect(check(nullable(num()), null)).toBeNull();
    expect(check(bool, 'false')).toBeUndefined();
  });
});

describe('check: paths', () => {
  const shape = obj({ status: obj({ indicator: oneOf(['none', 'minor']) }), components: optional(arr(obj({ id: str() }))) });
  it.each([
    [{ status: { indicator: 'x' } }, ['status', 'indicator']],
    [{}, ['status']],
    [{ status: { indicator: 'none' }, components: [{ id: 'a' }, { id: 2 }] }, ['components', 1, 'id']],
    [{ status: { indicator: 'none' }, components: {} }, ['components']],
    [null, []],
    [{ status: { indicator: 'none' } }, null],
  ])('%j fails at %j', (value, path) => {
    const result = parse(shape, value);
    expect(result.ok ? null : result.path).toEqual(path);
  });

  it('record names the bad key, whether the key or its value is wrong', () => {
    const c = record(oneOf(['x']), num());
    expect(parse(c, { x: 1, y: 2 })).toEqual({ ok: false, path: ['y'] });
    expect(parse(c, { x: 'a' })).toEqual({ ok: false, path: ['x'] });
  });
});

describe('check: properties', () => {
  const shape = obj({ id: str(), n: nullable(num()), tags: arr(str(5), 3), deep: obj({ ok: bool, when: optional(int(0)) }) });
  const valid = fc.record({
    id: fc.string(),
    n: fc.option(fc.double({ noNaN: true }), { nil: null }),
    tags: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    deep: fc.record({ ok: fc.boolean(), when: fc.nat() }, { requiredKeys: ['ok'], noNullPrototype: true }),
  }, { noNullPrototype: true });

  it('a valid value comes back equal, as a copy', () => {
    fc.assert(
      fc.property(valid, (value) => {
        const out = check(shape, value);
        expect(out).toStrictEqual(value);
        expect(out).not.toBe(value);
      }),
    );
  });

  it('never throws on anything; what passes passes again unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), valid), (value) => {
        const result = parse(shape, value);
        if (result.ok) expect(check(shape, result.value)).toStrictEqual(result.value);
        else expect(result.path.every((k) => typeof k === 'string' || typeof k === 'number')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('one field replaced by junk fails at that field, if it fails at all', () => {
    fc.assert(
      fc.property(valid, fc.constantFrom('id', 'n', 'tags', 'deep'), fc.anything(), (value, key, junk) => {
        const broken = { ...value, [key]: junk };
        const result = parse(shape, broken);
        if (!result.ok) expect(result.path[0]).toBe(key);
      }),
      { numRuns: 300 },
    );
  });
});
