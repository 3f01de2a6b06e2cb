import type { CellNode, ViewContext } from '../runtime/node.ts';
import type { CellState } from '../runtime/state.ts';
import { ModulePending } from './lazy-module.ts';

/**
 * What a cell frame shows: a mounted node, text, the reason the view failed, or nothing yet
 * because a module the view needs is still loading (the frame shows the cell as pending, with
 * the view it drew before, if any).
 */
export type ViewContent =
  | { readonly kind: 'node'; readonly node: Node }
  | { readonly kind: 'loading'; readonly previous?: ViewContent }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly message: string };

interface Entry {
  readonly version: number;
  readonly width: number;
  readonly content: ViewContent;
}

/**
 * Calls cell views only when a cell's value version (or the available width) changes, and keeps
 * the result so re-renders of the page re-mount the same nodes instead of rebuilding charts.
 */
export class ViewCache {
  private entries = new Map<string, Entry>();
  /** The views' display-only memory (`ViewContext.memory`), shared by the page's views. */
  private memory: Record<string, unknown> = {};

  /** How the page draws: on a projector, and/or as the audience window (`ViewContext`). */
  look: { readonly presentation: boolean; readonly readOnly: boolean } = { presentation: false, readOnly: false };

  /** How many times views were actually called; for tests and diagnostics. */
  calls = 0;
  /** How many times a view redrew its element in place (`CellNode.update`) instead. */
  updates = 0;

  /** Called once a module that views waited for has loaded: the page renders again, drawing them. */
  onReady: () => void = () => {};

  content(
    cell: CellNode<unknown>,
    state: CellState,
    width: number,
    document: Document,
  ): ViewContent | undefined {
    if (!state.hasValue || !cell.view) return undefined;
    const cached = this.entries.get(cell.name);
    if (cached && cached.version === state.version && cached.width === width) return cached.content;
    const context = { document, width, memory: this.memory, ...this.look };
    // A view that can redraw itself keeps its element: the page then has nothing to re-mount.
    if (cached?.width === width && cached.content.kind === 'node' && cell.update && this.updated(cell, cached.content.node, state.value, context)) {
      this.entries.set(cell.name, { version: state.version, width, content: cached.content });
      return cached.content;
    }
    this.calls++;
    let content: ViewContent;
    try {
      content = wrap(cell.view(state.value, context), document);
    } catch (error) {
      if (error instanceof ModulePending) {
        const previous = cached?.content.kind === 'loading' ? cached.content.previous : cached?.content;
        content = { kind: 'loading', previous };
        void error.ready.then(() => this.loaded());
      } else content = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    this.entries.set(cell.name, { version: state.version, width, content });
    return content;
  }

  /** Forgets the views that waited for a module, so the next render draws them. */
  private loaded(): void {
    let waited = false;
    for (const [name, entry] of this.entries) {
      if (entry.content.kind !== 'loading') continue;
      this.entries.delete(name);
      waited = true;
    }
    if (waited) this.onReady();
  }

  /** Whether `cell.update` redrew `node` for `value` (a failing update falls back to the view). */
  private updated(cell: CellNode<unknown>, node: Node, value: unknown, context: ViewContext): boolean {
    try {
      if (!cell.update?.(node as Element, value, context)) return false;
    } catch {
      return false;
    }
    this.updates++;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.memory = {};
  }
}

function wrap(result: unknown, document: Document): ViewContent {
  if (result === null || result === undefined) return { kind: 'none' };
  if (typeof result === 'string') return { kind: 'text', text: result };
  // A fragment empties itself when inserted; a wrapper keeps it mountable on every render.
  const nodeType = (result as Partial<Node>).nodeType;
  if (nodeType === 11) {
    const div = document.createElement('div');
    div.append(result as DocumentFragment);
    return { kind: 'node', node: div };
  }
  if (typeof nodeType === 'number') return { kind: 'node', node: result as Node };
  return { kind: 'failed', message: `view returned ${typeof result}, expected an element, a string or null` };
}
