/**
 * Scenarios: named sets of the notebook's settings ("Finance: margin weight x2"), saved in the
 * gallery, compared side by side, one of them chosen. The shapes here are checked wherever a
 * scenario enters: the notebook input that holds the gallery, a scenario file, the browser's
 * storage. Plain data and zod: no DOM, usable in the command and in tests.
 */
import { z } from '../../data/zod.ts';

/** At most this many scenarios are compared side by side. */
export const MAX_COMPARED = 4;
/** Longest scenario name, in characters. */
export const NAME_MAX = 80;
/** Most scenarios a gallery holds. */
export const MAX_SCENARIOS = 200;

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^s[1-9][0-9]{0,5}$/, 'expected s1, s2, …').describe('Unique in the gallery.'),
  name: z.string().min(1).max(NAME_MAX).describe('What the room calls it, e.g. "Finance: margin weight x2".'),
  savedAt: z.iso.datetime().describe('ISO 8601 time it was saved.'),
  inputs: z.record(z.string(), z.unknown()).describe('The settings of the notebook by input name, as committed when it was saved.'),
  data: z.strictObject({
    source: z.string().max(500).describe('The data file it was saved on ("sample-orders.csv" for the bundled sample).'),
    fingerprint: z.string().max(100).nullable().describe('sha256:<hex> of that data, when known.'),
  }),
  compare: z.boolean().describe('Shown in the side-by-side comparison.'),
  chosen: z.boolean().describe('The scenario the room chose (at most one).'),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioListSchema = z
  .array(scenarioSchema)
  .max(MAX_SCENARIOS)
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    list.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `id "${s.id}" is used twice` });
      if (names.has(s.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `the name "${s.name}" is used twice` });
      ids.add(s.id);
      names.add(s.name);
    });
    if (list.filter((s) => s.chosen).length > 1) ctx.addIssue({ code: 'custom', message: 'more than one scenario is marked as chosen' });
    if (list.filter((s) => s.compare).length > MAX_COMPARED) ctx.addIssue({ code: 'custom', message: `more than ${MAX_COMPARED} scenarios are marked for comparison` });
  });

/** The first problem of a zod failure as `<path>: <message>`. */
export function firstIssue(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return where ? `${where}: ${first.message}` : first.message;
}

/** Why a value is not a scenario gallery, or undefined when it is one. */
export function scenarioListProblem(value: unknown): string | undefined {
  const parsed = scenarioListSchema.safeParse(value);
  return parsed.success ? undefined : firstIssue(parsed.error);
}

/** A scenario name, trimmed; throws `invalid scenario name: …` for an empty, long or multi-line one. */
export function scenarioName(value: string): string {
  const name = value.trim();
  if (name === '' || name.length > NAME_MAX || /[\n\r\t]/.test(name)) {
    throw new Error(`invalid scenario name: ${JSON.stringify(value)} (expected 1 to ${NAME_MAX} characters on one line, e.g. "Finance: margin weight x2")`);
  }
  return name;
}
