import { css, html, nothing, type TemplateResult } from 'lit';
import type { CellState } from '../runtime/state.ts';
import { v } from './theme.ts';

/**
 * The boxes a cell frame shows above its view: the failure (its own, or the root failure of a
 * blocked cell as the engine delivered it), why an idle cell has no value, what changed since an
 * on-demand result was computed, a note about the last run, and one-click suggestions.
 * All text; nothing from a cell or a file is parsed as HTML.
 */

/** Where the failed (or on-demand) cell upstream is, for a link. */
export interface Upstream {
  readonly title: string;
  /** `#cell-…` of its frame, or '' when it has none (hidden cells). */
  readonly href: string;
}

const link = (u: Upstream) => (u.href ? html`<a href=${u.href}>${u.title}</a>` : html`<strong>${u.title}</strong>`);

export function problemBox(state: CellState, own: string, upstream: Upstream | undefined): TemplateResult | typeof nothing {
  const failure = state.error;
  if (state.status === 'error' && failure) {
    return html`<div part="problem" class="problem error" role="alert">
      <p class="message">${failure.message}</p>
      ${failure.trigger ? html`<p class="detail">After <code>${failure.trigger}</code></p>` : nothing}
      ${failure.cell && own && failure.cell !== own ? html`<p class="detail">Raised in <code>${failure.cell}</code></p>` : nothing}
    </div>`;
  }
  if (state.status === 'blocked') {
    return html`<div part="problem" class="problem blocked">
      <p class="blocked-by">Blocked by ${link(upstream ?? { title: state.blockedBy ?? 'an earlier cell', href: '' })}</p>
      ${failure ? html`<p class="detail cause">${failure.message}</p>` : nothing}
      <p class="detail">This cell runs again once that cell succeeds.</p>
    </div>`;
  }
  return nothing;
}

export function idleNote(state: CellState, own: string, upstream: Upstream | undefined, onDemand: boolean): TemplateResult | typeof nothing {
  if (state.status !== 'idle') return nothing;
  if (onDemand && (state.waitingFor === undefined || state.waitingFor === own)) {
    return html`<p class="note idle">Not run yet: it runs only when you ask. Press <strong>Run</strong>.</p>`;
  }
  if (upstream) return html`<p class="note idle">Waiting for ${link(upstream)}, which runs only when you ask.</p>`;
  return html`<p class="note idle">Not computed yet.</p>`;
}

/** "Out of date: k 4 → 5" for a result computed before the inputs changed. */
export function staleNote(state: CellState, upstream: Upstream | undefined): TemplateResult | typeof nothing {
  const stale = state.stale;
  if (!stale || state.status === 'error' || state.status === 'blocked') return nothing;
  return html`<div class="note stale" role="status">
    <p><strong>Out of date.</strong> ${upstream ? html`Computed by ${link(upstream)} before these changes:` : 'Computed before these changes:'}</p>
    <ul class="changes">
      ${stale.changes.map((c) => html`<li><span class="input">${c.title}</span> <code>${c.before}</code> → <code>${c.after}</code></li>`)}
    </ul>
  </div>`;
}

export function noticeNote(state: CellState): TemplateResult | typeof nothing {
  return state.notice ? html`<p class="note notice" role="status">${state.notice}</p>` : nothing;
}

/** A suggestion as the frame shows it. */
export interface SuggestionButton {
  readonly label: string;
  readonly reason?: string;
}

export function suggestionBar(suggestions: readonly SuggestionButton[], pick: (index: number) => void): TemplateResult | typeof nothing {
  if (suggestions.length === 0) return nothing;
  return html`<div class="suggestions" role="group" aria-label="Suggestions">
    ${suggestions.map(
      (s, i) => html`<button class="btn suggest" type="button" title=${s.reason ?? ''} @click=${() => pick(i)}>
        ${s.label}${s.reason ? html`<span class="reason"> (${s.reason})</span>` : nothing}
      </button>`,
    )}
  </div>`;
}

export const noteStyles = css`
  .problem {
    border-left: 4px solid;
    border-radius: ${v('radius')};
    padding: 8px 12px;
    margin-bottom: 12px;
  }
  .problem p {
    margin: 4px 0;
  }
  .problem.error {
    border-color: ${v('error')};
    background: ${v('error-bg')};
  }
  .problem.blocked {
    border-color: ${v('blocked')};
    background: ${v('blocked-bg')};
  }
  .message {
    font-weight: 600;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .blocked-by {
    font-weight: 600;
  }
  .cause {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .detail {
    font-size: 0.875em;
  }
  .note {
    margin: 0 0 12px;
    padding: 6px 12px;
    border-radius: ${v('radius')};
    font-size: 0.9em;
  }
  .note p {
    margin: 2px 0;
  }
  .note.idle,
  .note.notice {
    background: ${v('surface')};
  }
  .note.stale {
    border-left: 4px solid ${v('blocked')};
    background: ${v('blocked-bg')};
  }
  .changes {
    margin: 4px 0 0;
    padding-left: 20px;
  }
  .changes .input {
    font-weight: 600;
  }
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-bottom: 12px;
  }
  .suggest .reason {
    color: ${v('muted')};
  }
`;
