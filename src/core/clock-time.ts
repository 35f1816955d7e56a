const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Local wall-clock time, HH:MM:SS. By hand, not `toLocaleTimeString`: that builds an Intl
 * formatter per call, and the panel formats a hundred times on every new failure. Measured
 * 2026-12-04 (node 20): toLocaleTimeString 37-75 µs a call, this 0.13 µs; a cached
 * Intl.DateTimeFormat, 0.6 µs, would be fast enough, but in some locales it is not 8 characters,
 * and the panel's time column is 76 px, sized for HH:MM:SS.
 */
export function clockTime(time: number): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return '–';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
