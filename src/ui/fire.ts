import type { InputPhase } from '../runtime/state.ts';

/** A control's new value and whether the gesture is still going (`live`) or finished (`commit`). */
export interface TbInputDetail<T = unknown> {
  readonly value: T;
  readonly phase: InputPhase;
}

/** A file the user picked or dropped, read fully into memory. */
export interface TbFileDetail {
  /** The file name as the user's system reported it; display it as text only. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type SortDirection = 'ascending' | 'descending';

/** Every custom event the Tierbook elements send, by type. */
export interface TbEvents {
  'tb-input': TbInputDetail;
  'tb-file': TbFileDetail;
  'tb-toggle': { readonly collapsed: boolean };
  'tb-cancel': { readonly name: string };
  'tb-run': { readonly name: string };
  'tb-suggest': { readonly index: number };
  'tb-clear-file': Record<string, never>;
  'tb-sort': { readonly key: string; readonly direction: SortDirection };
  'tb-page': { readonly page: number; readonly pageSize: number };
}

declare global {
  interface HTMLElementEventMap {
    'tb-input': CustomEvent<TbInputDetail>;
    'tb-file': CustomEvent<TbFileDetail>;
    'tb-toggle': CustomEvent<TbEvents['tb-toggle']>;
    'tb-cancel': CustomEvent<TbEvents['tb-cancel']>;
    'tb-run': CustomEvent<TbEvents['tb-run']>;
    'tb-suggest': CustomEvent<TbEvents['tb-suggest']>;
    'tb-clear-file': CustomEvent<TbEvents['tb-clear-file']>;
    'tb-sort': CustomEvent<TbEvents['tb-sort']>;
    'tb-page': CustomEvent<TbEvents['tb-page']>;
  }
}

/**
 * Sends a typed Tierbook event from `target`. Events bubble and cross shadow roots
 * (`composed`) so the notebook can listen once at its root.
 */
export function fire<K extends keyof TbEvents>(target: EventTarget, type: K, detail: TbEvents[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
