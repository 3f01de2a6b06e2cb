import { cell, fileInput, hostValue, multiselect, sampled, select, slider, text } from '../src/runtime/index.ts';
import type { CustomerTable } from '../src/data/customers/customer-table.ts';
import { parseMappingSpec } from '../src/data/map/column-mapping.ts';
import type { DataImportSpec } from '../src/data/import-spec.ts';
import { QUALITY_RULES, RULE_INFO, type QualityRuleId } from '../src/data/quality/quality-options.ts';
import { FEATURE_DICTIONARY } from '../src/data/features/feature-dictionary.ts';
import type { CustomerFeatures } from '../src/data/features/customer-features.ts';
import { SAMPLE_ORDERS_NAME, type Loaded } from '../src/workers/tasks.ts';
import { inlineHost, type Host } from '../src/workers/host.ts';

export type { Loaded };
import { whaleCurveChart } from '../src/ui/charts/whale-curve-chart.ts';
import { dictionaryView, issuesView, mappingView, qualityReportView } from '../src/ui/views/index.ts';
import { textBlock } from './view-helpers.ts';
import { keywordPairs } from './keyword-pairs.ts';

export const host = hostValue<Host>({ name: 'host', value: inlineHost });

export const dataFile = fileInput({
  name: 'dataFile',
  title: 'Data file',
  accept: '.csv,.tsv,.txt,.json,.arrow,.parquet,.gz',
  none: 'the sample',
  description:
    'Order lines (aggregated to customers) or a customer table (one row per customer). CSV, TSV, JSON, Arrow or Parquet, optionally gzip-compressed. Without a file, the bundled sample of 5,000 customers and about 200,000 order lines is used. Your file stays in this browser (kept for your next visit, never uploaded) until you choose “Use the sample instead”.',
});

export const inputKind = select({
  name: 'inputKind',
  title: 'Input kind',
  options: ['auto', 'order-lines', 'customer-table'] as const,
  value: 'auto',
  description: 'auto: order lines when the file has order columns (order id, date, quantity), else a customer table.',
});

export const columnMap = text({
  name: 'columnMap',
  title: 'Column mapping',
  description: 'Overrides of the detected mapping, e.g. customer_id=CustomerID,order_id=InvoiceNo. Leave empty to use what is detected below.',
  check: parseMappingSpec,
});

export const delimiter = select({
  name: 'delimiter',
  title: 'Delimiter',
  options: ['auto', 'comma', 'semicolon', 'tab', 'pipe'] as const,
  value: 'auto',
  description: 'Field separator of text files; auto detects it from the first lines.',
});

export const decimal = select({
  name: 'decimal',
  title: 'Decimal separator',
  options: ['auto', 'point', 'comma'] as const,
  value: 'auto',
  description: 'Choose "comma" for files written with decimal commas (12,5).',
});

export const dateOrder = select({
  name: 'dateOrder',
  title: 'Date order',
  options: ['auto', 'dmy', 'mdy'] as const,
  value: 'auto',
  description: 'For numeric dates like 03/04/2024: day-month-year or month-day-year; auto decides per column from the values.',
});

/** Parses `column=type,...` (types: number, text, date), naming the part at fault. */
export function parseColumnTypes(textValue: string): Record<string, 'number' | 'text' | 'date'> {
  return keywordPairs(textValue, ['number', 'text', 'date'] as const, 'column types', 'column=number, column=text or column=date');
}

export const columnTypes = text({
  name: 'columnTypes',
  title: 'Column types',
  description: 'Override the inferred type of a column, e.g. CustomerID=text,Quantity=number,Shipped=date.',
  check: parseColumnTypes,
});

const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t', pipe: '|' } as const;

export const minYear = slider({ name: 'minYear', title: 'Earliest plausible year', min: 1900, max: 2100, value: 1990, description: 'Order dates before it are quarantined as out of range.' });
export const maxYear = slider({ name: 'maxYear', title: 'Latest plausible year', min: 1900, max: 2100, value: 2090, description: 'Dates after it are quarantined as out of range.' });
/** An as-of date: empty (derived from the data) or a real calendar day as YYYY-MM-DD. */
function checkAsOf(value: string): void {
  const t = value.trim();
  const [y, m, d] = t.split('-').map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(t) && new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === t;
  if (t !== '' && !real) throw new Error('expected YYYY-MM-DD, e.g. 2024-12-31, or empty');
}

export const asOf = text({
  name: 'asOf',
  title: 'As-of date',
  description: 'YYYY-MM-DD: later order dates count as future dates, and recency is measured from it. Empty: derived from the data.',
  check: checkAsOf,
});
export const cancellationPrefix = text({
  name: 'cancellationPrefix',
  title: 'Cancellation prefix',
  value: 'C',
  description: 'Invoice numbers starting with it are cancellations, routed to returns (empty: none).',
});
export const minGroupSize = slider({
  name: 'minGroupSize',
  title: 'Freight imputation group size',
  min: 1,
  max: 50,
  value: 5,
  description: 'A missing shipping cost takes the median of the most specific group with at least this many known costs.',
});

const switchable = QUALITY_RULES.filter((r) => RULE_INFO[r].switchable);

export const ruleNames = cell({
  name: 'ruleNames',
  title: 'Quality rules',
  hidden: true,
  inputs: {},
  run: (): readonly string[] => switchable,
});

/**
 * The rules switched off (not the rules on): a rule added in a later release is then on for
 * everyone, including settings saved, linked or exported before it existed.
 */
export const rulesOff = multiselect({
  name: 'rulesOff',
  title: 'Quality rules switched off',
  options: ruleNames,
  value: [],
  allowEmpty: true,
  description: 'Switch a rule off to see what it changes; the choice goes into the exported config. Every rule not listed here applies.',
});

export const idColumn = text({
  name: 'idColumn',
  title: 'Customer id column',
  description: 'For a customer table: the column that identifies customers. Empty: detected from the header; "row": number the rows 1, 2, 3… (for files without an id column).',
});

export const keepNumeric = text({
  name: 'keepNumeric',
  title: 'Code columns kept numeric',
  description:
    'For a customer table: whole-number columns from 0 to 10 (such as Channel or Region codes) are read as categories; list columns here (comma-separated) that are real quantities, e.g. a 1–5 score.',
});

export const rateOrder = slider({ name: 'rateOrder', title: 'Cost per order', min: 0, max: 200, step: 0.5, value: 25, description: 'Order handling, per order (account currency).' });
export const rateLine = slider({ name: 'rateLine', title: 'Cost per order line', min: 0, max: 20, step: 0.1, value: 1.5, description: 'Pick and pack, per line.' });
export const rateReturn = slider({ name: 'rateReturn', title: 'Cost per return line', min: 0, max: 100, step: 0.5, value: 12, description: 'Returns handling, per returned line.' });

export const level = select({
  name: 'level',
  title: 'Customer level',
  options: ['customer', 'parent'] as const,
  value: 'customer',
  description: 'parent: roll customers up to their parent account before building features.',
});

const names = (text: string): string[] => text.split(',').map((n) => n.trim()).filter((n) => n !== '');

/** The import options chosen above, in the form the data layer and the config use. */
export const importSpec = cell({
  name: 'importSpec',
  title: 'Import options',
  hidden: true,
  inputs: {
    inputKind,
    columnMap,
    rulesOff,
    idColumn,
    keepNumeric,
    rateOrder,
    rateLine,
    rateReturn,
    level,
    delimiter,
    decimal,
    dateOrder,
    columnTypes,
    minYear,
    maxYear,
    asOf,
    cancellationPrefix,
    minGroupSize,
  },
  run: (v): DataImportSpec => ({
    ...(v.inputKind === 'auto' ? {} : { kind: v.inputKind }),
    ...(v.delimiter === 'auto' ? {} : { delimiter: DELIMITERS[v.delimiter] }),
    ...(v.decimal === 'auto' ? {} : { decimal: v.decimal === 'comma' ? ',' : '.' }),
    ...(v.dateOrder === 'auto' ? {} : { dateOrder: v.dateOrder }),
    ...(v.columnTypes.trim() ? { types: parseColumnTypes(v.columnTypes) } : {}),
    ...(v.columnMap.trim() ? { mapping: parseMappingSpec(v.columnMap) } : {}),
    ...(v.idColumn.trim() ? { idColumn: v.idColumn.trim() } : {}),
    ...(names(v.keepNumeric).length > 0 ? { keepNumeric: names(v.keepNumeric) } : {}),
    quality: {
      disabled: switchable.filter((r) => v.rulesOff.includes(r)) as QualityRuleId[],
      dates: { minYear: v.minYear, maxYear: v.maxYear, ...(v.asOf.trim() ? { asOf: v.asOf.trim() } : {}) },
      returns: { cancellationPrefix: v.cancellationPrefix.trim() },
      shipping: { minGroupSize: v.minGroupSize },
    },
    features: { rates: { order: v.rateOrder, line: v.rateLine, returnLine: v.rateReturn }, level: v.level },
  }),
});

export const imported = cell({
  name: 'imported',
  title: 'Data',
  // The rates and year sliders feed the spec: the file is read again once they are released.
  inputs: { dataFile, importSpec: sampled(importSpec), host },
  run: async ({ dataFile, importSpec, host }, { signal, progress }): Promise<Loaded> => {
    const name = dataFile?.name ?? SAMPLE_ORDERS_NAME;
    const result = await host.tasks.run('importData', [dataFile?.bytes ?? null, name, importSpec], {
      signal,
      onProgress: (f, message) => progress(f, message),
    });
    return { ...result, source: name, sample: dataFile === null };
  },
  view: (d, { document }) => {
    const c = d.imported.customers;
    const kind = d.imported.kind.kind === 'order-lines' ? 'order lines' : 'a customer table';
    const lines = [
      `${d.source}${d.sample ? ' (generated sample)' : ''}: read as ${kind} because ${d.imported.kind.reason}`,
      `${c.rowCount.toLocaleString('en-US')} customers with ${c.numericColumns.length} numeric features.`,
    ];
    const el = textBlock(document, lines);
    if (d.imported.issues.length > 0) el.append(issuesView(d.imported.issues, { document }));
    return el;
  },
});

export const fingerprint = cell({
  name: 'fingerprint',
  title: 'Data fingerprint',
  hidden: true,
  inputs: { imported },
  run: ({ imported }) => imported.fingerprint,
});

export const mapping = cell({
  name: 'mapping',
  title: 'Column mapping',
  inputs: { imported },
  run: ({ imported }) => imported.imported.mapping ?? null,
  view: (m, { document }) =>
    m === null
      ? textBlock(document, ['A customer table is used as it is: no column mapping is needed.'])
      : mappingView(m, [...Object.values(m.mapping).filter((c): c is string => typeof c === 'string'), ...m.unmapped], { document }),
});

export const quality = cell({
  name: 'quality',
  title: 'Data quality',
  inputs: { imported },
  run: ({ imported }) => imported.imported.quality ?? null,
  view: (q, { document }) =>
    q === null ? textBlock(document, ['Quality rules apply to order lines; this file is a customer table.']) : qualityReportView(q, { document }),
});

/** The customer table segmentation runs on (features from order lines, or the file as is). */
export const table = cell({
  name: 'table',
  title: 'Customers',
  inputs: { imported },
  run: ({ imported }): CustomerTable => imported.imported.customers,
  view: (t, { document }) => {
    const el = document.createElement('tb-table');
    el.caption = `${t.rowCount.toLocaleString('en-US')} customers`;
    const shown = t.numericColumns.slice(0, 12);
    el.columns = [{ key: 'id', label: t.idColumn }, ...shown.map((c) => ({ key: c }))];
    el.rows = t.ids.map((id, i) => ({ id, ...Object.fromEntries(shown.map((c) => [c, t.columns[c][i]])) }));
    return el;
  },
});

export const dictionary = cell({
  name: 'dictionary',
  title: 'Data dictionary',
  inputs: { table },
  run: ({ table }) => ({
    present: table.numericColumns,
    unavailable: (table as Partial<CustomerFeatures>).unavailable ?? [],
  }),
  view: (d, { document }) => dictionaryView(FEATURE_DICTIONARY, d.present, d.unavailable, { document }),
});

export const whale = cell({
  name: 'whale',
  title: 'Whale curve of net profit',
  inputs: { imported },
  run: ({ imported }) => imported.imported.whale ?? null,
  view: (w, { document, width }) =>
    w === null
      ? textBlock(document, ['The whale curve needs net profit, built from order lines with unit cost.'])
      : whaleCurveChart(
          { x: w.x, y: w.y, peak: { x: w.customersAtPeak / Math.max(1, w.customers), y: w.peak }, absolute: w.mode === 'absolute' },
          { width: Math.min(width, 800), document },
        ),
});

export const numericColumns = cell({
  name: 'numericColumns',
  title: 'Numeric columns',
  hidden: true,
  inputs: { table },
  run: ({ table }): readonly string[] => table.numericColumns,
});
