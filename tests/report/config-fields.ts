/**
 * Test helpers: every field path of the config schema (walked from the zod schema itself, so a
 * field added to the schema is a field the report and the review must show), and the field
 * paths a rendered report or review shows (facts name their path; tables name their base path
 * in the caption and each column's key in its header).
 */
import { configV2Schema } from '../../src/config/config-schema.ts';

interface Def {
  type: string;
  innerType?: unknown;
  in?: unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

export interface SchemaField {
  readonly path: string;
  /** A record (keys chosen by people or the data): shown as a whole or key by key. */
  readonly record: boolean;
}

function walk(schema: unknown, path: string, out: SchemaField[]): void {
  const d = defOf(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return walk(d.innerType, path, out);
    case 'pipe':
      return walk(d.in, path, out);
    case 'object':
      for (const [key, child] of Object.entries(d.shape ?? {}))
        walk(child, path ? `${path}.${key}` : key, out);
      return;
    case 'array':
      if (defOf(d.element).type === 'object') return walk(d.element, `${path}[]`, out);
      out.push({ path, record: false });
      return;
    default:
      out.push({ path, record: d.type === 'record' });
  }
}

/** Every leaf field of config version 2, e.g. `preparation.features[].scale`, `packages` (record). */
export function schemaFields(): SchemaField[] {
  const out: SchemaField[] = [];
  walk(configV2Schema, '', out);
  return out;
}

/** Concrete list positions (`[0]`) read as the schema's `[]`. */
const generic = (path: string) => path.replace(/\[\d+\]/g, '[]');

/** The fields a rendered report or review (HTML or DOM) names. */
export function fieldsInDom(root: ParentNode): Set<string> {
  const found = new Set<string>();
  for (const code of root.querySelectorAll('dt code.field')) found.add(generic(code.textContent ?? ''));
  for (const t of root.querySelectorAll('table')) {
    const base = t.querySelector('caption code.field')?.textContent;
    if (!base) continue;
    found.add(generic(base));
    for (const key of t.querySelectorAll('th code.field')) found.add(generic(`${base}.${key.textContent}`));
  }
  return found;
}

/** The fields a Markdown report names: `**Label** \`path\`` facts, and table captions with column keys. */
export function fieldsInMarkdown(markdown: string): Set<string> {
  const found = new Set<string>();
  const captionOf = (line: string | undefined) => /^\*\*.*\*\* `([^`]+)`$/.exec(line ?? '')?.[1];
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    const caption = captionOf(line);
    if (caption) found.add(generic(caption));
    const fact = /^\| \*\*.*?\*\* `([^`]+)` \|/.exec(line);
    if (fact) found.add(generic(fact[1]));
    const base = captionOf(lines[i - 2]);
    if (base && line.startsWith('| ') && lines[i + 1]?.startsWith('| ---')) {
      for (const m of line.matchAll(/`([^`]+)`/g)) found.add(generic(`${base}.${m[1]}`));
    }
  });
  return found;
}

/** Schema fields not named in `found` (records may be named key by key). */
export function missingFields(found: ReadonlySet<string>): string[] {
  return schemaFields()
    .filter((f) => !found.has(f.path) && !(f.record && [...found].some((p) => p.startsWith(`${f.path}.`))))
    .map((f) => f.path);
}
