import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { missingHostAccess, requestHostAccess } from '../platform/host-access';
import { ActionButton } from './action-button';

/**
 * Says so when the user has withdrawn Error Doctor's access to ChatGPT's sites (Firefox's Add-ons
 * Manager, Chrome's site access), and asks for it back in one click. Renders nothing otherwise.
 */
export function HostAccessNotice() {
  const [missing, setMissing] = useState<string[]>([]);
  const check = () => missingHostAccess().then(setMissing, () => setMissing([]));
  useEffect(() => void check(), []);
  if (!missing.length) return null;
  const sites = missing.map((origin) => origin.replace(/^https:\/\//, '').replace(/\/\*$/, ''));
  return (
    <p class="notice host-access" role="alert">
      {t('hostAccess_missing', sites.join(', '))}{' '}
      <ActionButton
        id="host-access-allow"
        primary
        label={t('hostAccess_allow')}
        run={async () => {
          const granted = await requestHostAccess(missing);
          return granted ? { ok: true as const, value: true } : { ok: false as const, error: { code: 'refused', message: t('hostAccess_refused') } };
        }}
        onDone={() => void check()}
      />
    </p>
  );
}
