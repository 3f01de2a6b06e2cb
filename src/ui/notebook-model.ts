import { nodeOf, type AnyNode, type CellNode, type InputNode, type Node, type Suggestion } from '../runtime/node.ts';
import type { CellState, NotebookEngine, Notebook, Prose } from '../runtime/state.ts';
import type { Upstream } from './cell-notes.ts';
import { anchorId } from './status.ts';

/** One visual block of the notebook page. Consecutive inputs share one controls panel. */
export type Block =
  | { readonly kind: 'prose'; readonly prose: Prose }
  | { readonly kind: 'controls'; readonly inputs: readonly InputNode<unknown>[] }
  | { readonly kind: 'cell'; readonly cell: CellNode<unknown> };

export interface TocEntry {
  readonly kind: 'section' | 'cell';
  /** Cell name or prose id. */
  readonly key: string;
  readonly title: string;
  readonly href: string;
}

export function isProse(item: AnyNode | Prose): item is Prose {
  return item.kind === 'prose';
}

/** The element id of a prose section. */
export function proseId(id: string): string {
  return `section-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Groups a notebook's items into blocks, dropping hidden cells and hidden inputs. */
export function blocks(notebook: Notebook): Block[] {
  const out: Block[] = [];
  for (const item of notebook.items) {
    if (isProse(item)) out.push({ kind: 'prose', prose: item });
    else if (item.kind === 'cell') {
      if (!item.hidden) out.push({ kind: 'cell', cell: item });
    } else if (item.control.kind !== 'hidden') {
      const last = out.at(-1);
      if (last?.kind === 'controls')
        out[out.length - 1] = { kind: 'controls', inputs: [...last.inputs, item] };
      else out.push({ kind: 'controls', inputs: [item] });
    }
  }
  return out;
}

/** Table of contents: titled prose sections and visible cells, in reading order. */
export function tocEntries(notebook: Notebook): TocEntry[] {
  const out: TocEntry[] = [];
  for (const item of notebook.items) {
    if (isProse(item)) {
      if (item.title)
        out.push({ kind: 'section', key: item.id, title: item.title, href: `#${proseId(item.id)}` });
    } else if (item.kind === 'cell' && !item.hidden) {
      out.push({ kind: 'cell', key: item.name, title: item.title, href: `#${anchorId(item.name)}` });
    }
  }
  return out;
}

/** A cell that is drawn with a frame (so it can be linked to). */
export function visibleCells(notebook: Notebook): Map<string, CellNode<unknown>> {
  return new Map(
    notebook.items
      .filter((i): i is CellNode<unknown> => !isProse(i) && i.kind === 'cell' && !i.hidden)
      .map((c) => [c.name, c]),
  );
}

/** A list of options for a control, or why there is none yet. */
export type Options =
  | { readonly ready: true; readonly options: readonly string[] }
  | { readonly ready: false; readonly reason: string };

/**
 * Resolves a control's option list: fixed lists as they are; node-backed lists from the node's
 * current value (an input's live value, or a cell's latest value).
 */
export function optionsOf(
  engine: NotebookEngine,
  source: readonly string[] | Node<readonly string[]>,
): Options {
  if (Array.isArray(source)) return { ready: true, options: source as readonly string[] };
  const node = source as Node<readonly string[]>;
  let value: unknown;
  if (node.kind === 'input') value = engine.getInput(node.name);
  else {
    const state = engine.state(node.name);
    if (!state.hasValue) {
      if (state.status === 'error')
        return { ready: false, reason: `Options unavailable: ${node.title} failed.` };
      if (state.status === 'blocked')
        return { ready: false, reason: `Options unavailable until ${node.title} can run.` };
      return { ready: false, reason: `Waiting for ${node.title}…` };
    }
    value = state.value;
  }
  if (!Array.isArray(value)) return { ready: false, reason: `Options from ${node.title} are not a list.` };
  return { ready: true, options: value.map(String) };
}

// Frames get these as properties: the same objects for the same answer, so a page render after
// an unrelated state change does not update every frame (it did, on every step of a drag).
const NO_SUGGESTIONS: readonly Suggestion[] = [];
const upstreams = new WeakMap<NotebookEngine, Map<string, Upstream>>();
const offers = new WeakMap<CellState, readonly Suggestion[]>();

/** The cell a state points at (the failed one, the on-demand one), by lookup: no graph walk. */
export function upstreamOf(
  engine: NotebookEngine,
  cell: CellNode<unknown>,
  state: CellState,
  visible: ReadonlyMap<string, CellNode<unknown>>,
): Upstream | undefined {
  const name = state.blockedBy ?? state.waitingFor ?? state.stale?.cell;
  if (!name || name === cell.name) return undefined;
  let known = upstreams.get(engine);
  if (!known) upstreams.set(engine, (known = new Map()));
  let found = known.get(name);
  if (!found) known.set(name, (found = { title: engine.node(name)?.title ?? name, href: visible.has(name) ? `#${anchorId(name)}` : '' }));
  return found;
}

/**
 * The hidden cell a pending cell waits on that is running now (e.g. the k sweep behind Choosing
 * k), looked for through hidden cells only: its frame shows that run's progress and Cancel, since
 * a hidden cell has no frame of its own.
 */
export function runningHiddenUpstream(engine: NotebookEngine, cell: CellNode<unknown>): CellNode<unknown> | undefined {
  const seen = new Set<string>();
  const visit = (node: CellNode<unknown>): CellNode<unknown> | undefined => {
    for (const dependency of Object.values(node.inputs)) {
      const up = nodeOf(dependency);
      if (up.kind !== 'cell' || seen.has(up.name)) continue;
      seen.add(up.name);
      const hidden = engine.node(up.name);
      if (hidden?.kind !== 'cell' || !hidden.hidden) continue;
      const status = engine.state(up.name).status;
      if (status === 'running') return hidden;
      if (status === 'pending') {
        const deeper = visit(hidden);
        if (deeper) return deeper;
      }
    }
    return undefined;
  };
  return visit(cell);
}

/** One-click fixes: the cell's own suggestions beside its value, or those its failure carries. */
export function suggestionsOf(cell: CellNode<unknown>, state: CellState): readonly Suggestion[] {
  if (state.status === 'error' || state.status === 'blocked') return state.error?.suggestions ?? NO_SUGGESTIONS;
  if (state.status !== 'ok' || !state.hasValue || !cell.suggest) return NO_SUGGESTIONS;
  let offered = offers.get(state);
  if (!offered) {
    try {
      offered = cell.suggest(state.value);
    } catch {
      offered = NO_SUGGESTIONS;
    }
    offers.set(state, offered.length > 0 ? offered : NO_SUGGESTIONS);
  }
  return offers.get(state) as readonly Suggestion[];
}

/** What a section's Run all bar shows about its on-demand cells. */
export interface SectionRun {
  /** Whether one of them runs now (Cancel is offered instead of Run all). */
  readonly running: boolean;
  /** One line, e.g. `Running Bootstrap stability (3 of 6) · 45%` or `4 of 6 run · 1 out of date`. */
  readonly summary: string;
}

/** The state of a section's on-demand cells, summed up for its Run all bar. */
export function sectionRun(engine: NotebookEngine, cells: readonly CellNode<unknown>[]): SectionRun {
  const states = cells.map((c) => engine.state(c.name));
  const at = states.findIndex((s) => s.status === 'running');
  if (at >= 0) {
    const progress = states[at].progress;
    const share = progress ? ` · ${Math.round(Math.min(1, Math.max(0, progress.fraction)) * 100)}%` : '';
    return { running: true, summary: `Running ${cells[at].title} (${at + 1} of ${cells.length})${share}` };
  }
  const ran = states.filter((s) => s.hasValue || s.status === 'error').length;
  if (ran === 0) return { running: false, summary: `None of the ${cells.length} analyses has run yet: they run only when you ask.` };
  const stale = states.filter((s) => s.stale !== undefined).length;
  const failed = states.filter((s) => s.status === 'error').length;
  const parts = [`${ran} of ${cells.length} run`, ...(stale ? [`${stale} out of date`] : []), ...(failed ? [`${failed} failed`] : [])];
  return { running: false, summary: parts.join(' · ') };
}
