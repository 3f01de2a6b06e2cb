// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { importData, type ImportedData } from '../../src/data/import-data.ts';
import type { QualityReport } from '../../src/data/quality/quality-report.ts';
import { detectMapping } from '../../src/data/map/column-mapping.ts';
import type { CustomerFeatures } from '../../src/data/features/customer-features.ts';
import type { DataIssue } from '../../src/data/errors.ts';
import { FEATURE_DICTIONARY } from '../../src/data/features/feature-dictionary.ts';
import { dictionaryView, issuesView, mappingView, qualityReportView } from '../../src/ui/views/index.ts';

const XSS = '<img src=x onerror=alert(1)>';

/**
 * Seven order lines, one defect each where possible: row 2 an exact duplicate of row 1 (whose id
 * " c001 " gets normalised), row 3 a text quantity (and the XSS note), row 4 no customer id,
 * row 5 a zero price, row 6 cost above price, row 7 a cancellation (routed to returns).
 */
const CSV = [
  'InvoiceNo,Line,CustomerID,InvoiceDate,Quantity,UnitPrice,UnitCost,Freight,Region,Carrier,Notes',
  '1001,1, c001 ,2024-01-05,10,5,3,4.5,EU,DHL,ok',
  '1001,1, c001 ,2024-01-05,10,5,3,4.5,EU,DHL,ok',
  `1002,1,C002,2024-02-01,abc,5,3,,EU,DHL,${XSS}`,
  '1003,1,,2024-02-03,2,5,3,1,EU,DHL,x',
  '1004,1,C003,2024-03-01,3,0,3,1,US,UPS,x',
  '1005,1,C003,2024-03-04,3,4,6,,US,UPS,x',
  'C1006,1,C003,2024-03-05,-1,4,3,1,US,UPS,x',
].join('\n');

let data: ImportedData;
let report: QualityReport;
beforeAll(async () => {
  data = await importData(new TextEncoder().encode(CSV), 'orders.csv');
  report = data.quality as QualityReport;
});

const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (tr: Element) => [...tr.querySelectorAll(':scope > td')].map(text);
/** The rows of the table whose caption starts with `caption`, as arrays of cell text. */
function tableRows(root: Element, caption: string): string[][] {
  const table = [...root.querySelectorAll('table')].find((t) => text(t.caption).startsWith(caption));
  if (!table) throw new Error(`no table captioned ${caption}`);
  return [...table.tBodies[0].rows].map(cells);
}

describe('qualityReportView', () => {
  it('states the row accounting and checks kept + excluded = input', () => {
    const root = qualityReportView(report, { document });
    expect(root.querySelector('style')).not.toBeNull();
    expect(text(root.querySelector('.tb-headline'))).toBe(
      '7 input rows: 3 kept (2 repairs), 4 excluded; every row is accounted for',
    );
    const check = root.querySelector('.tb-check');
    expect(check?.classList.contains('tb-ok')).toBe(true);
    expect(text(check)).toBe('✓ 3 kept + 4 excluded = 7 = 7 input rows');
    expect(text(root.querySelector('.tb-excluded-reasons'))).toContain(
      '1 exact duplicate · 1 missing customer id · 1 non numeric · 1 nonpositive price',
    );
  });

  it('marks a report that does not add up', () => {
    const root = qualityReportView({ ...report, inputRows: 8 }, { document });
    expect(text(root.querySelector('.tb-headline'))).toContain('1 row unaccounted for');
    expect(root.querySelector('.tb-check')?.classList.contains('tb-bad')).toBe(true);
    expect(text(root.querySelector('.tb-check'))).toBe('✗ 3 kept + 4 excluded = 7 ≠ 8 input rows');
  });

  it('formats large counts with thousands separators', () => {
    const big = {
      ...report,
      inputRows: 202_855,
      keptRows: 199_455,
      excluded: { ...report.excluded, 'exact-duplicate': 3_397 },
    };
    expect(text(qualityReportView(big, { document }).querySelector('.tb-headline'))).toBe(
      '202,855 input rows: 199,455 kept (2 repairs), 3,400 excluded; every row is accounted for',
    );
  });

  it('lists one row per rule with its counts and status, and its example rows behind <details>', () => {
    const root = qualityReportView(
      { ...report, rules: report.rules.map((r) => (r.id === 'price' ? { ...r, enabled: false } : r)) },
      { document },
    );
    const rows = [...root.querySelectorAll('tr.tb-rule')];
    expect(rows.map((r) => r.getAttribute('data-rule'))).toEqual(report.rules.map((r) => r.id));
    const row = (id: string) => cells(root.querySelector(`tr.tb-rule[data-rule="${id}"]`) as Element);
    // Rule | repaired | excluded | flagged | status
    expect(row('customer-id').slice(1)).toEqual(['1', '1', '0', 'on']);
    const first = root.querySelector('tr.tb-rule[data-rule="customer-id"] td') as Element;
    expect(text(first.querySelector('strong'))).toBe('Customer ID normalisation');
    expect(text(first.querySelector('.tb-muted'))).toMatch(/^Customer ids are trimmed/);
    expect(row('returns').slice(1)).toEqual(['1', '0', '0', 'on']);
    expect(row('cost-above-price').slice(1)).toEqual(['0', '0', '1', 'on']);
    expect(row('price').slice(4)).toEqual(['switched off']);
    expect(root.querySelector('tr.tb-rule[data-rule="price"]')?.classList.contains('tb-off')).toBe(true);

    const details = root.querySelector(
      'tr.tb-examples-row[data-rule="customer-id"] details',
    ) as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(text(details.querySelector('summary'))).toBe('2 example rows');
    const table = details.querySelector('table') as HTMLTableElement;
    expect([...table.tHead!.rows[0].cells].map(text).slice(0, 5)).toEqual([
      'Row',
      'Line',
      'InvoiceNo',
      'Line',
      'CustomerID',
    ]);
    expect([...table.tBodies[0].rows].map((r) => cells(r).slice(0, 5))).toEqual([
      ['1', '2', '1001', '1', 'c001'],
      ['4', '5', '1003', '1', ''],
    ]);
    // A rule without examples gets no disclosure.
    expect(root.querySelector('tr.tb-examples-row[data-rule="date-range"]')).toBeNull();
  });

  it('shows the lineage log and the freight levels', () => {
    const root = qualityReportView(report, { document });
    const lineage = tableRows(root, 'Each step');
    expect(lineage[0]).toEqual(['Read file', '7', '7', '0', 'orders.csv (csv)']);
    expect(lineage[1]).toEqual(['Exact duplicate lines', '7', '6', '−1', '']);
    expect(lineage).toHaveLength(report.lineage.length);
    expect(lineage.at(-1)?.slice(1, 3)).toEqual(['3', '3']);
    const freight = tableRows(root, 'Kept lines by where');
    expect(freight.map((r) => r[1])).toEqual(Object.values(report.freight!.levels).map(String));
    expect(text(root.querySelector('.tb-freight-summary'))).toContain(
      'imputed costs are 0.0% of total freight',
    );
  });

  it('shows notes and the as-of date', () => {
    const root = qualityReportView(
      { ...report, notes: ['No shipping_cost column: freight is not available.'] },
      { document },
    );
    expect([...root.querySelectorAll('.tb-notes li')].map(text)).toEqual([
      'No shipping_cost column: freight is not available.',
    ]);
    expect(text(root)).toContain('as of 2024-03-05 (from the data)');
  });

  it('renders file values as text, never as markup', () => {
    const root = qualityReportView(report, { document });
    expect(root.querySelector('img')).toBeNull();
    const example = root.querySelector('tr.tb-examples-row[data-rule="required-values"] tbody tr') as Element;
    expect(cells(example).at(-1)).toBe(XSS);
  });
});

const HEADER = CSV.split('\n')[0].split(',');

describe('mappingView', () => {
  const fieldRow = (root: Element, field: string) =>
    root.querySelector(`tr[data-field="${field}"]`) as HTMLTableRowElement;

  it('lists every canonical field with its column, how it was matched and whether it is required', () => {
    const root = mappingView(data.mapping!, HEADER, { document });
    expect(root.querySelectorAll('tbody tr[data-field]')).toHaveLength(17);
    const row = (f: string) => cells(fieldRow(root, f)).slice(1);
    expect(row('customer_id')).toEqual(['CustomerID', 'synonym', 'required']);
    expect(row('shipping_cost')).toEqual(['Freight', 'synonym', 'optional']);
    expect(row('ship_date')[0]).toBe('not in the file; would enable lead_time_days, on_time_rate');
    expect(text(root.querySelector('.tb-mapping-status'))).toBe('Every required field has a column.');
    expect([...root.querySelectorAll('.tb-unmapped li')].map(text)).toEqual(['Notes']);
    expect(text(root.querySelector('.tb-hint'))).toContain('customer_id=CustomerID,order_id=InvoiceNo');
    expect(root.querySelector('tr.tb-missing')).toBeNull();
  });

  it('highlights a missing required field and asks to confirm a near match', () => {
    const header = ['Invoice', 'OrderDate', 'Quantity', 'Price', 'CustomerIDD', 'Remark'];
    const result = detectMapping(header, { order_id: 'Invoice' });
    const root = mappingView({ ...result, mapping: { ...result.mapping, unit_price: undefined } }, header, {
      document,
    });
    const price = fieldRow(root, 'unit_price');
    expect(price.classList.contains('tb-missing')).toBe(true);
    expect(cells(price).slice(1)).toEqual(['missing', '', 'required']);
    expect(root.querySelectorAll('tr.tb-missing')).toHaveLength(1);
    expect(text(root.querySelector('.tb-mapping-status'))).toBe(
      'Missing required field: unit_price. Map it to a file column to continue.',
    );
    expect(cells(fieldRow(root, 'order_id')).slice(1, 2)).toEqual(['Invoice']);
    expect(text(fieldRow(root, 'order_id').cells[2])).toBe('your choice');
    expect(fieldRow(root, 'customer_id').classList.contains('tb-confirm')).toBe(true);
    expect(text(fieldRow(root, 'customer_id').cells[2])).toBe('near match: please confirm');
  });

  it('shows column names as text', () => {
    const root = mappingView(
      { mapping: { customer_id: XSS }, matchedBy: { customer_id: 'user' }, unmapped: [XSS] },
      [XSS, XSS],
      { document },
    );
    expect(root.querySelector('img')).toBeNull();
    expect(cells(fieldRow(root, 'customer_id'))[1]).toBe(XSS);
    expect(text(root.querySelector('.tb-unmapped li'))).toBe(XSS);
  });
});

describe('dictionaryView', () => {
  it('defines the features present and lists the unavailable ones with the column that would enable each', () => {
    const c = data.customers as CustomerFeatures;
    const present = [...c.numericColumns, ...Object.keys(c.categorical)];
    const root = dictionaryView(FEATURE_DICTIONARY, present, c.unavailable, { document });
    const rows = [...root.querySelectorAll('tr[data-feature]')];
    expect(rows.map((r) => r.getAttribute('data-feature'))).toEqual([
      ...FEATURE_DICTIONARY.filter((d) => present.includes(d.name)).map((d) => d.name),
      'region',
    ]);
    const revenue = cells(root.querySelector('tr[data-feature="revenue"]') as Element);
    expect(revenue[0]).toBe('Net revenuerevenue');
    expect(revenue.slice(1)).toEqual([
      FEATURE_DICTIONARY.find((d) => d.name === 'revenue')!.formula,
      'currency',
    ]);
    expect(cells(root.querySelector('tr[data-feature="region"]') as Element)[1]).toBe('no dictionary entry');
    const missing = tableRows(root, 'Features left out');
    expect(missing).toEqual([
      ['CTS: feescts_fees', 'product_code'],
      ['Freight chargedcharged_freight', 'product_code'],
      ['Discountsdiscounts', 'product_code'],
      ['Manual adjustmentsadjustments', 'product_code'],
      ['Lead timelead_time_days', 'ship_date'],
      ['On-time rateon_time_rate', 'ship_date and promised_date'],
    ]);
  });

  it('says so when every feature is available, and shows names as text', () => {
    const root = dictionaryView(FEATURE_DICTIONARY, ['orders', XSS], [], { document });
    expect(text(root.querySelector('.tb-unavailable'))).toBe('Every feature is available.');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('tbody tr:last-child')?.getAttribute('data-feature')).toBe(XSS);
  });
});

describe('issuesView', () => {
  const warning: DataIssue = {
    code: 'non-numeric',
    severity: 'warning',
    message: 'orders.csv, column "qty": 5 values are not numbers.',
    column: 'qty',
    count: 5,
    examples: [1, 2, 3, 4].map((row) => ({ row: row * 1000, value: row === 2 ? XSS : `${row},5` })),
  };

  it('groups issues by severity, warnings first, with counts and up to three examples', () => {
    const root = issuesView([...data.issues, warning], { document });
    const groups = [...root.querySelectorAll('section.tb-issue-group')];
    expect(groups.map((g) => g.getAttribute('data-severity'))).toEqual(['warning', 'info']);
    expect(text(groups[0].querySelector('h3'))).toBe('Warning (1)');
    const infos = data.issues.filter((i) => i.severity === 'info');
    expect(text(groups[1].querySelector('h3'))).toBe(`Notes (${infos.length})`);
    expect(groups[1].querySelectorAll('li.tb-issue')).toHaveLength(infos.length);
    const item = groups[0].querySelector('li.tb-issue') as Element;
    expect(text(item)).toContain('5 values are not numbers. (5 affected)');
    expect(text(item.querySelector('caption'))).toBe('First 3 of 5');
    expect([...item.querySelectorAll('tbody tr')].map(cells)).toEqual([
      ['1,000', 'qty', '1,5'],
      ['2,000', 'qty', XSS],
      ['3,000', 'qty', '3,5'],
    ]);
    expect(root.querySelector('img')).toBeNull();
  });

  it('says "No problems found." when there are none', () => {
    const root = issuesView([], { document });
    expect(text(root.querySelector('.tb-no-issues'))).toBe('No problems found.');
    expect(root.querySelector('section.tb-issue-group')).toBeNull();
  });
});
