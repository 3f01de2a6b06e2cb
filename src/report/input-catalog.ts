/**
 * The inputs a config records, described by the notebook that declares them: title, help text,
 * section and default, and how each writes a value (as in a link or `--set`). The review and
 * the report take their descriptions from here, so they never drift from the notebook.
 */
import { collectNodes, type InputNode, type Notebook } from '../runtime/index.ts';
import type { InputInfo } from './report-input.ts';

function safeFormat(node: InputNode<unknown>, value: unknown): string {
  try {
    return node.format(value);
  } catch {
    return JSON.stringify(value) ?? String(value);
  }
}

/** Every setting of `notebook` (what a config's `inputs` holds), in reading order. */
export function inputCatalog(notebook: Notebook): InputInfo[] {
  const sectionOf = new Map<string, string>();
  let section: string | undefined;
  for (const item of notebook.items) {
    if (item.kind === 'prose') section = item.title ?? section;
    else if (section) sectionOf.set(item.name, section);
  }
  return collectNodes(notebook)
    .filter((n): n is InputNode<unknown> => n.kind === 'input' && n.role === 'setting')
    .map((node) => ({
      name: node.name,
      title: node.title,
      ...(node.description ? { description: node.description } : {}),
      ...(sectionOf.has(node.name) ? { section: sectionOf.get(node.name) } : {}),
      defaultText: safeFormat(node, node.defaultValue),
      format: (value: unknown) => safeFormat(node, value),
    }));
}
