/**
 * Records keyed by names that come from a file (column headers). Lookups of user data inside
 * the data layer use `Map`; the records it hands out (customer-table columns, example rows) have
 * no prototype, so a header such as `toString`, `constructor` or `__proto__` is an ordinary key
 * and a name that is not there reads as `undefined` wherever the record is used.
 */

/** An empty record without a prototype, optionally filled from entries. */
export function nameRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** The value of an own property of a parsed object (never one inherited from Object.prototype). */
export function ownValue(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
