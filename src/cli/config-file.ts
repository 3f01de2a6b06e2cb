/** Reading a config file and the data to score with it, for the governance commands. */
import { readFile } from 'node:fs/promises';
import { readDataFile } from './io.ts';
import { parseConfigFile, type ReadConfig } from '../config/load-config.ts';
import { sha256 } from '../config/hash.ts';
import { importData } from '../data/import-data.ts';
import type { CustomerTable } from '../data/customers/customer-table.ts';
import type { SegmentationConfig } from '../config/config-schema.ts';

/** A config read from disk: its text (for archiving), the parsed document (for hashing) and the config. */
export interface ConfigFile extends ReadConfig {
  readonly path: string;
  readonly name: string;
  readonly text: string;
  readonly document: unknown;
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
    throw new Error(`cannot read ${path}: ${reason}`, { cause: error });
  }
}

export async function readConfigFile(path: string): Promise<ConfigFile> {
  const text = await readText(path);
  return { path, name: path, text, ...parseConfigFile(text, path) };
}

/** New customers read the way the config's data was read (its import options: mapping, rules, rates). */
export interface ScoringData {
  readonly name: string;
  /** `sha256:<hex>` of the file bytes, as in a config's data.fingerprint. */
  readonly fingerprint: string;
  readonly table: CustomerTable;
  /** Messages about the file (unreadable cells, quality rules). */
  readonly issues: string[];
}

export async function readScoringData(path: string, config: SegmentationConfig): Promise<ScoringData> {
  const file = await readDataFile(path);
  const imported = await importData(file.bytes, file.name, config.data.import);
  return {
    name: file.name,
    fingerprint: `sha256:${await sha256(file.bytes)}`,
    table: imported.customers,
    issues: imported.issues.map((i) => i.message),
  };
}

/**
 * Runs a command whose "trouble" exit status is not 1: diff and verify use 1 for a result
 * ("different", "not intact"), so every failure, a bad command line included, exits with
 * `status` (2, as Unix diff does), reported as one line on stderr (and the stack with --debug).
 */
export async function withTroubleStatus(status: number, debug: boolean, io: { stderr(text: string): void }, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    io.stderr(`tierbook: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return status;
  }
}
