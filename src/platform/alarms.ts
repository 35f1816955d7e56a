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

/** A one-shot alarm at `when` (ms since the epoch); replaces one of the same name. */
export async function scheduleAlarm(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

export async function alarmTime(name: string): Promise<number | null> {
  const alarm = await browser.alarms.get(name);
  return alarm ? alarm.scheduledTime : null;
}
