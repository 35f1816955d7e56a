import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';

type CopyState = { kind: 'idle' } | { kind: 'done' } | { kind: 'failed'; reason: string };

/** Copies `text`, then says so (or why it could not) for two seconds. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
    setTimeout(() => setState({ kind: 'idle' }), 2000);
  };
  const shown = state.kind === 'done' ? t('copied') : state.kind === 'failed' ? t('copyFailed', state.reason) : (label ?? t('copy'));
  return (
    <button type="button" class={`copy copy-${state.kind}`} onClick={copy} aria-live="polite" title={`${t('copy')} ${text}`}>
      {shown}
    </button>
  );
}
