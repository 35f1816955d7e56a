import { t } from '../platform/i18n';
import { SETTINGS_ALTERNATIVES } from '../contract/alternatives';
import { useStored } from './use-stored';

/**
 * Other assistants to use while OpenAI has an outage: the user's list from the options page
 * (defaults: Claude, Gemini, Copilot, a local model). Place it under the verdict when the verdict
 * puts the trouble on OpenAI's side; `outage` says whether the status page reports one, so the
 * words match the evidence. Links open in a new tab; only https links ever reach the list.
 */
/** Its styles: alternatives.css, in the stylesheet of each page that shows it (it loads lazily). */
export function Alternatives({ heading = true, outage = true }: { heading?: boolean; outage?: boolean }) {
  const alternatives = useStored(SETTINGS_ALTERNATIVES);
  if (!alternatives?.length) return null;
  return (
    <section
      class="alternatives"
      aria-labelledby={heading ? 'alternatives-heading' : undefined}
      aria-label={heading ? undefined : t('monitor_alternatives_title')}
    >
      {heading && <h2 id="alternatives-heading">{t('monitor_alternatives_title')}</h2>}
      <p class="muted alternatives-hint">{t(outage ? 'monitor_alternatives_hint' : 'monitor_alternatives_hint_failing')}</p>
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
