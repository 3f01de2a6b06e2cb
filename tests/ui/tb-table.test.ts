// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-table.ts';
import { sortOrder } from '../../src/ui/table-model.ts';
import { $, $$, XSS, mount, record, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const big = Array.from({ length: 50_000 }, (_, i) => ({
  id: `C${String(i).padStart(5, '0')}`,
  revenue: ((i * 7919) % 50_000) + 0.5,
  region: ['EU', 'US', 'APAC'][i % 3],
}));

const columns = [
  { key: 'id', label: 'Customer' },
  { key: 'revenue', label: 'Revenue' },
  { key: 'region', label: 'Region' },
];

const bodyTexts = (el: Element, col: number) =>
  $$(el, 'tbody tr').map((tr) => tr.querySelectorAll('td')[col].textContent);

describe('tb-table', () => {
  it('renders only one page of rows out of 50,000', async () => {
    const el = await mount('tb-table', { columns, rows: big, pageSize: 50 });
    expect($$(el, 'tbody tr')).toHaveLength(50);
    expect($(el, '.range').textContent).toBe('Rows 1–50 of 50,000');
    expect($(el, '.pageno').textContent).toBe('Page 1 of 1,000');
  });

  it('pages forward, to the end and changes page size', async () => {
    const el = await mount('tb-table', { columns, rows: big, pageSize: 25 });
    const pages = record<{ page: number; pageSize: number }>(el, 'tb-page');
    $<HTMLButtonElement>(el, 'button[aria-label="Next page"]').click();
    await settle(el);
    expect(bodyTexts(el, 0)[0]).toBe('C00025');
    $<HTMLButtonElement>(el, 'button[aria-label="Last page"]').click();
    await settle(el);
    expect($(el, '.range').textContent).toBe('Rows 49,976–50,000 of 50,000');
    expect($<HTMLButtonElement>(el, 'button[aria-label="Next page"]').disabled).toBe(true);
    const size = $<HTMLSelectElement>(el, '.pager select');
    size.value = '100';
    size.dispatchEvent(new Event('change'));
    await settle(el);
    expect($$(el, 'tbody tr')).toHaveLength(100);
    expect($(el, '.range').textContent).toBe('Rows 49,901–50,000 of 50,000');
    expect(pages.map((p) => p.page)).toEqual([1, 1999, 499]);
  });

  it('sorts on header click with aria-sort, without mutating the rows', async () => {
    const rows = big.slice(0, 1000);
    const before = rows.map((r) => r.id);
    const el = await mount('tb-table', { columns, rows, pageSize: 10 });
    const sorts = record<{ key: string; direction: string }>(el, 'tb-sort');
    const header = () => $$(el, 'th')[1];
    expect(header().getAttribute('aria-sort')).toBe('none');
    header().querySelector('button')!.click();
    await settle(el);
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    const asc = bodyTexts(el, 1).map((t) => Number(t!.replace(/,/g, '')));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    header().querySelector('button')!.click();
    await settle(el);
    expect(header().getAttribute('aria-sort')).toBe('descending');
    const desc = bodyTexts(el, 1).map((t) => Number(t!.replace(/,/g, '')));
    expect(desc[0]).toBe(Math.max(...rows.map((r) => r.revenue)));
    expect(rows.map((r) => r.id)).toEqual(before);
    expect(sorts).toEqual([
      { key: 'revenue', direction: 'ascending' },
      { key: 'revenue', direction: 'descending' },
    ]);
  });

  it('right-aligns and formats numeric columns', async () => {
    const el = await mount('tb-table', { columns, rows: [{ id: 'a', revenue: 12345.6789, region: 'EU' }] });
    const cells = $$(el, 'tbody td');
    expect(cells[1].textContent).toBe('12,345.679');
    expect(cells[1].className).toContain('align-right');
    expect(cells[0].className).toContain('align-left');
    expect($$(el, 'th')[1].className).toContain('align-right');
  });

  it('renders HTML-looking values as text', async () => {
    const el = await mount('tb-table', { rows: [{ name: XSS, n: 1 }] });
    expect($$(el, 'th').map((th) => th.textContent?.replace(/[↕▲▼\s]/g, ''))).toEqual(['name', 'n']);
    expect($(el, 'tbody td').textContent).toBe(XSS);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });
});

describe('sortOrder', () => {
  it('puts missing values last in both directions and keeps ties stable', () => {
    const rows = [{ v: 2 }, { v: null }, { v: 1 }, { v: NaN }, { v: 2 }];
    expect([...sortOrder(rows, 'v', 'ascending')]).toEqual([2, 0, 4, 1, 3]);
    expect([...sortOrder(rows, 'v', 'descending')]).toEqual([0, 4, 2, 1, 3]);
  });

  it('sorts text ignoring case and accents, with numbers in natural order', () => {
    const rows = [{ v: 'émile' }, { v: 'Eve' }, { v: 'C007' }, { v: 'c8' }, { v: 'zoe' }, { v: 'Adam' }];
    expect([...sortOrder(rows, 'v', 'ascending')].map((i) => rows[i].v)).toEqual([
      'Adam',
      'C007',
      'c8',
      'émile',
      'Eve',
      'zoe',
    ]);
    expect([...sortOrder(rows, 'v', 'descending')].map((i) => rows[i].v)).toEqual([
      'zoe',
      'Eve',
      'émile',
      'c8',
      'C007',
      'Adam',
    ]);
  });

  it('sorts dates by time', () => {
    const rows = [{ d: new Date('2024-03-01') }, { d: new Date('2023-12-31') }, { d: null }];
    expect([...sortOrder(rows, 'd', 'ascending')]).toEqual([1, 0, 2]);
  });

  it('sorts text naturally', () => {
    const rows = [{ v: 'C10' }, { v: 'c2' }, { v: 'C1' }];
    expect([...sortOrder(rows, 'v', 'ascending')].map((i) => rows[i].v)).toEqual(['C1', 'c2', 'C10']);
  });
});
