import { errorReply, type Reply } from '../contract/messages';

/**
 * A page-side action's outcome as the Reply every ActionButton shows: failures keep their `code`
 * and message, as the background's replies do, so "failed and why" reads the same either way.
 * A lazy chunk that fails to load is a failure like any other.
 */
export async function asReply<T>(work: Promise<T>): Promise<Reply<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return errorReply((error as { code?: string } | null)?.code ?? 'failed', error);
  }
}
