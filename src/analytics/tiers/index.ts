/** Tiers: customers into named service tiers, bottom-up from clusters or top-down by thresholds, and what they look like. */
export * from './tier-customers.ts';
export * from './tiering.ts';
export * from './tiering-spec.ts';
export * from './tiering-settings.ts';
export * from './tier-names.ts';
export * from './customer-measures.ts';
export * from './cluster-tiers.ts';
export * from './threshold-tiers.ts';
export * from './abc.ts';
export * from './xyz.ts';
export * from './rfm.ts';
export * from './margin-cts-matrix.ts';
export * from './tiering-agreement.ts';
export * from './tier-kpis.ts';
export * from './tiers-csv.ts';
export * from './demand-variability.ts';
