/** Tierbook's data layer: reading files, quality accounting, customer features, synthetic data. Pure: runs in Node, browsers and workers. */
export * from './errors.ts';
export * from './random.ts';
export * from './delimited.ts';
export * from './number-parse.ts';
export * from './header-match.ts';
export * from './header-check.ts';
export * from './customer-table.ts';
export * from './synthetic-customers.ts';
