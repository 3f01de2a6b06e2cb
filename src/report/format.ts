/**
 * How the report writes numbers and values: fixed to en-US, so the app and the command write the
 * same text. Missing values are a dash, never 0.
 */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixed = (digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const upTo = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });

export const DASH = '–';

/** `5000` -> `5,000`. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : integer.format(n);
}

/** A measured value: 4 significant digits, grouped (`1,234`, `0.1235`, `12.35`). */
export function formatFigure(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  if (Number.isInteger(n)) return integer.format(n);
  const magnitude = Math.abs(n) >= 1 ? Math.floor(Math.log10(Math.abs(n))) + 1 : 0;
  return upTo(Math.max(0, 4 - magnitude))
    .format(Number(n.toPrecision(4)))
    .replace(/^-0$/, '0');
}

/** An exact value as the config holds it (full precision), e.g. centroids and scaling parameters. */
export function formatExact(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : String(n);
}

/** A fraction as a percentage: `0.4123` -> `41.2%`. */
export function formatShare(fraction: number | null | undefined, digits = 1): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction)
    ? DASH
    : `${fixed(digits).format(fraction * 100)}%`;
}

/** Any config value as one line of text: strings as they are, lists joined, objects as JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return DASH;
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number') return formatExact(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.length === 0 ? '(none)' : value.map((v) => (v === null ? 'null' : String(v))).join(', ');
  return JSON.stringify(value);
}

/** `n thing` / `n things`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Text as a sentence: first letter upper case, ending with a full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
