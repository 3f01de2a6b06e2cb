/** Tierbook's data layer: reading files, quality accounting, customer features, synthetic data. Pure: runs in Node, browsers and workers. */
export * from './errors.ts';
export * from './random.ts';
export * from './delimited.ts';
export * from './number-parse.ts';
export * from './header-match.ts';
export * from './header-check.ts';
export * from './customer-table.ts';
export * from './synthetic-customers.ts';
export * from './date-parse.ts';
export * from './columns.ts';
export * from './column-builder.ts';
export * from './infer-types.ts';
export * from './decode.ts';
export * from './read-delimited.ts';
export * from './read-values.ts';
export * from './load-table.ts';
