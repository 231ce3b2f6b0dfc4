// ISO 8601 durations as Azure uses them (`pauseTimeBetweenBatches`, default `PT0S`, O8). Years and
// months have no fixed length, so they are refused rather than guessed; weeks, days, hours, minutes
// and (fractional) seconds are accepted.

const pattern = /^P(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

export type DurationParse = { ok: true; ms: number } | { ok: false; error: string };

function num(part: string | undefined): number {
  return part === undefined ? 0 : Number(part.replace(',', '.'));
}

/** Parses e.g. `PT0S`, `PT30S`, `PT1H30M`, `P1DT2H`; returns milliseconds or why it is not valid. */
export function parseIsoDuration(text: string): DurationParse {
  const trimmed = text.trim();
  const datePart = trimmed.split(/T/i)[0];
  if (/^P/i.test(datePart) && /[YM]/i.test(datePart.slice(1))) {
    return { ok: false, error: `'${text}': years and months have no fixed length; use days, hours, minutes or seconds` };
  }
  const m = pattern.exec(trimmed);
  if (!m || trimmed === 'P' || /T$/i.test(trimmed)) return { ok: false, error: `'${text}' is not an ISO 8601 duration such as PT0S, PT30S or PT1H30M` };
  const [, w, d, h, min, s] = m;
  const ms = (((num(w) * 7 + num(d)) * 24 + num(h)) * 60 + num(min)) * 60_000 + num(s) * 1000;
  return { ok: true, ms: Math.round(ms) };
}

/** Formats milliseconds as the shortest ISO 8601 duration (`PT0S` for zero). */
export function formatIsoDuration(ms: number): string {
  if (!(ms > 0)) return 'PT0S';
  let rest = Math.round(ms);
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
