import { useEffect, useState } from 'preact/hooks';
import type { Reply } from '../contract/messages';
import { PRIVACY_PAGE } from '../contract/pages';
import { validateSettingsInput, type Alternative, type Settings, type SettingsField } from '../contract/settings';
import { request } from '../platform/messaging';
import { t, tn } from '../platform/i18n';
import { ActionButton } from '../ui/action-button';
import { useSettings } from '../ui/use-settings';
import { AlertHistory } from './alert-history';
import { AlternativesEditor } from './alternatives-editor';
import { MonitorStatus } from './monitor-status';
import { CheckField, NumberField } from './options-fields';
import { ProbeHistoryView } from './probe-history-view';

type Errors = Partial<Record<SettingsField, string>>;
/** Number fields are edited as text, so "" or "2.5" can be shown back with a message, not lost. */
type Draft = { [K in SettingsField]: Settings[K] extends number ? string : Settings[K] };

const NUMBER_FIELDS = [
  'maxRecords',
  'retentionHours',
  'pollMinutes',
  'failureThreshold',
  'failureWindowMinutes',
  'alertThrottleMinutes',
  'probeMinutes',
] as const;

function toDraft(s: Settings): Draft {
  const { version: _version, ...rest } = s;
  const draft = { ...rest } as unknown as Record<string, unknown>;
  for (const key of NUMBER_FIELDS) draft[key] = String(s[key]);
  return draft as Draft;
}

function fromDraft(draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = { ...draft };
  // An empty box is "no value", which fails validation with the field's message instead of becoming 0.
  for (const key of NUMBER_FIELDS) out[key] = draft[key].trim() === '' ? Number.NaN : Number(draft[key]);
  out.alternatives = draft.alternatives.map((a: Alternative) => ({ name: a.name.trim(), url: a.url.trim() }));
  return out;
}

/**
 * The settings: log retention, monitoring, alerts, the probe and the alternatives. Everything is
 * checked here first (each bad field says what to enter), then saved through the background,
 * which checks again and is the only writer.
 */
export function OptionsPage() {
  const stored = useSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  useEffect(() => {
    if (stored && !draft) setDraft(toDraft(stored));
  }, [stored]);
  if (!draft) return <main class="options" aria-busy="true" />;

  // Functional update: two inputs before a re-render must not overwrite each other.
  const set = <K extends SettingsField>(key: K, value: Draft[K]) => setDraft((d) => (d ? { ...d, [key]: value } : d));
  const num = (key: (typeof NUMBER_FIELDS)[number], min: number, max: number, hint?: string) => (
    <NumberField
      name={key}
      label={t(`options_label_${key}`)}
      value={draft[key]}
      min={min}
      max={max}
      error={errors[key]}
      onInput={(v) => set(key, v)}
      {...(hint ? { hint } : {})}
    />
  );
  const check = (
    key: 'keepAcrossRestarts' | 'monitorEnabled' | 'alertFailures' | 'alertIncident' | 'alertRecovery' | 'probeEnabled' | 'answerErrors',
    hint?: string,
  ) => (
    <CheckField
      name={key}
      label={t(`options_label_${key}`)}
      checked={draft[key]}
      error={errors[key]}
      onChange={(v) => set(key, v)}
      {...(hint ? { hint } : {})}
    />
  );

  async function save(): Promise<Reply<{ saved: true }>> {
    const local = validateSettingsInput(fromDraft(draft!));
    setErrors(local.errors);
    if (!local.settings) return { ok: false, error: { code: 'invalid', message: tn('options_fix_fields', Object.keys(local.errors).length) } };
    const reply = await request('settings/save', { settings: local.settings });
    if (!reply.ok) return reply;
    setErrors(reply.value.errors);
    if (!reply.value.settings) return { ok: false, error: { code: 'invalid', message: tn('options_fix_fields', Object.keys(reply.value.errors).length) } };
    setDraft(toDraft(reply.value.settings));
    return { ok: true, value: { saved: true } };
  }

  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        <section aria-labelledby="sec-log">
          <h2 id="sec-log">{t('options_section_log')}</h2>
          {check('keepAcrossRestarts')}
          {check('answerErrors', t('options_hint_answerErrors'))}
          {num('maxRecords', 50, 5000)}
          {num('retentionHours', 1, 168)}
        </section>
        <section aria-labelledby="sec-monitor">
          <h2 id="sec-monitor">{t('options_section_monitor')}</h2>
          {check('monitorEnabled', t('options_hint_monitorEnabled'))}
          {num('pollMinutes', 1, 60, t('options_hint_pollMinutes'))}
          <MonitorStatus />
        </section>
        <section aria-labelledby="sec-alerts">
          <h2 id="sec-alerts">{t('options_section_alerts')}</h2>
          {check('alertFailures')}
          <div class="field-row">
            {num('failureThreshold', 2, 50)}
            {num('failureWindowMinutes', 1, 60)}
          </div>
          {check('alertIncident')}
          {check('alertRecovery')}
          {num('alertThrottleMinutes', 1, 1440, t('options_hint_alertThrottleMinutes'))}
        </section>
        <section aria-labelledby="sec-probe">
          <h2 id="sec-probe">{t('options_section_probe')}</h2>
          {check('probeEnabled', t('options_hint_probeEnabled'))}
          {num('probeMinutes', 1, 60)}
          <ProbeHistoryView />
        </section>
        <section aria-labelledby="sec-alternatives">
          <h2 id="sec-alternatives">{t('options_section_alternatives')}</h2>
          <AlternativesEditor
            labelledBy="sec-alternatives"
            value={draft.alternatives}
            error={errors.alternatives}
            onChange={(f) => setDraft((d) => (d ? { ...d, alternatives: f(d.alternatives) } : d))}
          />
        </section>
        <div class="options-save">
          <ActionButton primary id="options-save" label={t('options_save')} run={save} doneText={() => t('options_saved')} />
        </div>
      </form>
      <section aria-labelledby="sec-history">
        <h2 id="sec-history">{t('options_section_history')}</h2>
        <AlertHistory />
      </section>
      <footer class="options-footer">
        <a id="privacy-policy" href={`/${PRIVACY_PAGE}`} target="_blank" rel="noopener">
          {t('options_privacy_policy')}
        </a>
      </footer>
    </main>
  );
}
