import { css } from 'lit';
import { statusStyles } from './status.ts';
import { base, buttons, v } from './theme.ts';
import { outlineButton } from './presentation/workshop-styles.ts';

/** Page layout of `tb-notebook`: a sticky contents column and a 1100px reading column. */
export const notebookStyles = [
  base,
  buttons,
  statusStyles,
  css`
    :host {
      display: block;
      background: ${v('bg')};
      line-height: 1.5;
      font-size: 1rem;
    }
    .page {
      display: grid;
      grid-template-columns: 220px minmax(0, 1100px);
      grid-template-areas: 'header header' 'toc main';
      justify-content: center;
      gap: 24px 40px;
      padding: 24px 24px 64px;
    }
    header {
      grid-area: header;
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 16px;
      padding-bottom: 16px;
      border-bottom: 1px solid ${v('border')};
    }
    h1 {
      margin: 0;
      font-size: 1.9em;
      line-height: 1.2;
      letter-spacing: -0.01em;
    }
    .lede {
      margin: 6px 0 0;
      max-width: 70ch;
      color: ${v('muted')};
      font-size: 1.05em;
    }
    .toolbar {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .toc {
      grid-area: toc;
      position: sticky;
      top: 16px;
      align-self: start;
      max-height: calc(100vh - 32px);
      overflow-y: auto;
      font-size: 0.9em;
    }
    .toc-title {
      margin: 0 0 8px;
      font-size: 0.8em;
      font-weight: 700;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: ${v('muted')};
    }
    .toc ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .toc a {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 8px;
      border-radius: ${v('radius')};
      color: inherit;
      text-decoration: none;
    }
    .toc a:hover {
      background: ${v('surface')};
    }
    .toc a[aria-current] {
      background: ${v('surface')};
      color: ${v('fg')};
      box-shadow: inset 3px 0 0 ${v('accent')};
    }
    .toc-section {
      margin-top: 8px;
      font-weight: 600;
    }
    .toc-cell a {
      padding-left: 16px;
      color: ${v('muted')};
    }
    .dot {
      flex: none;
      width: 9px;
      height: 9px;
      border-radius: 50%;
      background: var(--tb-status-color);
    }
    main {
      grid-area: main;
      display: flex;
      flex-direction: column;
      gap: 20px;
      min-width: 0;
    }
    .prose h2 {
      margin: 20px 0 6px;
      font-size: 1.4em;
      line-height: 1.3;
    }
    .prose p {
      margin: 0 0 8px;
      max-width: 72ch;
    }
    .section-run {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
      margin-top: 4px;
    }
    .section-run .run-all {
      border-color: ${v('accent')};
      color: ${v('accent')};
      font-weight: 600;
    }
    .section-status {
      color: ${v('muted')};
      font-size: 0.9em;
    }
    .controls {
      display: grid;
      gap: 18px;
      padding: 16px 20px;
      border: 1px solid ${v('border')};
      border-radius: ${v('radius')};
      background: ${v('surface')};
    }
    .control .help,
    .waiting {
      margin: 4px 0 0;
      color: ${v('muted')};
      font-size: 0.875em;
    }
    .control .label {
      margin: 0;
      font-weight: 600;
    }
    .control .problem,
    .view-failed {
      margin: 6px 0 0;
      color: ${v('error')};
      font-size: 0.875em;
    }
    .text {
      display: grid;
      grid-template-columns: var(--tb-label-width, 13em) minmax(0, 1fr);
      align-items: center;
      gap: 12px;
    }
    .text input,
    .text textarea {
      flex: 1;
      min-height: 36px;
      padding: 4px 8px;
      font: inherit;
      border: 1px solid ${v('border')};
      border-radius: ${v('radius')};
    }
    /* Cell views are light-DOM children of the frames, so their charts are styled from here. */
    tb-cell-frame figure {
      margin: 0;
    }
    tb-cell-frame figcaption {
      margin-top: 6px;
      color: ${v('muted')};
      font-size: 0.8125em;
    }
    tb-cell-frame svg {
      max-width: 100%;
      height: auto;
    }
    .summary,
    .view-text {
      margin: 0;
      white-space: pre-wrap;
    }
    .summary {
      color: ${v('muted')};
    }
    .empty {
      padding: 24px;
      color: ${v('muted')};
    }
    :host([presentation]) {
      /* Readable at the back of a room: at least 24px, more on wide screens. */
      font-size: max(24px, 1.35vw);
      --tb-label-width: 14em;
      --tb-muted: #3a4452;
    }
    :host([presentation]) .lede {
      display: none;
    }
    .agenda {
      grid-area: toc;
    }
    .agenda ol {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .agenda button,
    .overview-item,
    .lock-toggle {
      ${outlineButton}
      font-size: 0.7em;
    }
    .agenda button[aria-current='step'] {
      background: #1d2530;
      color: #fff;
      font-weight: 700;
    }
    .agenda button:disabled {
      cursor: default;
      opacity: 1;
    }
    :host([read-only]) h1 {
      display: none;
    }
    .agenda-compact {
      display: flex;
      align-items: center;
      gap: 12px;
      font-size: 0.8em;
    }
    .agenda-compact ol {
      align-items: center;
      gap: 6px;
    }
    .agenda-compact li:not(.here) {
      width: 12px;
      height: 12px;
      border-radius: 50%;
      border: 2px solid #1d2530;
    }
    .agenda-count {
      color: #3a4452;
    }
    .keys,
    .slide-count {
      font-size: 0.7em;
      color: #3a4452;
      margin: 6px 0 0;
    }
    .overview {
      position: fixed;
      inset: 5vh 5vw;
      z-index: 10;
      overflow: auto;
      background: #fff;
      border: 2px solid #1d2530;
      border-radius: 8px;
      padding: 24px;
    }
    .overview ol {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
      gap: 12px;
      list-style: none;
      padding: 0;
    }
    .overview-item {
      width: 100%;
      text-align: left;
      font-size: 0.9em;
      padding: 12px;
    }
    .overview-item[aria-current='step'] {
      outline: 3px solid #1d2530;
    }
    .overview-n {
      font-weight: 700;
    }
    .lockable {
      display: flex;
      align-items: center;
      gap: 12px;
      border-radius: 6px;
    }
    .lockable-control {
      flex: 1;
      min-width: 0;
    }
    .lockable.locked {
      outline: 3px solid #8a5a00;
      outline-offset: 4px;
      background: #fff7e6;
    }
    .lock-badge {
      font-size: 0.7em;
      font-weight: 700;
      color: #6b4500;
      white-space: nowrap;
    }

    :host([presentation]) .page {
      grid-template-columns: minmax(0, 1600px);
      grid-template-areas: 'header' 'toc' 'main';
    }
    :host([presentation]) h1 {
      font-size: 1.6em;
    }
    :host([presentation]) .controls {
      padding: 20px 24px;
      gap: 24px;
    }
    @media (max-width: 900px) {
      .page {
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'header' 'toc' 'main';
        padding: 16px;
      }
      .toc {
        position: static;
        max-height: none;
      }
      .text {
        grid-template-columns: minmax(0, 1fr);
        gap: 4px;
      }
    }
  `,
];
