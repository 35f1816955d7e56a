import type { ComponentChildren } from 'preact';
import type { Cause, Diagnosis } from '../core/diagnosis';
import { t } from '../platform/i18n';
import { VerdictPending } from './verdict-pending';
import './verdict-card.css';

function confidenceKey(confidence: number): string {
  return confidence >= 0.6 ? 'diag_confidence_high' : confidence >= 0.35 ? 'diag_confidence_medium' : 'diag_confidence_low';
}

/** When to try again, from the server's own `retry-after`; nothing when it never said. */
export function retryText(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  if (seconds <= 0) return t('diag_retry_now');
  return seconds < 120 ? t('diag_retry_in_sec', seconds) : t('diag_retry_in_min', Math.ceil(seconds / 60));
}

function EvidenceList({ cause }: { cause: Cause }) {
  return (
    <ul class="verdict-evidence">
      {cause.evidence.map((e, i) => (
        <li key={`${e.key}-${i}`}>{t(e.key, e.subs)}</li>
      ))}
    </ul>
  );
}

/**
 * The diagnosis in one plain sentence (whose side the trouble is on), the fix named, and the
 * evidence one click away, so the answer is quick to read and still checkable. `children` is
 * the recommended fix as a button (the page decides what it can run: see core/verdict-action.ts).
 */
export function VerdictCard({ diagnosis, children }: { diagnosis: Diagnosis | null | undefined; children?: ComponentChildren }) {
  if (!diagnosis) return <VerdictPending />;
  const { verdict, causes } = diagnosis;
  const others = causes.filter((c) => c !== verdict);
  const retry = retryText(verdict.retryAfterSec);
  return (
    <section class={`verdict side-${verdict.side}`} data-cause={verdict.id} aria-labelledby="verdict-title">
      <p class="verdict-side">{t(`diag_side_${verdict.side}`)}</p>
      <h2 id="verdict-title" class="verdict-title">
        {t(verdict.titleKey)}
      </h2>
      <p class="verdict-fix">
        <strong>{t('diag_fix_label')}</strong> {t(verdict.fixKey)}
      </p>
      {retry && (
        <p class="verdict-retry" role="status">
          {retry}
        </p>
      )}
      {children && <div class="verdict-action">{children}</div>}
      <details class="verdict-details">
        <summary>{t('diag_evidence')}</summary>
        <p class="muted">{t(verdict.detailKey)}</p>
        <EvidenceList cause={verdict} />
        {others.length > 0 && (
          <>
            <h3>{t('diag_other_causes')}</h3>
            <ul class="verdict-others">
              {others.map((c) => (
                <li key={c.id} data-cause={c.id}>
                  {t(c.titleKey)} <span class="tag">{t(confidenceKey(c.confidence))}</span>
                  <EvidenceList cause={c} />
                </li>
              ))}
            </ul>
          </>
        )}
      </details>
    </section>
  );
}
