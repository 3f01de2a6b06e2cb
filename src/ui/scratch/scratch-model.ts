/**
 * Scratch cells: an analyst's own JavaScript expression over named cells, kept in this browser
 * and in the analyst's own scratch file or scenario file, never in a config. This module is the
 * data side: the definitions, their checks, which nodes an expression reads, and the file format.
 * Evaluating is the sandbox's (sandbox.ts); nothing here runs code.
 */
import { z } from '../../data/zod.ts';

export interface ScratchDefinition {
  /** A JavaScript identifier, unique in the notebook (the cell's name other scratch cells use). */
  readonly name: string;
  /** A JavaScript expression over named cells, e.g. `table.filter(d => d.region === "EU")`. */
  readonly expression: string;
}

export const SCRATCH_FILE_KIND = 'tierbook-scratch-cells';
const MAX_CELLS = 50;
const MAX_EXPRESSION = 4000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static enum await implements package protected interface private public arguments eval undefined NaN Infinity'.split(' '),
);

/** What is wrong with a definition among `taken` names (notebook nodes and other scratch cells), if anything. */
export function definitionProblem(d: ScratchDefinition, taken: ReadonlySet<string>): string | undefined {
  if (!IDENTIFIER.test(d.name) || RESERVED.has(d.name)) return `invalid scratch cell name: "${d.name}" (use letters, digits and _ , not starting with a digit, e.g. euCustomers)`;
  if (taken.has(d.name)) return `invalid scratch cell name: "${d.name}" is already a cell or input of this notebook`;
  if (d.expression.trim() === '') return `scratch cell ${d.name}: the expression is empty`;
  if (d.expression.length > MAX_EXPRESSION) return `scratch cell ${d.name}: the expression is longer than ${MAX_EXPRESSION} characters`;
  return undefined;
}

/**
 * The names among `available` an expression mentions, in first-mention order: its dependencies.
 * A mention inside a string or after a dot (`d.table`) may add one it does not need; that only
 * costs an extra run, never a wrong value.
 */
export function mentionedNames(expression: string, available: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const m of expression.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) if (available.has(m[0]) && !found.includes(m[0])) found.push(m[0]);
  return found;
}

/** Checks a list of definitions; the problem names the first bad entry (`cell 2: …`). */
function checkDefinitions(value: unknown): { cells: ScratchDefinition[] } | { problem: string } {
  if (!Array.isArray(value)) return { problem: 'expected a list of scratch cells' };
  if (value.length > MAX_CELLS) return { problem: `more than ${MAX_CELLS} scratch cells` };
  const names = new Set<string>();
  const cells: ScratchDefinition[] = [];
  for (const [i, entry] of (value as unknown[]).entries()) {
    const e = entry as Partial<ScratchDefinition> | null;
    if (typeof e !== 'object' || e === null || typeof e.name !== 'string' || typeof e.expression !== 'string') {
      return { problem: `cell ${i + 1} needs a name and an expression (text)` };
    }
    // Strict like the files that carry them: a field this version does not know is refused, not dropped.
    const extra = Object.keys(e).find((key) => key !== 'name' && key !== 'expression');
    if (extra !== undefined) return { problem: `cell ${i + 1} (${e.name}): unknown field ${JSON.stringify(extra)} (a scratch cell has only a name and an expression)` };
    const problem = definitionProblem({ name: e.name, expression: e.expression }, names);
    if (problem) return { problem: `cell ${i + 1}: ${problem}` };
    names.add(e.name);
    cells.push({ name: e.name, expression: e.expression });
  }
  return { cells };
}

/** Reads a list of definitions (from storage or a file); throws naming the first bad entry. */
export function readDefinitions(value: unknown, where: string): ScratchDefinition[] {
  const checked = checkDefinitions(value);
  if ('problem' in checked) throw new Error(`${where}: ${checked.problem}`);
  return checked.cells;
}

/**
 * The same check as a schema, for documents that carry scratch cells in a section of their own
 * (the scenario file's `scratch`): a bad entry fails the document, named like `cell 2: …`.
 */
export const scratchCellsSchema = z
  .array(z.unknown())
  .transform((value, ctx): ScratchDefinition[] => {
    const checked = checkDefinitions(value);
    if ('cells' in checked) return checked.cells;
    ctx.addIssue({ code: 'custom', message: checked.problem });
    return z.NEVER;
  })
  .describe('Scratch cells (name and JavaScript expression). Never run on import without the person confirming.');

/** The analyst's scratch file: the definitions only (never values, never settings). */
export function scratchFileText(notebook: string, cells: readonly ScratchDefinition[]): string {
  return `${JSON.stringify({ kind: SCRATCH_FILE_KIND, version: 1, notebook, cells }, null, 2)}\n`;
}

/** Reads a scratch file; throws naming the file and what is wrong. Nothing in it is run. */
export function readScratchFile(text: string, fileName: string): { notebook: string; cells: ScratchDefinition[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const d = doc as { kind?: unknown; version?: unknown; notebook?: unknown; cells?: unknown } | null;
  if (typeof d !== 'object' || d === null || d.kind !== SCRATCH_FILE_KIND) throw new Error(`${fileName}: not a Tierbook scratch cells file (kind "${SCRATCH_FILE_KIND}")`);
  if (d.version !== 1) throw new Error(`${fileName}: scratch file version ${String(d.version)} is not supported (expected 1)`);
  if (typeof d.notebook !== 'string') throw new Error(`${fileName}: the notebook it was made for is missing`);
  return { notebook: d.notebook, cells: readDefinitions(d.cells, fileName) };
}

/** Where a notebook's scratch cells are kept in this browser (cleared with the local data). */
export const scratchStorageKey = (notebook: string): string => `tierbook:scratch:${notebook}`;
