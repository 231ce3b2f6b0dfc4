// Text for times and durations, shared by every section of the dashboard.

/** "42 s", "3 min 05 s", "2 h 07 min" — what a person reads at a glance. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** ISO-like local time without the date noise of `toLocaleString`: "2026-11-22 05:47:03". */
export function formatTimestamp(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The time of day only, for the event log (the row's <time datetime> carries the full instant). */
export function formatClockTime(epochMs: number): string {
  return formatTimestamp(epochMs).slice(11);
}
