import { nodeOf, type AnyNode, type CellNode, type ControlSpec, type Node } from './node.ts';
import type { Notebook } from './state.ts';

/** Nodes an input's control reads its options from (they must be computed for the UI). */
export function controlDependencies(control: ControlSpec): Node<unknown>[] {
  switch (control.kind) {
    case 'select':
      return Array.isArray(control.options) ? [] : [control.options as Node<unknown>];
    case 'multiselect':
      return [control.options];
    case 'weights':
      return [control.keys];
    case 'grid':
      return [control.rows];
    default:
      return [];
  }
}

/** A cell's dependencies: the node, the parameter name `run` gets it under, and whether the edge is sampled. */
export interface Edge {
  readonly key: string;
  readonly node: AnyNode;
  readonly sampled: boolean;
}

export function edgesOf(cell: CellNode<unknown>): Edge[] {
  return Object.entries(cell.inputs).map(([key, dep]) => ({ key, node: nodeOf(dep) as AnyNode, sampled: dep.kind === 'sampled' }));
}

function dependencies(node: AnyNode): AnyNode[] {
  return node.kind === 'cell' ? edgesOf(node).map((e) => e.node) : (controlDependencies(node.control) as AnyNode[]);
}

/**
 * Every node a notebook uses (its items and, transitively, their dependencies) in an order
 * where each node follows its inputs. Throws on duplicate names and cycles, naming them.
 */
export function collectNodes(notebook: Notebook): AnyNode[] {
  const byName = new Map<string, AnyNode>();
  const order: AnyNode[] = [];
  const visiting = new Set<string>();
  const visit = (node: AnyNode, path: string[]): void => {
    const seen = byName.get(node.name);
    if (seen && seen !== node) {
      throw new Error(`notebook "${notebook.id}": two different nodes are named "${node.name}"; rename one`);
    }
    if (seen) return;
    if (visiting.has(node.name)) {
      throw new Error(`notebook "${notebook.id}": circular definition ${[...path, node.name].join(' -> ')}`);
    }
    visiting.add(node.name);
    // Control options are not value dependencies; visiting them after the node breaks no order.
    if (node.kind === 'cell') for (const dep of dependencies(node)) visit(dep, [...path, node.name]);
    visiting.delete(node.name);
    byName.set(node.name, node);
    order.push(node);
    if (node.kind === 'input') for (const dep of dependencies(node)) visit(dep, []);
  };
  for (const item of notebook.items) if (item.kind !== 'prose') visit(item, []);
  return order;
}
