// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { QualityReport } from '../../src/data/quality-report.ts';
import { importData, type ImportedData } from '../../src/data/import-data.ts';
import { qualityReportView } from '../../src/ui/views/quality-report-view.ts';

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
