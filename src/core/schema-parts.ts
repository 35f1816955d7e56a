import { check, fallback, nullable, number, pipe, safeParse, string, type GenericSchema } from 'valibot';

/** Fields outside data may leave null: the status page's and the stored records' alike. */
export const nullableString = nullable(string());
export const nullableNumber = nullable(number());
/** A time or a measure: a number, never NaN or Infinity (valibot's check, a kind the worker carries anyway, instead of finite()). */
export const finiteNumber = pipe(
  number(),
  check((n: number) => Number.isFinite(n)),
);
/** A stored time or measure that may be missing: anything else reads as null, the others kept. */
export const finiteOrNull = fallback(nullable(finiteNumber), null);

/**
 * What an object schema whose every field has a fallback makes of nothing stored: each field's
 * fallback, so a state's defaults are written once, in its schema.
 */
export const fallbacksOf = <T>(schema: GenericSchema<unknown, T>): T => safeParse(schema, {}).output as T;
