import type { CustomerColumns } from '../../../src/analytics/tiers/customer-measures.ts';

/**
 * Eight customers, small enough to check by hand. Clusters: {0, 1, 2}, {3, 4}, {5, 6};
 * row 7 is a Strategic account (not clustered). Net profit = gross margin − CTS.
 *
 * | row | revenue | GM | CTS | net profit | orders | lines | GM % | CTS % |
 * | 0 | 1,000 | 300 | 100 | 200 | 10 | 20 | 30 | 10 |
 * | 1 | 2,000 | 500 | 300 | 200 | 20 | 40 | 25 | 15 |
 * | 2 | 1,000 | 200 | 100 | 100 | 10 | 30 | 20 | 10 |
 * | 3 | 5,000 | 1,500 | 500 | 1,000 | 50 | 100 | 30 | 10 |
 * | 4 | 3,000 | 900 | 300 | 600 | 30 | 60 | 30 | 10 |
 * | 5 | 500 | 100 | 200 | −100 | 20 | 20 | 20 | 40 |
 * | 6 | 500 | 150 | 250 | −100 | 25 | 25 | 30 | 50 |
 * | 7 | 10,000 | 3,000 | 1,000 | 2,000 | 100 | 300 | 30 | 10 |
 */
export const EIGHT: CustomerColumns = {
  ids: ['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'],
  columns: {
    revenue: Float64Array.of(1000, 2000, 1000, 5000, 3000, 500, 500, 10000),
    gross_margin: Float64Array.of(300, 500, 200, 1500, 900, 100, 150, 3000),
    cts: Float64Array.of(100, 300, 100, 500, 300, 200, 250, 1000),
    net_profit: Float64Array.of(200, 200, 100, 1000, 600, -100, -100, 2000),
    orders: Float64Array.of(10, 20, 10, 50, 30, 20, 25, 100),
    order_lines: Float64Array.of(20, 40, 30, 100, 60, 20, 25, 300),
    units: Float64Array.of(100, 100, 100, 100, 100, 100, 100, 100),
    returns_rate: Float64Array.of(0, 0.1, 0, 0, 0.05, 0.2, 0, 0),
    on_time_rate: Float64Array.of(1, 0.5, 1, 0.9, 1, 0.5, 0.8, 1),
    demand_cv: Float64Array.of(0.2, 0.6, 1.4, 0.3, 0.3, 2, 0.9, 0.1),
    recency_days: Float64Array.of(5, 10, 50, 1, 2, 90, 30, 0),
  },
  categorical: { region: ['North', 'North', 'South', 'South', 'North', '', 'South', 'North'] },
};

export const LABELS = Int32Array.of(0, 0, 0, 1, 1, 2, 2, -1);
export const STRATEGIC = [false, false, false, false, false, false, false, true];
