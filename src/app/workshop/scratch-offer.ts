/**
 * A scenario file's scratch cells on import: offered through the scratch panel, which lists their
 * code as text and adds them only when the person confirms (the same question its own Import
 * asks). The scenarios and decisions are imported either way; this says what became of the cells.
 */
import type { ScratchDefinition } from '../../ui/scratch/scratch-model.ts';
import type { ScratchCells } from '../../ui/scratch/scratch-panel.ts';

export interface ScratchOutcome {
  /** One sentence for the status line. */
  readonly text: string;
  /** True when the cells could not be offered at all (a problem to see, not a choice made). */
  readonly warn: boolean;
}

/** Offers `cells` from `fileName`; undefined when the file has none. Never throws. */
export async function offerScratch(scratch: ScratchCells | undefined, cells: readonly ScratchDefinition[], fileName: string): Promise<ScratchOutcome | undefined> {
  if (cells.length === 0) return undefined;
  const count = `${cells.length} scratch ${cells.length === 1 ? 'cell' : 'cells'}`;
  if (!scratch) return { text: `Its ${count} ${cells.length === 1 ? 'was' : 'were'} not added: scratch cells are not available on this page.`, warn: true };
  try {
    const { offered, added } = await scratch.offer(cells, fileName);
    if (offered === 0) return { text: `Its ${count} ${cells.length === 1 ? 'is' : 'are'} already here.`, warn: false };
    if (added === 0) return { text: `Its ${offered === 1 ? 'scratch cell was' : `${offered} scratch cells were`} not added (not confirmed).`, warn: false };
    return { text: `Added ${added} scratch ${added === 1 ? 'cell' : 'cells'}.`, warn: false };
  } catch (error) {
    return { text: `Its scratch cells were not added: ${error instanceof Error ? error.message : String(error)}`, warn: true };
  }
}
