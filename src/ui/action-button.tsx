import { useState } from 'preact/hooks';
import type { Reply } from '../contract/messages';
import { t } from '../platform/i18n';

export type ActionState<T> = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; value: T } | { kind: 'failed'; message: string };

export interface ActionButtonProps<T> {
  label: string;
  /** The action: a request to the background or any async work returning a Reply. */
  run: () => Promise<Reply<T>>;
  /** What to say when it worked; defaults to "Done". */
  doneText?: (value: T) => string;
  onDone?: (value: T) => void;
  primary?: boolean;
  disabled?: boolean;
  id?: string;
}

/**
 * Every button that acts shows that it is working, then done, or failed and why. The state is
 * announced to screen readers through a live region next to the button.
 */
export function ActionButton<T>({ label, run, doneText, onDone, primary, disabled, id }: ActionButtonProps<T>) {
  const [state, setState] = useState<ActionState<T>>({ kind: 'idle' });
  const onClick = async () => {
    setState({ kind: 'working' });
    const reply = await run().catch((error: unknown) => ({ ok: false as const, error: { code: 'failed', message: String(error) } }));
    if (reply.ok) {
      setState({ kind: 'done', value: reply.value });
      onDone?.(reply.value);
    } else {
      setState({ kind: 'failed', message: reply.error.message });
    }
  };
  return (
    <span class={`action action-${state.kind}`}>
      <button
        type="button"
        id={id}
        class={primary ? 'primary' : undefined}
        disabled={disabled || state.kind === 'working'}
        aria-busy={state.kind === 'working'}
        onClick={onClick}
      >
        {label}
      </button>
      <span class="action-status" role="status" aria-live="polite">
        {state.kind === 'working' && t('actionWorking')}
        {state.kind === 'done' && (doneText ? doneText(state.value) : t('actionDone'))}
        {state.kind === 'failed' && t('actionFailed', state.message)}
      </span>
    </span>
  );
}
