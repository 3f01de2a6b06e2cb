/**
 * Date parsing for text cells, straight from the source text, to epoch milliseconds (UTC wall
 * time; a time-zone suffix is ignored so a date never shifts day). Accepted layouts:
 *   ISO      2011-03-10, 2011-03-10 16:16, 2011-03-10T16:16:00(.000)(Z|+01:00), 2011/03/10
 *   numeric  10/03/2011, 3/10/2011 8:26, 10.03.2011, 10-03-2011 (2-digit years: 00–69 → 20xx)
 * Whether `10/03/2011` is 10 March or 3 October is the column's `DateOrder`.
 */

/** Order of day and month in numeric (non-ISO) dates. */
export type DateOrder = 'dmy' | 'mdy';

/** Layout families, counted per column so mixed formats can be reported. */
export type DateLayout = 'iso' | 'numeric';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Epoch ms of a calendar date and time, or NaN when the fields are out of range. */
export function epochMs(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || hh > 23 || mm > 59 || ss > 60) return NaN;
  return daysFromCivil(y, m, d) * DAY_MS + ((hh * 60 + mm) * 60 + ss) * 1000;
}

/** Filled by `parseDateRange`: the layout of the last successfully parsed value. */
export const lastDate: { layout: DateLayout; ambiguous: boolean } = { layout: 'iso', ambiguous: false };

// Scratch state of the small cursor-based reader below (module-level to avoid allocation).
let pos = 0;
let digitsRead = 0;

function readInt(text: string, end: number, maxDigits: number): number {
  let v = 0;
  let k = 0;
  while (pos < end && k < maxDigits) {
    const c = text.charCodeAt(pos);
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    pos++;
    k++;
  }
  digitsRead = k;
  return k === 0 ? -1 : v;
}

function readTime(text: string, end: number): number {
  // Optional [ T]HH:MM[:SS[.fff]][Z|±HH:MM]; returns seconds of day or -1 when malformed.
  if (pos >= end) return 0;
  const sep = text.charCodeAt(pos);
  if (sep !== 32 && sep !== 84) return -1;
  pos++;
  const hh = readInt(text, end, 2);
  if (hh < 0 || text.charCodeAt(pos) !== 58) return -1;
  pos++;
  const mi = readInt(text, end, 2);
  if (mi < 0 || digitsRead !== 2) return -1;
  let ss = 0;
  if (pos < end && text.charCodeAt(pos) === 58) {
    pos++;
    ss = readInt(text, end, 2);
    if (ss < 0) return -1;
    if (pos < end && text.charCodeAt(pos) === 46) {
      pos++;
      while (pos < end && text.charCodeAt(pos) >= 48 && text.charCodeAt(pos) <= 57) pos++;
    }
  }
  let hour = hh;
  if (pos + 2 < end && text.charCodeAt(pos) === 32) {
    const marker = text.slice(pos + 1, pos + 3).toUpperCase();
    if ((marker === 'AM' || marker === 'PM') && hh >= 1 && hh <= 12) {
      hour = (hh % 12) + (marker === 'PM' ? 12 : 0);
      pos += 3;
    }
  }
  // Time-zone suffix: accept and ignore a trailing Z or offset.
  if (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === 90) pos++;
    else if (c === 43 || c === 45) {
      pos++;
      while (pos < end && /[0-9:]/.test(text[pos])) pos++;
    }
  }
  if (hour > 23 || mi > 59 || ss > 60) return -1;
  return (hour * 60 + mi) * 60 + ss;
}

/**
 * Parses `text.slice(start, end)` as a date; NaN when it is not one. `order` decides numeric
 * dates whose day and month are both ≤ 12. Sets `lastDate` on success.
 */
export function parseDateRange(text: string, start: number, end: number, order: DateOrder): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  pos = start;
  const a = readInt(text, end, 4);
  if (a < 0 || pos >= end) return NaN;
  const aDigits = digitsRead;
  const sep = text.charCodeAt(pos);
  if (sep !== 45 && sep !== 47 && sep !== 46) return NaN;
  pos++;
  const b = readInt(text, end, 2);
  if (b < 0 || text.charCodeAt(pos) !== sep) return NaN;
  pos++;
  const c = readInt(text, end, 4);
  if (c < 0) return NaN;
  const cDigits = digitsRead;
  let y: number;
  let m: number;
  let d: number;
  if (aDigits === 4) {
    y = a;
    m = b;
    d = c;
    if (cDigits > 2) return NaN;
    lastDate.layout = 'iso';
    lastDate.ambiguous = false;
  } else {
    if (aDigits > 2 || (cDigits !== 4 && cDigits !== 2)) return NaN;
    y = cDigits === 2 ? (c < 70 ? 2000 + c : 1900 + c) : c;
    const dayFirst = a > 12 ? true : b > 12 ? false : order === 'dmy';
    d = dayFirst ? a : b;
    m = dayFirst ? b : a;
    lastDate.layout = 'numeric';
    lastDate.ambiguous = a <= 12 && b <= 12 && a !== b;
  }
  const secs = readTime(text, end);
  if (secs < 0 || pos !== end) return NaN;
  const day = epochMs(y, m, d);
  return Number.isNaN(day) ? NaN : day + secs * 1000;
}

/** Parses a whole cell text as a date (see `parseDateRange`). */
export function parseDate(s: string, order: DateOrder = 'dmy'): number {
  return parseDateRange(s, 0, s.length, order);
}

/**
 * Chooses the day/month order of numeric dates from samples: day first when some first part
 * exceeds 12, month first when some second part does; otherwise `fallback` (with `evidence: false`).
 */
export function detectDateOrder(samples: readonly string[], fallback: DateOrder = 'dmy'): { order: DateOrder; evidence: boolean } {
  let dmy = 0;
  let mdy = 0;
  for (const s of samples) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b/.exec(s);
    if (!m) continue;
    if (Number(m[1]) > 12) dmy++;
    else if (Number(m[2]) > 12) mdy++;
  }
  if (dmy === 0 && mdy === 0) return { order: fallback, evidence: false };
  return { order: dmy >= mdy ? 'dmy' : 'mdy', evidence: true };
}

/** Formats epoch ms as `YYYY-MM-DD` (UTC). */
export function formatDate(ms: number): string {
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 10);
}
