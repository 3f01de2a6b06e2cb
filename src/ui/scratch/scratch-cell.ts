/** A scratch definition as an engine cell: it reads the named nodes its expression mentions. */
import { cell, type AnyNode, type CellNode, type NotebookEngine } from '../../runtime/index.ts';
import { mentionedNames, type ScratchDefinition } from './scratch-model.ts';
import type { ScratchEvaluator } from './sandbox.ts';

/** Nodes a scratch expression may read: every cell and input except host values (tasks, versions). */
export function readableNodes(engine: Pick<NotebookEngine, 'nodes' | 'node'>, scratchNames: Iterable<string>): Map<string, AnyNode> {
  const nodes = new Map<string, AnyNode>();
  for (const n of engine.nodes) if (!(n.kind === 'input' && n.role === 'host')) nodes.set(n.name, n);
  for (const name of scratchNames) {
    const n = engine.node(name);
    if (n) nodes.set(name, n);
  }
  return nodes;
}

export function scratchCell(definition: ScratchDefinition, readable: ReadonlyMap<string, AnyNode>, evaluator: ScratchEvaluator): CellNode<unknown> {
  const uses = mentionedNames(definition.expression, new Set(readable.keys()));
  return cell({
    name: definition.name,
    title: definition.name,
    description: definition.expression,
    inputs: Object.fromEntries(uses.map((name) => [name, readable.get(name)!])),
    run: (values: Record<string, unknown>, { signal }) => evaluator.evaluate(definition.expression, values, signal),
  });
}
