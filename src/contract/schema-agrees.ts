/**
 * `true` when a schema's output and the hand-written type it checks are the same type, `never`
 * otherwise: `export const x: SchemaAgrees<InferOutput<typeof S>, T> = true` fails to compile as
 * soon as the two drift apart. Brackets keep a union from being compared member by member.
 */
export type SchemaAgrees<Output, Type> = [Output] extends [Type] ? ([Type] extends [Output] ? true : never) : never;
