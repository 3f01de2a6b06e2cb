import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens with their light-theme defaults. Each is read as `var(--tb-<name>, <default>)`,
 * so a page can restyle every element by setting the custom property on any ancestor.
 */
export const tokens = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fg: '#1d2530',
  muted: '#5b6675',
  bg: '#ffffff',
  surface: '#f6f7f9',
  border: '#d7dce3',
  accent: '#2457c5',
  'accent-fg': '#ffffff',
  focus: '#2457c5',
  ok: '#16794c',
  'ok-bg': '#e5f4ec',
  running: '#1d5fbf',
  'running-bg': '#e6effc',
  pending: '#5b6675',
  'pending-bg': '#eef0f3',
  error: '#b42318',
  'error-bg': '#fdeceb',
  blocked: '#8a4b00',
  'blocked-bg': '#fdf1dc',
  radius: '6px',
} as const;

export type Token = keyof typeof tokens;

/** `var(--tb-name, default)` for use inside `css```; the values are constants above, never data. */
export function v(name: Token): CSSResult {
  return unsafeCSS(`var(--tb-${name}, ${tokens[name]})`);
}

/** Shared base: font, box sizing, a visible focus ring, and the visually-hidden helper. */
export const base = css`
  :host {
    font-family: ${v('font')};
    color: ${v('fg')};
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid ${v('focus')};
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
`;

/** Plain secondary button look shared by small action buttons. */
/** A bordered group of controls with a bold caption (multiselect, weights). */
export const fieldsets = css`
  fieldset {
    border: 1px solid ${v('border')};
    border-radius: ${v('radius')};
    padding: 8px 12px 12px;
    margin: 0;
  }
  legend {
    font-weight: 600;
    font-size: 0.95em;
    padding: 0 4px;
  }
`;

export const buttons = css`
  .btn {
    min-height: 32px;
    padding: 4px 12px;
    border: 1px solid ${v('border')};
    border-radius: ${v('radius')};
    background: ${v('bg')};
    font-size: 0.875em;
  }
  .btn:hover:not(:disabled) {
    background: ${v('surface')};
    border-color: ${v('muted')};
  }
  .btn:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;
