import { validateSettingsInput } from '../contract/settings';
import type { Handlers } from '../platform/messaging';
import type { createProbe } from './probe';
import type { createSettingsStore } from './settings-store';
import type { createStatusMonitor } from './status-monitor';

export interface MonitorHandlerDeps {
  monitor: ReturnType<typeof createStatusMonitor>;
  probe: ReturnType<typeof createProbe>;
  settings: ReturnType<typeof createSettingsStore>;
}

/** The monitor's requests: a tick now, one probe now, and saving the options page's settings. */
export function monitorHandlers({ monitor, probe, settings }: MonitorHandlerDeps) {
  return {
    'monitor/tick': async () => monitor.tick(),
    'probe/run': async () => probe.run(),
    'settings/save': async ({ settings: input }) => {
      // The options page validated already; the background checks again, as the only writer.
      const result = validateSettingsInput(input);
      if (!result.settings) return result;
      await settings.save(result.settings);
      await probe.sync(result.settings);
      await monitor.reschedule(true);
      return result;
    },
  } satisfies Partial<Handlers>;
}
