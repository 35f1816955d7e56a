import { array, pipe, safeParse, transform, unknown, type GenericSchema } from 'valibot';

/**
 * A stored list of which only the items that pass `item` are kept, the newest `max` of them: one
 * bad entry (an older build's, a corrupt one) never costs the others. Anything but an array fails.
 */
export const validItems = <T>(item: GenericSchema<unknown, T>, max = Infinity) =>
  pipe(
    array(unknown()),
    transform((items) =>
      items
        .flatMap((value) => {
          const result = safeParse(item, value);
          return result.success ? [result.output] : [];
        })
        .slice(-max),
    ),
  );
