/**
 * The scenario file: a workshop's scenarios and decision log in one JSON document, to carry them
 * to another machine or keep them with the minutes, and optionally the analyst's scratch cells.
 * Reading one checks everything first (JSON, keys that could alter objects, the schema, every
 * setting by its input's own check, every scratch cell by the scratch cells' own check) and then
 * either returns it whole or refuses it naming each problem. Nothing in it is run here: settings
 * are plain values, text is shown as text, and scratch cells come back as definitions that the
 * scratch panel adds only after the person confirms.
 */
import { z } from '../../data/zod.ts';
import { checkKeys } from '../../config/load-config.ts';
import { decisionLogSchema, type DecisionEntry } from '../../config/decision-schema.ts';
import type { InputNode } from '../../runtime/node.ts';
import { scratchCellsSchema, type ScratchDefinition } from '../../ui/scratch/scratch-model.ts';
import { firstIssue, scenarioListSchema, type Scenario } from './scenario-schema.ts';

export const SCENARIOS_FILE_KIND = 'tierbook-scenarios';
export const SCENARIOS_FILE_VERSION = 1;
/** Larger files are refused before they are parsed (a gallery of 200 scenarios is far smaller). */
export const SCENARIOS_FILE_MAX_BYTES = 5_000_000;

export const scenariosFileSchema = z.strictObject({
  kind: z.literal(SCENARIOS_FILE_KIND),
  version: z.literal(SCENARIOS_FILE_VERSION),
  notebook: z.string().describe('Id of the notebook whose settings the scenarios hold.'),
  exportedAt: z.iso.datetime(),
  scenarios: scenarioListSchema,
  decisions: decisionLogSchema,
  scratch: scratchCellsSchema.optional().describe('The exporting analyst’s scratch cells; left out when there are none. Never part of a config.'),
});

export type ScenariosFile = z.infer<typeof scenariosFileSchema>;

/** The file's text: two-space JSON and a final newline; `scratch` only when there are scratch cells. */
export function scenariosFileText(
  notebook: string,
  scenarios: readonly Scenario[],
  decisions: readonly DecisionEntry[],
  exportedAt: string,
  scratch: readonly ScratchDefinition[] = [],
): string {
  const doc: ScenariosFile = {
    kind: SCENARIOS_FILE_KIND,
    version: SCENARIOS_FILE_VERSION,
    notebook,
    exportedAt,
    scenarios: [...scenarios],
    decisions: [...decisions],
    ...(scratch.length > 0 ? { scratch: scratch.map((c) => ({ name: c.name, expression: c.expression })) } : {}),
  };
  return `${JSON.stringify(scenariosFileSchema.parse(doc), null, 2)}\n`;
}

export interface ReadScenarios {
  readonly scenarios: Scenario[];
  readonly decisions: DecisionEntry[];
  /** The file's scratch cells, checked but not run (empty when it has none). */
  readonly scratch: ScratchDefinition[];
  /** What was left out and why (entries that are not settings of this notebook). */
  readonly notes: string[];
}

/**
 * Reads a scenario file for the notebook `notebook` whose inputs are `inputs`; throws
 * `<file>: <what is wrong>` (every bad setting listed) and returns nothing partial.
 */
export function readScenariosFile(text: string, fileName: string, notebook: string, inputs: ReadonlyMap<string, InputNode<unknown>>): ReadScenarios {
  const refuse = (message: string): never => {
    throw new Error(`${fileName}: ${message}`);
  };
  if (text.length > SCENARIOS_FILE_MAX_BYTES) refuse(`${text.length.toLocaleString('en-US')} characters is too large for a scenario file (at most ${SCENARIOS_FILE_MAX_BYTES.toLocaleString('en-US')}); is it the right file?`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    refuse(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    checkKeys(document);
  } catch (error) {
    refuse(String(error instanceof Error ? error.message : error).replace(/^invalid config: /, '').replace('the objects that read the config', 'the objects that read the file'));
  }
  const kind = (document as { kind?: unknown } | null)?.kind;
  if (kind !== SCENARIOS_FILE_KIND) refuse(`kind is ${JSON.stringify(kind)} (expected "${SCENARIOS_FILE_KIND}"); export scenarios from the Scenarios section to get one`);
  const parsed = scenariosFileSchema.safeParse(document);
  if (!parsed.success) return refuse(firstIssue(parsed.error));
  const file = parsed.data;
  if (file.notebook !== notebook) refuse(`it holds scenarios of the "${file.notebook}" notebook, not of "${notebook}"`);
  const notes: string[] = [];
  const problems: string[] = [];
  const scenarios = file.scenarios.map((s): Scenario => {
    const kept = new Map<string, unknown>();
    for (const [name, value] of Object.entries(s.inputs)) {
      const node = inputs.get(name);
      if (!node || node.role !== 'setting') {
        notes.push(`Scenario "${s.name}": "${name}" is not a setting of this notebook; left out.`);
        continue;
      }
      const reason = node.validate(value);
      if (reason !== undefined) problems.push(`scenario "${s.name}": ${reason}`);
      else kept.set(name, node.normalize(value));
    }
    // Object.fromEntries defines own properties: a key can never reach a prototype.
    return { ...s, inputs: Object.fromEntries(kept) };
  });
  if (problems.length > 0) refuse(`${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} not valid, so nothing was imported: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? '; …' : ''}`);
  return { scenarios, decisions: file.decisions, scratch: file.scratch ?? [], notes };
}
