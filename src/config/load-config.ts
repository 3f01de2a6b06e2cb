/**
 * Reading a config document at the boundary: kind and version first, then missing sections,
 * keys that could alter objects (`__proto__`, `constructor`, `prototype`), the schema of the
 * version, and the relations between sections. Nothing is changed on the way: the document is
 * only read, and a failure throws before any caller acts on it.
 */
import {
  CONFIG_KIND,
  READABLE_VERSIONS,
  REQUIRED_SECTIONS,
  configV1Schema,
  configV2Schema,
  type SegmentationConfig,
} from './config-schema.ts';

/** A loaded config and what the reader should know about it. */
export interface ReadConfig {
  readonly config: SegmentationConfig;
  /** Sentences about the document, e.g. that it predates version 2. */
  readonly notes: readonly string[];
}

export const V1_NOTE =
  'This is a version 1 config: it predates version 2, so it carries no content hash, approval, audit log or reference distributions. Export it again from Tierbook to upgrade it.';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

function fail(message: string): never {
  throw new Error(`invalid config: ${message}`);
}

/** Throws on a key that could reach an object's prototype when the document is merged or copied. */
export function checkKeys(value: unknown, path = '', depth = 0): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) fail(`${path || 'document'}: nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkKeys(v, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const key of Object.keys(value)) {
    const at = path === '' ? key : `${path}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) {
      fail(`key "${key}" at ${path === '' ? 'the top level' : path} is not allowed (it could alter the objects that read the config); remove it`);
    }
    checkKeys((value as Record<string, unknown>)[key], at, depth + 1);
  }
}

function checkEnvelope(document: unknown): 1 | 2 {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    fail(`the document is ${Array.isArray(document) ? 'an array' : document === null ? 'null' : `a ${typeof document}`}, not a Tierbook config object`);
  }
  const { kind, version } = document as { kind?: unknown; version?: unknown };
  if (kind !== CONFIG_KIND) fail(`kind is ${JSON.stringify(kind)} (expected "${CONFIG_KIND}"); is this a Tierbook export?`);
  const readable = READABLE_VERSIONS.join(' and ');
  if (typeof version === 'number' && Number.isInteger(version) && version > READABLE_VERSIONS[READABLE_VERSIONS.length - 1]) {
    fail(`schema version ${version} is newer than this Tierbook reads (${readable}); update Tierbook`);
  }
  if (version !== 1 && version !== 2) fail(`unknown schema version ${JSON.stringify(version)} (this Tierbook reads versions ${readable})`);
  const missing = REQUIRED_SECTIONS.filter((s) => !Object.hasOwn(document, s));
  if (missing.length > 0) {
    fail(`missing section${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; a config needs ${REQUIRED_SECTIONS.join(', ')}`);
  }
  return version;
}

/** Checks the relations between sections that the schema alone cannot express. */
function checkRelations(c: SegmentationConfig): void {
  const d = c.features.length;
  if (c.model.centroids.some((row) => row.length !== d)) fail(`model.centroids: each centroid needs ${d} values, one per feature`);
  const prepared = c.preparation.features.map((f) => f.name);
  if (prepared.join('\u0000') !== c.features.join('\u0000')) {
    fail(`preparation.features: names ${prepared.join(', ')} differ from features ${c.features.join(', ')}`);
  }
  if (c.reference) {
    const named = new Set(c.reference.features.map((f) => f.name));
    const without = c.features.filter((f) => !named.has(f));
    if (without.length > 0) fail(`reference.features: no distribution for ${without.map((f) => `"${f}"`).join(', ')}`);
    c.reference.features.forEach((f, i) => {
      const at = `reference.features[${i}] ("${f.name}")`;
      if (f.shares.length !== f.edges.length + 1) fail(`${at}: ${f.shares.length} shares for ${f.edges.length} edges (expected ${f.edges.length + 1})`);
      if (f.edges.some((e, j) => j > 0 && !(e > f.edges[j - 1]))) fail(`${at}: edges must be distinct and ascending`);
      if (f.percentiles.some((p, j) => j > 0 && p < f.percentiles[j - 1])) fail(`${at}: percentiles must be ascending`);
    });
  }
  if (c.tierMap) {
    const tiers = new Set(c.tierMap.order);
    if (tiers.size !== c.tierMap.order.length) fail('tierMap.order: a tier is listed twice');
    if (c.tierMap.clusters.length !== c.model.centroids.length) {
      fail(`tierMap.clusters: ${c.tierMap.clusters.length} tiers for ${c.model.centroids.length} clusters (one per cluster)`);
    }
    const unknown = [...c.tierMap.clusters, ...(c.tierMap.strategic === null ? [] : [c.tierMap.strategic])].find((t) => !tiers.has(t));
    if (unknown !== undefined) fail(`tierMap: tier "${unknown}" is not in tierMap.order`);
  }
  if (c.assignments) {
    if (c.assignments.ids.length !== c.assignments.clusters.length) {
      fail(`assignments: ${c.assignments.ids.length} ids but ${c.assignments.clusters.length} clusters`);
    }
    const k = c.model.centroids.length;
    const bad = c.assignments.clusters.findIndex((x) => typeof x === 'number' && x > k);
    if (bad >= 0) fail(`assignments.clusters[${bad}]: cluster ${c.assignments.clusters[bad]} but the model has ${k}`);
  }
}

/** Reads a parsed config document of version 1 or 2; throws `invalid config: <where>: <what>`. */
export function readConfig(document: unknown): ReadConfig {
  const version = checkEnvelope(document);
  checkKeys(document);
  const parsed = (version === 1 ? configV1Schema : configV2Schema).safeParse(document);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.length > 0 ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replaceAll('.[', '[') : 'document';
    fail(`${where}: ${first.message}`);
  }
  const config = parsed.data as SegmentationConfig;
  checkRelations(config);
  return { config, notes: version === 1 ? [V1_NOTE] : [] };
}

/** Parses the text of a config file, naming the file in every error. */
export function parseConfigFile(text: string, fileName: string): ReadConfig & { document: unknown } {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  try {
    return { ...readConfig(document), document };
  } catch (error) {
    throw new Error(`${fileName}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
