import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../src/core/serial-queue';

/** A promise settled from outside, to hold work open while more is handed in. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('serialQueue', () => {
  it('runs one piece at a time, in the order handed in, each with its own result', async () => {
    const queue = serialQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run(async () => {
      log.push('a start');
      await first.opened;
      log.push('a end');
      return 1;
    });
    const b = queue.run(async () => {
      log.push('b');
      return 'two';
    });
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    expect(await a).toBe(1);
    expect(await b).toBe('two');
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('a failure rejects its own caller only; the next piece runs all the same', async () => {
    const queue = serialQueue();
    const failed = queue.run(async () => {
      throw new Error('storage full');
    });
    const after = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('storage full');
    await expect(after).resolves.toBe('ran');
    // A synchronous throw inside the work is the same as a rejection.
    const thrown = queue.run((): Promise<never> => {
      throw new Error('sync');
    });
    await expect(thrown).rejects.toThrow('sync');
    await expect(queue.run(async () => 3)).resolves.toBe(3);
  });

  it('idle() waits for everything handed in so far and never rejects', async () => {
    const queue = serialQueue();
    await expect(queue.idle()).resolves.toBeUndefined();
    const hold = gate();
    let done = false;
    void queue.run(async () => {
      await hold.opened;
      done = true;
    });
    queue.run(async () => Promise.reject(new Error('late'))).catch(() => undefined);
    const idle = queue.idle();
    hold.open();
    await expect(idle).resolves.toBeUndefined();
    expect(done).toBe(true);
  });

  it('never overlaps two pieces, whatever their timing and failures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ ticks: fc.nat(3), fails: fc.boolean() }), { maxLength: 12 }), async (pieces) => {
        const queue = serialQueue();
        let running = 0;
        let overlap = false;
        const order: number[] = [];
        const results = pieces.map((piece, i) =>
          queue.run(async () => {
            running++;
            overlap ||= running > 1;
            for (let t = 0; t < piece.ticks; t++) await Promise.resolve();
            order.push(i);
            running--;
            if (piece.fails) throw new Error(`piece ${i}`);
            return i;
          }),
        );
        const settled = await Promise.allSettled(results);
        expect(overlap).toBe(false);
        expect(order).toEqual(pieces.map((_, i) => i));
        expect(settled.map((s) => s.status)).toEqual(pieces.map((p) => (p.fails ? 'rejected' : 'fulfilled')));
      }),
    );
  });
});
