import { describe, expect, it } from 'vitest';
import { groupByOrder } from '../../../../src/data/quality/order-groups.ts';
import { flagCostAbovePrice } from '../../../../src/data/quality/rules/cost-above-price.ts';
import { normalizeCustomerIds } from '../../../../src/data/quality/rules/customer-id.ts';
import { dateWindow, excludeDatesOutOfRange } from '../../../../src/data/quality/rules/date-range.ts';
import { excludeDuplicateKeys } from '../../../../src/data/quality/rules/duplicate-keys.ts';
import { excludeExactDuplicates } from '../../../../src/data/quality/rules/exact-duplicates.ts';
import { cleanOptionalValues } from '../../../../src/data/quality/rules/optional-values.ts';
import { excludeNonpositivePrices } from '../../../../src/data/quality/rules/price.ts';
import { routeNonProductLines } from '../../../../src/data/quality/rules/non-product.ts';
import { NON_PRODUCT } from '../../../../src/data/quality/ledger.ts';
import { excludeMissingRequired } from '../../../../src/data/quality/rules/required-values.ts';
import { cancellationMarks, routeReturns } from '../../../../src/data/quality/rules/returns.ts';
import { imputeMissingShipping } from '../../../../src/data/quality/rules/shipping-cost.ts';
import { RULE_INFO } from '../../../../src/data/quality/rules/index.ts';
import { QUALITY_RULES } from '../../../../src/data/quality/rule-types.ts';
import { ruleFixture } from './fixture.ts';

const H = 'order_id,order_line,customer_id,order_date,ship_date,region,carrier,qty,unit_price,unit_cost,shipping_cost,returned_qty';

describe('each quality rule alone', () => {
  it('every rule is documented', () => {
    for (const id of QUALITY_RULES) expect(RULE_INFO[id].description.length, id).toBeGreaterThan(40);
  });

  it('exact-duplicates excludes the later copy only', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,1,10,6,5,0', 'SO1,1,C1,2024-01-02,,N,X,1,10,6,5,0', 'SO1,1,C1,2024-01-02,,N,X,2,10,6,5,0']);
    const by = groupByOrder(f.fields.orders.codes, f.fields.orders.dictionary.length);
    excludeExactDuplicates(f.fields, f.ledger, by);
    expect(f.outcomes()).toEqual(['sale', 'exact-duplicate', 'sale']);
    expect(f.ledger.outcome().detail['exact-duplicates']).toEqual({ 'exact-duplicate': 1 });
  });

  it('customer-id trims, upper-cases and re-pads; a row without an id is excluded', () => {
    const f = ruleFixture(H, ['SO1,1,C000001,2024-01-02,,N,X,1,10,6,5,0', 'SO2,1, c000002 ,2024-01-02,,N,X,1,10,6,5,0', 'SO3,1,3,2024-01-02,,N,X,1,10,6,5,0', 'SO4,1,,2024-01-02,,N,X,1,10,6,5,0']);
    const ids = normalizeCustomerIds(f.fields, f.ledger, f.options);
    expect([...ids.codes].map((c) => ids.dictionary[c] ?? '')).toEqual(['C000001', 'C000002', 'C000003', '']);
    expect(f.outcomes()).toEqual(['sale', 'sale', 'sale', 'missing-customer-id']);
    expect(f.ledger.outcome().repaired['customer-id']).toBe(2);
  });

  it('required-values excludes unreadable, then missing values', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,x,10,6,5,0', 'SO2,1,C1,nope,,N,X,1,10,6,5,0', 'SO3,1,C1,2024-01-02,,N,X,1,,6,5,0', ',1,C1,2024-01-02,,N,X,1,10,6,5,0', 'SO5,1,C1,2024-01-02,,N,X,1,10,6,5,0']);
    excludeMissingRequired(f.fields, f.ledger);
    expect(f.outcomes()).toEqual(['non-numeric', 'unparseable-date', 'missing-value', 'missing-value', 'sale']);
  });

  it('date-range quarantines implausible years, future orders and ships before orders', () => {
    const f = ruleFixture(H, ['SO1,1,C1,1900-01-02,,N,X,1,10,6,5,0', 'SO2,1,C1,2024-05-01,,N,X,1,10,6,5,0', 'SO3,1,C1,2024-01-05,2024-01-04,N,X,1,10,6,5,0', 'SO4,1,C1,2024-01-05,2024-01-05,N,X,1,10,6,5,0'], { dates: { asOf: '2024-03-01' } });
    const w = dateWindow(f.fields, f.ledger, f.options);
    expect(w.asOf).toBe(Date.UTC(2024, 2, 1));
    excludeDatesOutOfRange(f.fields, f.ledger, w);
    expect(f.outcomes()).toEqual(['implausible-date', 'future-date', 'ship-before-order', 'sale']);
  });

  it('returns routes negative quantities and cancellation invoices; a prefix on most ids is not a marker', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,2,10,6,5,0', 'SO2,1,C1,2024-01-02,,N,X,-1,10,6,5,0', 'CSO1,1,C1,2024-01-03,,N,X,1,10,6,5,0']);
    const isReturn = new Uint8Array(3);
    routeReturns(f.fields, f.ledger, cancellationMarks(f.fields, f.ledger, f.options), isReturn);
    expect(f.outcomes()).toEqual(['sale', 'return', 'return']);
    const g = ruleFixture(H, ['C1,1,C1,2024-01-02,,N,X,2,10,6,5,0', 'C2,1,C1,2024-01-02,,N,X,2,10,6,5,0']);
    expect(cancellationMarks(g.fields, g.ledger, g.options)).toBeUndefined();
    expect(g.ledger.notes[0]).toContain('Most order ids start with "C"');
  });

  it('non-product routes listed product codes to their buckets, matching trimmed and case-insensitively', () => {
    const HP = 'order_id,customer_id,order_date,qty,unit_price,product_code';
    const f = ruleFixture(HP, ['SO1,C1,2024-01-02,1,10,A1', 'SO1,C1,2024-01-02,1,5, post ', 'CSO2,C1,2024-01-03,-1,3,D', 'SO3,C1,2024-01-04,1,2,CRUK'], { nonProduct: { fee: ['cruk'] } });
    const bucket = new Uint8Array(4);
    routeNonProductLines(f.fields, f.ledger, f.options, bucket);
    expect([...bucket]).toEqual([0, 1, 2, 3]);
    expect(f.ledger.outcome().repaired['non-product']).toBe(3);
    expect(Array.from(f.ledger.status)).toEqual([0, NON_PRODUCT, NON_PRODUCT, NON_PRODUCT]);
  });

  it('price excludes zero quantities and non-positive prices', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,0,10,6,5,0', 'SO2,1,C1,2024-01-02,,N,X,1,0,6,5,0', 'SO3,1,C1,2024-01-02,,N,X,1,-2,6,5,0', 'SO4,1,C1,2024-01-02,,N,X,1,2,6,5,0']);
    excludeNonpositivePrices(f.fields, f.ledger);
    expect(f.outcomes()).toEqual(['zero-qty', 'nonpositive-price', 'nonpositive-price', 'sale']);
  });

  it('duplicate-keys keeps the first row of an (order, line) key', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,1,10,6,5,0', 'SO1,1,C1,2024-01-02,,N,X,3,10,6,5,0', 'SO1,2,C1,2024-01-02,,N,X,1,10,6,5,0']);
    excludeDuplicateKeys(f.fields, f.ledger, groupByOrder(f.fields.orders.codes, f.fields.orders.dictionary.length), normalizeCustomerIds(f.fields, f.ledger, f.options));
    expect(f.outcomes()).toEqual(['sale', 'duplicate-key', 'sale']);
  });

  it('optional-values clears and flags unreadable or negative amounts and caps returned quantities', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,2,10,abc,-5,3', 'SO2,1,C1,2024-01-02,,N,X,2,10,6,5,1']);
    const v = cleanOptionalValues(f.fields, f.ledger, new Uint8Array(2));
    expect([...(v.unitCost ?? [])]).toEqual([NaN, 6]);
    expect([...(v.shipping ?? [])]).toEqual([NaN, 5]);
    expect([...(v.returnedQty ?? [])]).toEqual([2, 1]);
    expect(f.ledger.outcome().flagged).toMatchObject({ 'non-numeric-optional': 1, 'negative-optional': 1, 'returned-above-qty': 1 });
  });

  it('cost-above-price flags, keeps', () => {
    const f = ruleFixture(H, ['SO1,1,C1,2024-01-02,,N,X,1,10,12,5,0', 'SO2,1,C1,2024-01-02,,N,X,1,10,6,5,0']);
    flagCostAbovePrice(f.fields, f.ledger, new Float64Array([12, 6]));
    expect(f.ledger.outcome().flagged['cost-above-price']).toBe(1);
    expect(f.outcomes()).toEqual(['sale', 'sale']);
  });

  it('shipping-cost imputes the median of the first group with enough known costs', () => {
    const rows = ['SO1,1,C1,2024-01-02,,N,X,1,10,6,,0', ...[4, 5, 6, 7, 8].map((c, k) => `SO${k + 2},1,C1,2024-01-02,,N,X,1,10,6,${c},0`)];
    const f = ruleFixture(H, rows);
    const keep = Int32Array.from({ length: 6 }, (_, i) => i);
    const out = imputeMissingShipping(f.fields, f.ledger, f.options, f.fields.freight?.values, keep, new Float64Array(6).fill(1));
    expect(out.shippingCost?.[0]).toBe(6);
    expect(out.freightLevel?.[0]).toBe(1);
    expect(f.ledger.outcome().repaired['shipping-cost']).toBe(1);
  });
});
