import { t } from '../platform/i18n';
import { SETTINGS_ALTERNATIVES } from '../contract/alternatives';
import { useStored } from './use-stored';
import './alternatives.css';

/**
 * Other assistants to use while OpenAI has an outage: the user's list from the options page
 * (defaults: Claude, Gemini, Copilot, a local model). Place it under the verdict when the verdict
 * is an OpenAI outage. Links open in a new tab; only https links ever reach the list.
 */
export function Alternatives({ heading = true }: { heading?: boolean }) {
  const alternatives = useStored(SETTINGS_ALTERNATIVES);
  if (!alternatives?.length) return null;
  return (
    <section class="alternatives" aria-labelledby={heading ? 'alternatives-heading' : undefined} aria-label={heading ? undefined : t('monitor_alternatives_title')}>
      {heading && <h2 id="alternatives-heading">{t('monitor_alternatives_title')}</h2>}
      <p class="muted alternatives-hint">{t('monitor_alternatives_hint')}</p>
      <ul>
        {alternatives.map((alt) => (
          <li key={`${alt.name}|${alt.url}`}>
            <a href={alt.url} target="_blank" rel="noopener noreferrer">
              {alt.name}
            </a>
            <span class="muted alternatives-host">{hostOf(alt.url)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
