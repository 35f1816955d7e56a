import type { Alternative } from '../contract/settings';
import { DEFAULT_ALTERNATIVES } from '../contract/settings';
import { t } from '../platform/i18n';

/**
 * Rows of name + link; added, removed or reset here, validated on save with the rest. The group is
 * named by the section's heading (`labelledBy`), not a legend that would repeat it on screen.
 */
export function AlternativesEditor({
  labelledBy,
  value,
  error,
  onChange,
}: {
  labelledBy: string;
  value: Alternative[];
  error?: string | undefined;
  onChange: (update: (prev: Alternative[]) => Alternative[]) => void;
}) {
  // Updates are functions of the previous list, so two edits before a re-render both count.
  const update = (i: number, patch: Partial<Alternative>) => onChange((prev) => prev.map((alt, j) => (j === i ? { ...alt, ...patch } : alt)));
  return (
    <fieldset
      class={`alternatives-editor${error ? ' field-invalid' : ''}`}
      aria-labelledby={labelledBy}
      aria-describedby={error ? 'alternatives-error' : 'alternatives-editor-hint'}
    >
      <p id="alternatives-editor-hint" class="muted field-hint">
        {t('options_alternatives_hint')}
      </p>
      {value.map((alt, i) => (
        <div class="alt-row" key={i}>
          <input
            aria-label={t('options_alternative_name', i + 1)}
            value={alt.name}
            maxLength={40}
            onInput={(e) => update(i, { name: (e.currentTarget as HTMLInputElement).value })}
          />
          <input
            aria-label={t('options_alternative_url', i + 1)}
            type="url"
            value={alt.url}
            placeholder="https://"
            onInput={(e) => update(i, { url: (e.currentTarget as HTMLInputElement).value })}
          />
          <button
            type="button"
            onClick={() => onChange((prev) => prev.filter((_, j) => j !== i))}
            aria-label={t('options_alternative_remove', alt.name || String(i + 1))}
          >
            {t('options_remove')}
          </button>
        </div>
      ))}
      <div class="alt-actions">
        <button type="button" disabled={value.length >= 12} onClick={() => onChange((prev) => [...prev, { name: '', url: 'https://' }])}>
          {t('options_alternative_add')}
        </button>
        <button type="button" onClick={() => onChange(() => DEFAULT_ALTERNATIVES.map((a) => ({ ...a })))}>
          {t('options_alternatives_reset')}
        </button>
      </div>
      {error && (
        <p id="alternatives-error" class="field-error" role="alert">
          {t(error)}
        </p>
      )}
    </fieldset>
  );
}
