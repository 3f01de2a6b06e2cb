/**
 * Workshop mode shows the notebook one section per screen: a section starts at each titled prose
 * item and holds the blocks up to the next one (blocks before the first title join the first
 * section). Pure: no DOM, so the presenter and the audience window split the notebook alike.
 */
import type { Block } from '../notebook-model.ts';

export interface Slide {
  /** The prose id that opens the section (stable across windows and reloads). */
  readonly id: string;
  readonly title: string;
  /** Indexes into the notebook's blocks, in order. */
  readonly blocks: readonly number[];
}

export function slidesOf(blocks: readonly Block[]): Slide[] {
  const slides: { id: string; title: string; blocks: number[] }[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'prose' && b.prose.title) slides.push({ id: b.prose.id, title: b.prose.title, blocks: [i] });
    else if (slides.length > 0) slides[slides.length - 1].blocks.push(i);
    else slides.push({ id: 'start', title: 'Start', blocks: [i] });
  });
  // Blocks before the first title were collected as "Start": they belong to the first titled section.
  if (slides.length > 1 && slides[0].id === 'start') {
    const [start, next] = slides.splice(0, 2);
    slides.unshift({ ...next, blocks: [...start.blocks, ...next.blocks] });
  }
  return slides;
}

/** What a key does in workshop mode, or null when the key is not ours. */
export type SlideMove = 'next' | 'previous' | 'first' | 'last' | 'overview';

export function slideMove(key: string): SlideMove | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'o':
    case 'O':
      return 'overview';
    default:
      return null;
  }
}

/** The slide a move lands on, kept within 0..count-1. */
export function moveSlide(current: number, move: Exclude<SlideMove, 'overview'>, count: number): number {
  const last = Math.max(0, count - 1);
  switch (move) {
    case 'next':
      return Math.min(last, current + 1);
    case 'previous':
      return Math.max(0, current - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
  }
}

/** Keys typed into a field or a control (a slider's arrows) are that control's, not the slides'. */
export function keyBelongsToControl(path: readonly EventTarget[]): boolean {
  return path.some((t) => {
    const el = t as Partial<HTMLElement>;
    const tag = typeof el.localName === 'string' ? el.localName : '';
    if (['input', 'select', 'textarea', 'tb-slider', 'tb-select', 'tb-multiselect', 'tb-weights', 'tb-table'].includes(tag)) return true;
    return el.isContentEditable === true || el.getAttribute?.('role') === 'slider';
  });
}
