/**
 * The archive of approved versions and scoring runs, so a customer's tier history can be
 * looked up. Each version keeps the config text as approved and the assignments it produced.
 * The storage is behind `ArchiveStore` (a folder for the command, IndexedDB in the app); what
 * is archived, and how history is read, is decided here once.
 */
import { z } from '../data/zod.ts';
import { parseConfigFile } from './load-config.ts';
import { verifyConfig } from './verify.ts';
import { hashAssignments } from './segmentation-config.ts';
import { assignmentLabels, parseAssignmentsCsv } from './assignments-file.ts';

export const archiveVersionSchema = z.strictObject({
  /** `<date>-<content hash, 12 digits>` for an approved version; `-scored-<assignments hash, 8>` added for a scoring run. */
  id: z.string().regex(/^[0-9A-Za-z-]+$/),
  kind: z.enum(['approved', 'scored']),
  /** Approval time (approved) or scoring time (scored), ISO 8601. */
  date: z.string(),
  contentHash: z.string(),
  approver: z.strictObject({ name: z.string(), role: z.string() }).nullable(),
  /** `sha256:<hex>` of the assignments (as in a config's assignmentsHash). */
  assignmentsHash: z.string(),
  /** The data the assignments were computed on. */
  source: z.string(),
});
export type ArchiveVersion = z.infer<typeof archiveVersionSchema>;

export const archiveIndexSchema = z.strictObject({
  kind: z.literal('tierbook-archive'),
  version: z.literal(1),
  versions: z.array(archiveVersionSchema),
});
export type ArchiveIndex = z.infer<typeof archiveIndexSchema>;

/** Where archived versions live. */
export interface ArchiveStore {
  /** Every version, oldest first. */
  list(): Promise<ArchiveVersion[]>;
  /** Adds a version with its config text and assignments CSV text. */
  put(version: ArchiveVersion, configText: string, assignmentsText: string): Promise<void>;
  /** The texts of a version. */
  read(id: string): Promise<{ configText: string; assignmentsText: string }>;
}

async function checkedAssignments(text: string, fileName: string): Promise<string> {
  const a = parseAssignmentsCsv(text, fileName);
  return hashAssignments(a.ids, assignmentLabels(a));
}

/**
 * Archives an approved config with its assignments. Refuses anything but an approved, intact
 * config, and assignments that are not the ones the config was approved with. Archiving the
 * same version twice changes nothing.
 */
export async function archiveApproved(store: ArchiveStore, configText: string, assignmentsText: string, names = { config: 'config', assignments: 'assignments' }): Promise<ArchiveVersion> {
  const { document, config } = parseConfigFile(configText, names.config);
  const v = await verifyConfig(document);
  if (v.verdict !== 'approved' || !config.approval) throw new Error(`${names.config}: not archived: only approved, intact configs are archived (${v.message})`);
  const hash = await checkedAssignments(assignmentsText, names.assignments);
  if (hash !== config.assignmentsHash) throw new Error(`${names.assignments}: not archived: these are not the assignments ${names.config} was approved with (their hash differs from its assignmentsHash)`);
  const version: ArchiveVersion = {
    id: `${config.approval.date.slice(0, 10)}-${v.contentHash.slice(0, 12)}`,
    kind: 'approved',
    date: config.approval.date,
    contentHash: v.contentHash,
    approver: config.approval.approver,
    assignmentsHash: hash,
    source: config.data.source,
  };
  if (!(await store.list()).some((x) => x.id === version.id)) await store.put(version, configText, assignmentsText);
  return version;
}

/** Archives a scoring run: the assignments an approved (or draft) config gave on new data. */
export async function archiveScored(store: ArchiveStore, configText: string, assignmentsText: string, source: string, date: string): Promise<ArchiveVersion> {
  const { document, config } = parseConfigFile(configText, 'config');
  const v = await verifyConfig(document);
  if (!v.intact) throw new Error(`not archived: the config is not intact (${v.message})`);
  const hash = await checkedAssignments(assignmentsText, 'assignments');
  const version: ArchiveVersion = {
    id: `${date.slice(0, 10)}-${v.contentHash.slice(0, 12)}-scored-${hash.slice(7, 15)}`,
    kind: 'scored',
    date,
    contentHash: v.contentHash,
    approver: config.approval?.approver ?? null,
    assignmentsHash: hash,
    source,
  };
  if (!(await store.list()).some((x) => x.id === version.id)) await store.put(version, configText, assignmentsText);
  return version;
}

/** One archived version as seen by one customer. */
export interface HistoryRow {
  readonly version: string;
  readonly kind: ArchiveVersion['kind'];
  readonly date: string;
  readonly approver: string | null;
  /** Cluster (1-based), "strategic", or null when not clustered; undefined when the customer was not in that data. */
  readonly cluster: number | 'strategic' | null | undefined;
  /** Tier from the version's tier map, when it has one. */
  readonly tier: string | null;
}

/** The customer's segment in every archived version, oldest first. */
export async function customerHistory(store: ArchiveStore, customerId: string): Promise<HistoryRow[]> {
  const versions = [...(await store.list())].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: HistoryRow[] = [];
  for (const v of versions) {
    const { configText, assignmentsText } = await store.read(v.id);
    const { config } = parseConfigFile(configText, `${v.id}/config.json`);
    const a = parseAssignmentsCsv(assignmentsText, `${v.id}/assignments.csv`);
    const i = a.ids.indexOf(customerId);
    const cluster = i < 0 ? undefined : a.clusters[i];
    const map = config.tierMap;
    const tier = !map || cluster === undefined || cluster === null ? null : cluster === 'strategic' ? map.strategic : (map.clusters[cluster - 1] ?? null);
    out.push({ version: v.id, kind: v.kind, date: v.date, approver: v.approver ? `${v.approver.name} (${v.approver.role})` : null, cluster, tier });
  }
  return out;
}
