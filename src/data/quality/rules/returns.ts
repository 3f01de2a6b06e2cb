/** Returns and cancellations: negative quantities and cancellation invoices become return lines. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { QualityOptions, RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Returns and cancellations',
  action: 'route',
  switchable: true,
  description: 'Lines with a negative quantity or a cancellation invoice number (prefix "C") are routed to returns: they reduce revenue and count as return lines, not as sales.',
};

/**
 * Whether the cancellation prefix marks cancellations in this file: not when it is empty, nor
 * when most order ids start with it (then it is part of every order number). Notes the latter.
 */
export function cancellationMarks(fields: OrderFields, ledger: QualityLedger, options: QualityOptions): Uint8Array | undefined {
  const prefix = options.returns.cancellationPrefix;
  const ids = fields.orders.dictionary;
  let prefixed = 0;
  if (prefix) for (const id of ids) if (id.startsWith(prefix)) prefixed++;
  const usePrefix = prefix !== '' && prefixed <= ids.length / 2;
  if (prefix && !usePrefix) ledger.notes.push(`Most order ids start with "${prefix}", so that prefix is not read as a cancellation marker.`);
  return usePrefix ? Uint8Array.from(ids, (id) => (id.startsWith(prefix) ? 1 : 0)) : undefined;
}

/** Routes kept product rows with a negative quantity or a cancelled order to returns; sets `isReturn`. */
export function routeReturns(fields: OrderFields, ledger: QualityLedger, cancelled: Uint8Array | undefined, isReturn: Uint8Array): void {
  const { qty, orders, n } = fields;
  for (let i = 0; i < n; i++) {
    if (!ledger.isProduct(i)) continue;
    if (qty.values[i] < 0 || (cancelled && cancelled[orders.codes[i]])) {
      isReturn[i] = 1;
      ledger.routeReturn(i, 'returns');
    }
  }
}
