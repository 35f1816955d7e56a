import type { ReportJson, Translate } from './report-json';
import { pluralKey } from './plural';

/** Table cells: one line, no pipes or backticks that would break the table or the code spans. */
function cell(value: string | number | null): string {
  if (value === null || value === '') return '–';
  return String(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(/`/g, "'");
}

function code(value: string | null): string {
  return value ? `\`${cell(value)}\`` : '–';
}

function list(items: readonly string[]): string[] {
  return items.map((item) => `- ${cell(item)}`);
}

/** The Markdown a user pastes into a support chat or email; every value comes from the redacted JSON. */
export function renderReportMarkdown(report: ReportJson, t: Translate): string {
  const { verdict, others } = report.diagnosis;
  const env = report.environment;
  const lines: string[] = [
    `# ${t('report_md_title')}`,
    '',
    t('report_md_generated', [report.generatedAt, env.extensionVersion]),
    '',
    `## ${t('report_md_diagnosis')}`,
    '',
    `**${cell(verdict.title)}** (${Math.round(verdict.confidence * 100)}%) — ${cell(t(`diag_side_${verdict.side}`))}`,
    '',
    `${t('diag_fix_label')} ${cell(verdict.fix)}`,
    '',
    ...list(verdict.evidence),
  ];
  if (others.length) lines.push('', `${t('diag_other_causes')}:`, ...list(others.map((c) => `${c.title} (${Math.round(c.confidence * 100)}%)`)));
  lines.push(
    '',
    `## ${t('report_md_window')}`,
    '',
    `${report.window.from} – ${report.window.to}`,
    '',
    `## ${t('report_md_environment')}`,
    '',
    `| ${t('report_md_browser')} | ${t('report_md_os')} | ${t('report_md_extension')} |`,
    '| --- | --- | --- |',
    `| ${cell(`${env.browser} ${env.browserVersion}`)} | ${cell(env.os)} | ${cell(env.extensionVersion)} |`,
    '',
    `## ${t('report_md_status')}`,
    '',
  );
  const s = report.statusPage;
  if (!s) lines.push(t('report_md_status_none'));
  else if (s.state === 'unknown') lines.push(t('report_md_status_unknown', [s.checkedAt, s.reason]));
  else {
    lines.push(t('report_md_status_known', [s.checkedAt, s.description, s.indicator]));
    if (s.incidents.length || s.components.length) lines.push('', ...list([...s.incidents, ...s.components]));
  }
  lines.push('', `## ${t('report_md_failures', [String(report.failures.length)])}`, '');
  if (!report.failures.length) lines.push(t('report_md_no_failures'));
  else {
    lines.push(
      `| ${t('report_md_time')} | ${t('report_md_result')} | ${t('report_md_method')} | ${t('report_md_path')} | cf-ray | x-request-id | x-oai-request-id |`,
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const f of report.failures) {
      const result = f.status !== null ? String(f.status) : (f.error ?? '');
      const tag = f.telemetry ? ` (${t('telemetryTag')})` : '';
      lines.push(
        `| ${f.time} | ${cell(result)}${tag} | ${cell(f.method)} | ${code(f.host + f.path)} | ${code(f.requestIds.cfRay)} | ${code(f.requestIds.xRequestId)} | ${code(f.requestIds.oaiRequestId)} |`,
      );
    }
    if (report.failuresOmitted) lines.push('', t(pluralKey('report_md_omitted', report.failuresOmitted), [String(report.failuresOmitted)]));
  }
  lines.push('', `## ${t('report_md_conflicts')}`, '');
  const enabled = report.conflicts.filter((c) => c.enabled);
  lines.push(...(enabled.length ? list(enabled.map((c) => `${c.name} ${c.version} (${c.kind})`)) : [t('report_md_none')]));
  lines.push('', `## ${t('report_md_steps')}`, '');
  lines.push(
    ...(report.steps.length
      ? list(report.steps.map((s) => `${s.step}: ${t(`report_outcome_${s.outcome.replace(/-/g, '_')}`)}${s.check ? ` — ${s.check}` : ''}`))
      : [t('report_md_none')]),
  );
  lines.push('', '---', '', t(report.masking.conversationIds === 'kept' ? 'report_md_masked_kept' : 'report_md_masked'), '');
  return lines.join('\n');
}
