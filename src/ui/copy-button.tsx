import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { errorText } from '../core/error-text';

type CopyState = { kind: 'idle' } | { kind: 'done' } | { kind: 'failed'; reason: string };

/**
 * Copies `text`, then says so (or why it could not) for two seconds. `what` names what it copies
 * ("cf-ray"), so a screen reader hears "Copy cf-ray", not eight times "Copy"; or `label` is the
 * whole name ("Copy Markdown"), shown as it is. Only the small "Copy" beside a value is small:
 * a named copy stands among the page's other buttons and is their size.
 */
export function CopyButton({ text, what, label }: { text: string } & ({ what: string; label?: string } | { what?: undefined; label: string })) {
  const name = what === undefined ? label! : t('copyWhat', what);
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'failed', reason: errorText(error) });
    }
    setTimeout(() => setState({ kind: 'idle' }), 2000);
  };
  const shown = state.kind === 'done' ? t('copied') : state.kind === 'failed' ? t('copyFailed', state.reason) : (label ?? t('copy'));
  return (
    <button
      type="button"
      class={`copy-${state.kind}${label === undefined ? ' copy-small' : ''}`}
      onClick={copy}
      aria-live="polite"
      aria-label={state.kind === 'idle' ? name : shown}
      title={name}
    >
      {shown}
    </button>
  );
}
