import { action, cell, stateValue, type InputNode } from '../src/runtime/index.ts';
import { loadConfig, parseConfigText, type SegmentationConfig } from '../src/config/segmentation-config.ts';
import { checkReference, describeCheck, type ReferenceCheck } from '../src/config/reference.ts';
import { config } from './export.ts';
import { textBlock } from './view-helpers.ts';

/** An imported config, kept as the reference the notebook's results are checked against. */
export interface Reference {
  readonly config: SegmentationConfig;
  /** The file it was imported from, for messages. */
  readonly fileName: string;
}

function referenceProblem(value: unknown): string | undefined {
  if (value === null) return undefined;
  const v = value as Partial<Reference>;
  if (typeof value !== 'object' || typeof v.fileName !== 'string') return 'expected an imported config and its file name';
  try {
    loadConfig(v.config);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Set by the Import config action only; saved across reloads, never in links or exports. */
export const reference = stateValue<Reference | null>({
  name: 'reference',
  title: 'Imported config',
  value: null,
  check: referenceProblem,
  format: (v) => v?.fileName ?? '',
});

export interface ReferenceResult {
  readonly fileName: string;
  readonly rows: number;
  readonly check: ReferenceCheck;
}

/**
 * The imported config against what this notebook recomputes. On demand: the import runs it, and
 * when a setting changes afterwards it stays visible, marked stale with what changed. It reads
 * the hidden config only when it runs, so the config is still computed only when read.
 */
export const referenceCheck = cell({
  name: 'referenceCheck',
  title: 'Imported config check',
  trigger: 'demand',
  description: 'Compares every claim of the imported config (preparation, model, data, assignments) with what the notebook recomputes.',
  inputs: { reference, config },
  run: ({ reference, config }): ReferenceResult | null =>
    reference === null ? null : { fileName: reference.fileName, rows: config.data.rows, check: checkReference(reference.config, config) },
  view: (r, { document }) => {
    if (r === null) return textBlock(document, ['No config imported. Use “Import config…” at the top to check one against this data.']);
    const el = textBlock(document, [`${r.fileName}: ${describeCheck(r.check, r.rows)}`]);
    if (r.check.differences.length > 0) {
      const table = document.createElement('tb-table');
      table.caption = 'Claims that differ';
      table.columns = [
        { key: 'part', label: 'Part' },
        { key: 'claimed', label: 'In the config' },
        { key: 'recomputed', label: 'Recomputed' },
      ];
      table.rows = r.check.differences.map((d) => ({ ...d }));
      el.append(table);
    }
    return el;
  },
});

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
}

/**
 * Import config: reads and validates the whole file first (schema, then every setting by its
 * input's type), then sets every setting at once (settings the config lacks go back to their
 * defaults), keeps the config as the reference and runs the check. Entries that are not
 * settings of this notebook (e.g. `host`) are never applied: they are listed in the notes.
 */
export const importConfig = action<ImportRequest>({
  name: 'import-config',
  title: 'Import config',
  plan({ text, fileName }, { inputs }) {
    const imported = parseConfigText(text, fileName);
    const set: Record<string, unknown> = {};
    const notes: string[] = [];
    const given = new Map(Object.entries(imported.inputs));
    const settings = [...inputs.values()].filter((i): i is InputNode<unknown> => i.role === 'setting');
    let defaults = 0;
    for (const node of settings) {
      if (given.has(node.name)) set[node.name] = given.get(node.name);
      else {
        set[node.name] = node.defaultValue;
        defaults++;
      }
    }
    const ignored = [...given.keys()].filter((name) => !settings.some((s) => s.name === name));
    if (ignored.length > 0) notes.push(`Not settings of this notebook, so not applied: ${ignored.map((n) => `"${n}"`).join(', ')}.`);
    if (defaults > 0) notes.push(`${defaults} setting${defaults === 1 ? '' : 's'} missing from the config ${defaults === 1 ? 'was' : 'were'} set to the default.`);
    set[reference.name] = { config: imported, fileName } satisfies Reference;
    return { set, run: [referenceCheck], notes };
  },
});
