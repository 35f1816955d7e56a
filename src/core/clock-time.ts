const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Local wall-clock time, HH:MM:SS. By hand, not `toLocaleTimeString`: that builds an Intl
 * formatter per call, and the panel formats a hundred times on every new failure.
 */
export function clockTime(time: number): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return '–';
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
