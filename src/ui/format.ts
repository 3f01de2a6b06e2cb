/** Number formatting for display. Fixed to en-US so captions and tests read the same everywhere. */

const LOCALE = 'en-US';
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 3 });

/** `50000` -> `50,000`. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** Up to 3 decimals with grouping; non-finite values spelled out so they are never mistaken for data. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '−∞';
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

/** A fraction as a percentage with one decimal: `0.4123` -> `41.2%`. */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** A run time: `12 ms`, `1,234 ms`; sub-millisecond runs show as `<1 ms`. */
export function formatMs(ms: number): string {
  return ms < 1 ? '<1 ms' : `${integer.format(Math.round(ms))} ms`;
}

/** Any cell value as display text. `null`/`undefined` become an empty string. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid date' : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Number of decimals in a step such as `0.05` (2), used to round away float noise. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n)) return 0;
  const text = String(n);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A one-line description of a value for cells without a view: primitives as text, collections by
 * size. Never interpreted as HTML.
 */
export function summarize(value: unknown): string {
  if (value === null || value === undefined) return 'No value';
  if (Array.isArray(value))
    return `Array of ${formatCount(value.length)} ${value.length === 1 ? 'item' : 'items'}`;
  if (ArrayBuffer.isView(value) && 'length' in value) {
    return `${value.constructor.name} of ${formatCount(value.length as number)} values`;
  }
  if (value instanceof Map || value instanceof Set)
    return `${value.constructor.name} of ${formatCount(value.size)} entries`;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 8).join(', ');
    return keys.length === 0
      ? 'Empty object'
      : `Object with ${shown}${keys.length > 8 ? `, … (${keys.length} keys)` : ''}`;
  }
  return formatValue(value);
}
