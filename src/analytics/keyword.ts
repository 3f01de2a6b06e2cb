/** The one validator of keyword options (algorithm, scaling, transform, ...), with one message shape. */

/** Throws `invalid <name>: "<value>" (expected a, b or c)` unless `value` is one of `allowed`. */
export function keyword<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new Error(`invalid ${name}: ${JSON.stringify(value)} (expected ${orList(allowed)})`);
}

/** `a`, `a or b`, `a, b or c`: the choices of a message. */
export function orList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : (items[0] ?? '');
}
