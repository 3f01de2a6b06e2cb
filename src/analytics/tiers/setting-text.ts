/** Reading and writing the values of `name=value` settings (`--set`, URL parameters) for tiers and policies. */

/** A finite number; throws `invalid <name>: "<text>" (expected a number)`. */
export function numberText(name: string, text: string): number {
  const t = text.trim();
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) throw new Error(`invalid ${name}: ${JSON.stringify(text)} (expected a number)`);
  return v;
}

/** A fraction, written `0.98` or `98%`. */
export function fractionText(name: string, text: string): number {
  const t = text.trim();
  return t.endsWith('%') ? numberText(name, t.slice(0, -1)) / 100 : numberText(name, t);
}

/** A comma-separated list, items trimmed, empty items dropped. */
export function listText(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Two numbers `a,b`. */
export function pairText(name: string, text: string): [number, number] {
  const parts = listText(text);
  if (parts.length !== 2) throw new Error(`invalid ${name}: ${JSON.stringify(text)} (expected two numbers, e.g. 0.7,0.95)`);
  return [numberText(name, parts[0]), numberText(name, parts[1])];
}

/** Splits `name=value` at the first `=`. */
export function splitSetting(setting: string): [string, string] {
  const eq = setting.indexOf('=');
  if (eq <= 0) throw new Error(`invalid setting: ${JSON.stringify(setting)} (expected name=value)`);
  return [setting.slice(0, eq).trim(), setting.slice(eq + 1)];
}

/** The text of a number as settings write it (shortest exact form). */
export function formatNumber(v: number): string {
  return String(v);
}
