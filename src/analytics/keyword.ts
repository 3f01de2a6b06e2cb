/** The one validator of keyword options (algorithm, scaling, transform, ...), with one message shape. */

/** Throws `invalid <name>: "<value>" (expected a, b or c)` unless `value` is one of `allowed`. */
export function keyword<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const list =
    allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed[0];
  throw new Error(`invalid ${name}: ${JSON.stringify(value)} (expected ${list})`);
}
