/**
 * A short text for a value in messages (`k = 5`, `file = "orders.csv"`). Never serialises big
 * values: stringifying a file's bytes froze the page for 40 s on 100 MB.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `<${value.byteLength.toLocaleString('en-US')} bytes>`;
  if (Array.isArray(value) && value.length <= 20 && value.every((v) => typeof v !== 'object' || v === null)) {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  if (typeof value === 'object') {
    const named = (value as { name?: unknown }).name;
    if (typeof named === 'string') return JSON.stringify(named);
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 20 || entries.some(([, v]) => typeof v === 'object' && v !== null)) return `{${entries.length} fields}`;
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  return String(value);
}

/** `invalid <name>: <value> (<expected>)`, the one shape of a refused input value. */
export function refusal(name: string, value: unknown, expected: string): string {
  return `invalid ${name}: ${describeValue(value)} (${expected})`;
}
