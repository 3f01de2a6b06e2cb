/** A tiny order-lines table for testing one quality rule alone: fields, a fresh ledger and options. */
import { detectMapping, mappingTypes } from '../../../../src/data/map/column-mapping.ts';
import { QualityLedger, EXCLUDED, RETURN } from '../../../../src/data/quality/ledger.ts';
import { readOrderFields, type OrderFields } from '../../../../src/data/quality/order-fields.ts';
import { normalizeQualityOptions, type QualitySpec } from '../../../../src/data/quality/quality-options.ts';
import type { QualityOptions } from '../../../../src/data/quality/rule-types.ts';
import { EXCLUSION_REASONS } from '../../../../src/data/quality/quality-report.ts';
import { readDelimited } from '../../../../src/data/read/read-delimited.ts';

export interface RuleFixture {
  fields: OrderFields;
  ledger: QualityLedger;
  options: QualityOptions;
  /** Outcome per row, 1-based rows: 'sale', 'return' or the exclusion reason. */
  outcomes(): string[];
}

export function ruleFixture(header: string, rows: readonly string[], spec: QualitySpec = {}): RuleFixture {
  const { mapping } = detectMapping(header.split(','));
  const table = readDelimited([header, ...rows].join('\n'), { fileName: 'rule.csv', types: mappingTypes(mapping) });
  const fields = readOrderFields(table, mapping);
  const ledger = new QualityLedger(fields.n, { step: 'read', rowsIn: fields.n, rowsOut: fields.n });
  return {
    fields,
    ledger,
    options: normalizeQualityOptions(spec),
    outcomes: () => Array.from(ledger.status, (s) => (s >= EXCLUDED ? EXCLUSION_REASONS[s - EXCLUDED] : s === RETURN ? 'return' : 'sale')),
  };
}
