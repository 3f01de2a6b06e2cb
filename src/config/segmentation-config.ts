import { sha256 } from './hash.ts';
import { readConfig, parseConfigFile } from './load-config.ts';
import { configToJson } from './config-json.ts';
import type { SegmentationConfig } from './config-schema.ts';
import { csvDocument, csvNumber, csvText } from '../data/csv-write.ts';

export { CONFIG_KIND, CONFIG_VERSION, configV2Schema as segmentationConfigSchema, type SegmentationConfig } from './config-schema.ts';
export { configToJson };

/** Reads a config document (version 1 or 2); throws `invalid config: <where>: <what>` for anything malformed. */
export function loadConfig(document: unknown): SegmentationConfig {
  return readConfig(document).config;
}

/** Parses the text of a config file, naming the file in every error. */
export function parseConfigText(text: string, fileName: string): SegmentationConfig {
  return parseConfigFile(text, fileName).config;
}

/** Label of a customer in the fixed Strategic segment. */
export const STRATEGIC = -2;

/**
 * The assignments as CSV text, in input order: `customer_id,cluster` with clusters numbered
 * from 1, `strategic` for the Strategic segment, and an empty cell for customers not clustered
 * (excluded outliers, missing values, DBSCAN noise). With `confidence` (once robustness has run),
 * a third column: each customer's bootstrap confidence, the share of replicates that kept it in
 * its cluster (4 decimals; empty for customers not clustered or never drawn).
 */
export function assignmentsCsv(ids: readonly string[], labels: ArrayLike<number>, idColumn = 'customer_id', confidence?: ArrayLike<number> | null): string {
  const rows: string[][] = [];
  for (let i = 0; i < ids.length; i++) {
    const label = labels[i];
    const row = [csvText(ids[i]), label === STRATEGIC ? csvText('strategic') : label < 0 ? '' : csvNumber(label + 1)];
    if (confidence) row.push(csvNumber(confidence[i], 4));
    rows.push(row);
  }
  return csvDocument(confidence ? [idColumn, 'cluster', 'confidence'] : [idColumn, 'cluster'], rows);
}

export async function hashAssignments(ids: readonly string[], labels: ArrayLike<number>): Promise<string> {
  return `sha256:${await sha256(assignmentsCsv(ids, labels))}`;
}
