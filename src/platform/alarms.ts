import { browser } from './browser';

/** Creates the alarm only when missing, so a worker restart does not reset its schedule. */
export async function ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (!existing || existing.periodInMinutes !== periodInMinutes) {
    await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  }
}

export function onAlarm(listener: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name));
}
