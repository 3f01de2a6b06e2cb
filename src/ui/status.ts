import type { CellStatus } from '../runtime/state.ts';
import { unsafeCSS } from 'lit';
import { tokens, type Token } from './theme.ts';

/** How each cell status is shown: words and a glyph as well as colour, so colour is never the only cue. */
export interface StatusLook {
  readonly label: string;
  readonly glyph: string;
  readonly fg: Token;
  readonly bg: Token;
}

export const statusLook: Readonly<Record<CellStatus, StatusLook>> = {
  pending: { label: 'Pending', glyph: '○', fg: 'pending', bg: 'pending-bg' },
  running: { label: 'Running', glyph: '◔', fg: 'running', bg: 'running-bg' },
  ok: { label: 'OK', glyph: '✓', fg: 'ok', bg: 'ok-bg' },
  error: { label: 'Error', glyph: '✕', fg: 'error', bg: 'error-bg' },
  blocked: { label: 'Blocked', glyph: '⊘', fg: 'blocked', bg: 'blocked-bg' },
  idle: { label: 'Not run', glyph: '◌', fg: 'pending', bg: 'pending-bg' },
};

/** The element id a cell's frame carries, used by the table of contents and "Blocked by" links. */
export function anchorId(name: string): string {
  return `cell-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** `.status-<name>` classes (text and background colour) for chips and dots. */
export const statusStyles = unsafeCSS(
  (Object.keys(statusLook) as CellStatus[])
    .map((s) => {
      const look = statusLook[s];
      const fg = `var(--tb-${look.fg}, ${tokens[look.fg]})`;
      const bg = `var(--tb-${look.bg}, ${tokens[look.bg]})`;
      return `.status-${s} { color: ${fg}; background: ${bg}; --tb-status-color: ${fg}; }`;
    })
    .join('\n'),
);
