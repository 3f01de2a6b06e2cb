import { keyword } from '../analytics/keyword.ts';
import type { CellNode, Notebook } from '../runtime/index.ts';

/**
 * `--set <section>=on|off` for the notebook's sections that have on-demand cells (e.g.
 * `robustness=on`): taken out of the input settings, the sections switched on to be run.
 */
export function sectionRuns(notebook: Notebook, sets: readonly string[]): { readonly settings: string[]; readonly run: (readonly CellNode<unknown>[])[]; readonly on: Set<string> } {
  const sections = new Map(notebook.items.flatMap((item) => (item.kind === 'prose' && item.run?.length ? [[item.id, item.run] as const] : [])));
  const settings: string[] = [];
  const on = new Set<string>();
  for (const text of sets) {
    const eq = text.indexOf('=');
    const name = eq > 0 ? text.slice(0, eq).trim() : '';
    const cells = sections.get(name);
    if (!cells) {
      settings.push(text);
      continue;
    }
    if (keyword(name, text.slice(eq + 1).trim(), ['on', 'off'] as const) === 'on') on.add(name);
    else on.delete(name);
  }
  return { settings, run: [...on].map((id) => sections.get(id) ?? []), on };
}
