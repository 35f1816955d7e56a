import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { activeTabId } from '../platform/tabs';
import { FailureList } from '../ui/failure-list';
import { LogNotice } from '../ui/log-notice';
import { useLog } from '../ui/use-log';
import { useNow } from '../ui/use-now';

export function Popup() {
  const log = useLog();
  const now = useNow();
  const [tabId, setTabId] = useState<number | null>(null);
  const [scope, setScope] = useState<'tab' | 'all'>('tab');
  useEffect(() => {
    activeTabId().then(setTabId, () => setTabId(null));
  }, []);

  const records = log ? (scope === 'tab' && tabId !== null ? log.records.filter((r) => r.tabId === tabId) : log.records) : [];
  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
      </header>
      <section aria-labelledby="recent-title">
        <header>
          <h2 id="recent-title">{t('recentFailures')}</h2>
          <div class="tabs-switch" role="group">
            <button type="button" aria-pressed={scope === 'tab'} onClick={() => setScope('tab')}>
              {t('thisTab')}
            </button>
            <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
              {t('allTabs')}
            </button>
          </div>
        </header>
        {log && <LogNotice log={log} />}
        {log && <FailureList records={records} now={now} empty={scope === 'tab' ? t('noFailuresTab') : t('noFailures')} />}
      </section>
    </main>
  );
}
