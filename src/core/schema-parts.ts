import { nullable, number, string } from 'valibot';

/** Fields outside data may leave null: the status page's and the stored records' alike. */
export const nullableString = nullable(string());
export const nullableNumber = nullable(number());
