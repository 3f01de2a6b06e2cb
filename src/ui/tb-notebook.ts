import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CellNode, InputNode } from '../runtime/node.ts';
import type { InputPhase, NotebookEngine } from '../runtime/state.ts';
import type { TbEvents } from './fire.ts';
import { summarize } from './format.ts';
import { blocks, proseId, runningHiddenUpstream, sectionRun, suggestionsOf, tocEntries, upstreamOf, visibleCells, type Block } from './notebook-model.ts';
import { notebookStyles } from './notebook-styles.ts';
import { keyBelongsToControl, moveSlide, slideMove, slidesOf, type Slide } from './presentation/sections.ts';
import { renderControl, type ControlHost } from './render-control.ts';
import { anchorId, statusLook } from './status.ts';
import './tb-cell-frame.ts';
import { ViewCache, type ViewContent } from './view-cache.ts';

/** View width before (or without) layout: the 1100px column minus the frame's padding. */
const DEFAULT_WIDTH = 1066;
/** Views are rebuilt for a resize only past this change, so a scrollbar appearing does not redraw charts. */
const WIDTH_SLACK = 24;
/** Blocks drawn at first when the page opens progressively (about the first screen), then per task. */
const FIRST_BLOCKS = 6;
const BLOCKS_PER_TASK = 6;

/**
 * The notebook page for one engine: header with a toolbar slot, a sticky table of contents with
 * status dots, then prose, grouped input controls and a cell frame per visible cell, in order.
 * Control changes go to `engine.setInput`; engine state and input changes re-render the page.
 * Views are called only when a cell's value version changes.
 *
 * @slot toolbar - app actions shown in the header (Export, Import, Reset…)
 * @csspart header - the page header
 * @csspart toc - the table of contents
 * @csspart main - the column holding the notebook items
 */
export class TbNotebook extends LitElement {
  static override properties = {
    engine: { attribute: false },
    presentation: { type: Boolean, reflect: true },
    readOnly: { type: Boolean, reflect: true, attribute: 'read-only' },
    slide: { type: Number },
    overview: { state: true },
    viewWidth: { state: true },
    announcement: { state: true },
    current: { state: true },
    progressive: { type: Boolean },
  };

  declare engine: NotebookEngine | undefined;
  /** Workshop layout: larger type and controls, no contents column. */
  declare presentation: boolean;
  /** The audience window of a workshop: results only, no commands, controls shown but not operable. */
  declare readOnly: boolean;
  /** In workshop mode, the section on screen (index into the notebook's titled sections). */
  declare slide: number;
  /** In workshop mode, the jump-to overview of every section is open. */
  declare overview: boolean;
  /** The last failure, read out by screen readers (status changes are otherwise silent). */
  declare announcement: string;
  /** Id of the first section or cell in view, marked in the contents with `aria-current`. */
  declare current: string;
  /** Width given to cell views, measured from the main column. */
  declare viewWidth: number;
  /**
   * Opens in document order, a few blocks per task: the first screen is laid out and the
   * notebook starts computing before the rest of the page is built (the app sets it; tests and
   * the review page draw everything at once).
   */
  declare progressive: boolean;
  /** How many blocks are drawn so far when `progressive` (all of them once the page is built). */
  private built = FIRST_BLOCKS;
  private building: ReturnType<typeof setTimeout> | undefined;

  private unsubscribers: (() => void)[];
  private subscribed: NotebookEngine | undefined;
  private readonly views: ViewCache;
  private readonly collapsed: Set<string>;
  private readonly problems: Map<string, string>;
  private resizeObserver: ResizeObserver | undefined;
  private sightObserver: IntersectionObserver | undefined;
  private readonly inSight: Set<string>;
  /** The sections and frames the sight observer already watches. */
  private watched = new WeakSet<Element>();
  private readonly controlHost: ControlHost;

  constructor() {
    super();
    this.engine = undefined;
    this.presentation = false;
    this.readOnly = false;
    this.slide = 0;
    this.overview = false;
    this.announcement = '';
    this.viewWidth = DEFAULT_WIDTH;
    this.progressive = false;
    this.unsubscribers = [];
    this.subscribed = undefined;
    this.views = new ViewCache();
    this.views.onReady = () => this.requestUpdate();
    this.collapsed = new Set();
    this.problems = new Map();
    this.resizeObserver = undefined;
    this.sightObserver = undefined;
    this.inSight = new Set();
    this.current = '';
    const engineOf = () => this.engine!;
    this.controlHost = {
      get engine() {
        return engineOf();
      },
      set: (name, value, phase) => this.setInput(name, value, phase),
      problem: (name) => this.problems.get(name),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
    this.ownerDocument.addEventListener('keydown', this.onKey);
  }

  /** The notebook's sections, one per screen in workshop mode. */
  slides(): Slide[] {
    return this.engine ? slidesOf(blocks(this.engine.notebook)) : [];
  }

  /** Shows section `index` in workshop mode and tells the page (`tb-slide`), e.g. to follow in another window. */
  goTo(index: number): void {
    const count = this.slides().length;
    const next = Math.max(0, Math.min(count - 1, index));
    this.overview = false;
    if (next === this.slide) return;
    this.slide = next;
    const slide = this.slides()[next];
    this.dispatchEvent(new CustomEvent('tb-slide', { detail: { index: next, id: slide?.id ?? '' }, bubbles: true, composed: true }));
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (!this.presentation || this.readOnly || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (this.overview && event.key === 'Escape') {
      event.preventDefault();
      this.overview = false;
      return;
    }
    const move = slideMove(event.key);
    if (!move || keyBelongsToControl(event.composedPath())) return;
    event.preventDefault();
    if (move === 'overview') this.overview = !this.overview;
    else this.goTo(moveSlide(this.slide, move, this.slides().length));
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('keydown', this.onKey);
    clearTimeout(this.building);
    this.building = undefined;
    this.unsubscribe();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.sightObserver?.disconnect();
    this.sightObserver = undefined;
    this.watched = new WeakSet();
    this.inSight.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('engine') && this.isConnected) this.subscribe();
    // Views draw differently on a projector: redraw them when the mode changes.
    if ((changed.has('presentation') && changed.get('presentation') !== undefined) || (changed.has('readOnly') && changed.get('readOnly') !== undefined)) this.views.clear();
    this.views.look = { presentation: this.presentation, readOnly: this.readOnly };
  }

  protected override firstUpdated(): void {
    const hash = globalThis.location?.hash;
    if (hash && hash.length > 1) this.reveal(hash.slice(1), false);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new section starts at the top of the screen; the overview takes the keyboard when it opens.
    if (this.presentation && changed.has('slide') && changed.get('slide') !== undefined) this.scrollIntoView?.({ block: 'start' });
    if (changed.has('overview') && this.overview) this.renderRoot.querySelector<HTMLElement>('.overview-item[aria-current]')?.focus();
    const main = this.renderRoot.querySelector('main');
    if (!main) return;
    // Observers report their first readings themselves, outside this update, so views are not drawn twice.
    if (!this.resizeObserver && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(main);
    }
    if (!this.sightObserver && typeof IntersectionObserver !== 'undefined') {
      this.sightObserver = new IntersectionObserver((entries) => this.onSight(entries), {
        rootMargin: '0px 0px -60% 0px',
      });
    }
    // Only new sections and frames: this runs on every state change, many times per drag step.
    for (const el of main.children) {
      if (this.watched.has(el) || !(el.localName === 'tb-cell-frame' || (el.localName === 'section' && el.classList.contains('prose')))) continue;
      this.watched.add(el);
      this.sightObserver?.observe(el);
    }
  }

  private onSight(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) this.inSight.add(entry.target.id);
      else this.inSight.delete(entry.target.id);
    }
    const first = [...this.renderRoot.querySelectorAll('main > section.prose, main > tb-cell-frame')].find(
      (el) => this.inSight.has(el.id),
    );
    if (first) this.current = first.id;
  }

  private measure(): void {
    const body = this.renderRoot.querySelector('main')?.clientWidth ?? 0;
    // Cell frames pad their body by 16px each side plus a border.
    const width = body > 0 ? Math.max(280, body - 34) : DEFAULT_WIDTH;
    if (Math.abs(width - this.viewWidth) >= WIDTH_SLACK) this.viewWidth = width;
  }

  private subscribe(): void {
    if (this.subscribed === this.engine) return;
    this.unsubscribe();
    const engine = this.engine;
    if (!engine) return;
    this.subscribed = engine;
    this.views.clear();
    this.problems.clear();
    // Stored or linked values the engine refused at start: shown once, at their inputs.
    for (const r of engine.refused) this.problems.set(r.name, `${r.reason}; the default is used instead.`);
    this.unsubscribers = [
      engine.onState((name, state) => {
        if (state.status === 'error' && state.error && state.error.cell === name) {
          const title = engine.nodes.find((n) => n.name === name)?.title ?? name;
          this.announcement = `${title} failed: ${state.error.message}`;
        }
        this.requestUpdate();
      }),
      engine.onInput((name) => {
        this.problems.delete(name);
        this.requestUpdate();
      }),
      engine.onLock(() => this.requestUpdate()),
    ];
  }

  private unsubscribe(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
    this.subscribed = undefined;
  }

  /** Passes a control change to the engine; a refused value is shown beside the control. */
  setInput(name: string, value: unknown, phase: InputPhase): void {
    if (!this.engine) return;
    try {
      this.engine.setInput(name, value, phase);
      this.problems.delete(name);
    } catch (error) {
      this.problems.set(name, error instanceof Error ? error.message : String(error));
    }
    this.requestUpdate();
  }

  /** Scrolls to and focuses an element of the page by id (shadow DOM hides it from `#hash` links). */
  reveal(id: string, smooth = true): boolean {
    let target = (this.renderRoot as ShadowRoot).getElementById?.(id);
    if (!target && this.progressive && this.built < Infinity) {
      this.built = Infinity;
      this.requestUpdate();
      this.performUpdate();
      target = (this.renderRoot as ShadowRoot).getElementById?.(id);
    }
    if (!target) return false;
    target.scrollIntoView?.({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    return true;
  }

  private onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    const anchor = event.composedPath().find((t): t is HTMLAnchorElement => (t as Element).localName === 'a');
    const href = anchor?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    if (this.reveal(decodeURIComponent(href.slice(1)))) event.preventDefault();
  }

  private here(href: string) {
    return href === `#${this.current}` ? 'location' : nothing;
  }

  private renderToc() {
    const engine = this.engine!;
    return html`<nav part="toc" class="toc" aria-label="Contents">
      <p class="toc-title">Contents</p>
      <ol>
        ${tocEntries(engine.notebook).map((entry) => {
          if (entry.kind === 'section') {
            return html`<li class="toc-section">
              <a href=${entry.href} aria-current=${this.here(entry.href)}>${entry.title}</a>
            </li>`;
          }
          const status = engine.state(entry.key).status;
          return html`<li class="toc-cell">
            <a href=${entry.href} aria-current=${this.here(entry.href)}>
              <span class="dot status-${status}" aria-hidden="true"></span>
              <span>${entry.title}</span>
              <span class="sr-only">(${statusLook[status].label})</span>
            </a>
          </li>`;
        })}
      </ol>
    </nav>`;
  }

  private renderView(
    content: ViewContent | undefined,
    cell: CellNode<unknown>,
    hasValue: boolean,
    value: unknown,
  ): unknown {
    if (!content) return hasValue && !cell.view ? html`<p class="summary">${summarize(value)}</p>` : nothing;
    switch (content.kind) {
      case 'node':
        return content.node;
      case 'loading':
        return content.previous ? this.renderView(content.previous, cell, hasValue, value) : nothing;
      case 'text':
        return html`<p class="view-text">${content.text}</p>`;
      case 'none':
        return nothing;
      case 'failed':
        return html`<p class="view-failed" role="alert">The view could not be drawn: ${content.message}</p>`;
    }
  }

  private renderCell(cell: CellNode<unknown>, visible: Map<string, CellNode<unknown>>) {
    const engine = this.engine!;
    const state = engine.state(cell.name);
    const content = this.views.content(cell, state, this.viewWidth, this.ownerDocument);
    const suggestions = suggestionsOf(cell, state);
    // A view waiting for a module (the chart library) shows as pending until it is drawn; a cell
    // waiting on a hidden cell that runs shows that run, with its progress and Cancel.
    const waitingOn = state.status === 'pending' ? runningHiddenUpstream(engine, cell) : undefined;
    const waitingState = waitingOn ? engine.state(waitingOn.name) : undefined;
    const upstream = upstreamOf(engine, cell, state, visible);
    const collapsed = this.collapsed.has(cell.name);
    // Drawn again only when something the frame shows changed: a state change elsewhere renders
    // the page again, not the hundred other frames (a state is a new object when it changes;
    // views and suggestions are kept per state, upstream links per name).
    return guard([state, content, waitingOn, waitingState, upstream, suggestions, collapsed, this.readOnly], () => {
      const shown = content?.kind === 'loading'
        ? { ...state, status: 'pending' as const }
        : waitingOn
          ? { ...state, status: 'running' as const, progress: waitingState?.progress ?? { fraction: 0 } }
          : state;
      return html`<tb-cell-frame
        id=${anchorId(cell.name)}
        .name=${cell.name}
        .heading=${cell.title}
        .description=${cell.description ?? ''}
        .state=${shown}
        .collapsed=${collapsed}
        ?cancellable=${!this.readOnly}
        .onDemand=${cell.trigger === 'demand' && !this.readOnly}
        .upstream=${upstream}
        .suggestions=${this.readOnly ? [] : suggestions}
        @tb-cancel=${() => engine.cancel(waitingOn?.name ?? cell.name)}
        @tb-run=${() => void engine.run(cell)}
        @tb-suggest=${(e: CustomEvent<TbEvents['tb-suggest']>) => {
          const s = suggestions[e.detail.index];
          if (s) this.setInput(s.input.name, s.value, 'commit');
        }}
        @tb-toggle=${(e: CustomEvent<TbEvents['tb-toggle']>) => {
          if (e.detail.collapsed) this.collapsed.add(cell.name);
          else this.collapsed.delete(cell.name);
        }}
      >
        ${this.renderView(content, cell, state.hasValue, state.value)}
      </tb-cell-frame>`;
    });
  }

  /** Run all (or Cancel) for a section's on-demand cells, with what ran. */
  private renderSectionRun(title: string, cells: readonly CellNode<unknown>[]) {
    const engine = this.engine!;
    const run = sectionRun(engine, cells);
    return html`<div class="section-run" role="group" aria-label=${`Run ${title}`}>
      ${run.running
        ? html`<button class="btn cancel-all" type="button" @click=${() => cells.forEach((c) => engine.cancel(c))}>Cancel</button>`
        : html`<button class="btn run-all" type="button" @click=${() => void engine.runAll(cells)}>Run all</button>`}
      <span class="section-status" role="status">${run.summary}</span>
    </div>`;
  }

  /**
   * A control in workshop mode, with its lock: a locked control is marked and inert, and the
   * engine refuses any change to it (a link, an action, Reset) until the facilitator unlocks it.
   */
  private renderLockable(node: InputNode<unknown>) {
    const engine = this.engine!;
    const locked = engine.isLocked(node.name);
    const canLock = node.role === 'setting' || node.role === 'state';
    return html`<div class="lockable ${locked ? 'locked' : ''}" data-input=${node.name}>
      <div class="lockable-control" ?inert=${locked}>${renderControl(node, this.controlHost)}</div>
      ${locked ? html`<span class="lock-badge" role="img" aria-label=${`${node.title ?? node.name} is locked`}>Locked</span>` : nothing}
      ${canLock && !this.readOnly
        ? html`<button
            type="button"
            class="lock-toggle"
            aria-pressed=${locked ? 'true' : 'false'}
            data-lock=${node.name}
            @click=${() => engine.lock(node.name, !locked)}
          >
            ${locked ? 'Unlock' : 'Lock'}<span class="sr-only"> ${node.title ?? node.name}</span>
          </button>`
        : nothing}
    </div>`;
  }

  private renderAgenda(slides: readonly Slide[]) {
    // The room's screen is small in CSS pixels (a projector at 150%): one line says where the room is.
    if (this.readOnly) {
      return html`<nav class="agenda agenda-compact" aria-label="Agenda">
        <ol>
          ${slides.map((s, i) => html`<li class=${i === this.slide ? 'here' : ''} aria-current=${i === this.slide ? 'step' : nothing}>
            ${i === this.slide ? html`<strong>${s.title}</strong>` : html`<span class="sr-only">${s.title}</span>`}
          </li>`)}
        </ol>
        <span class="agenda-count">${this.slide + 1} / ${slides.length}</span>
      </nav>`;
    }
    return html`<nav class="agenda" aria-label="Agenda">
      <ol>
        ${slides.map(
          (s, i) => html`<li>
            <button
              type="button"
              aria-current=${i === this.slide ? 'step' : nothing}
              ?disabled=${this.readOnly}
              @click=${() => this.goTo(i)}
            >
              ${s.title}
            </button>
          </li>`,
        )}
      </ol>
      ${this.readOnly
        ? nothing
        : html`<p class="keys">← → move · Home/End · O overview</p>`}
    </nav>`;
  }

  private renderOverview(slides: readonly Slide[]) {
    return html`<div class="overview" role="dialog" aria-label="Jump to a section">
      <h2>Jump to a section</h2>
      <ol>
        ${slides.map(
          (s, i) => html`<li>
            <button type="button" class="overview-item" aria-current=${i === this.slide ? 'step' : nothing} @click=${() => this.goTo(i)}>
              <span class="overview-n">${i + 1}</span> ${s.title}
            </button>
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderBlock(block: Block, cells: Map<string, CellNode<unknown>>, section: string | undefined) {
    switch (block.kind) {
      case 'prose': {
        const { prose } = block;
        const paragraphs = prose.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
        return html`<section class="prose" id=${proseId(prose.id)}>
          ${prose.title ? html`<h2>${prose.title}</h2>` : nothing}
          ${paragraphs.map((p) => html`<p>${p.trim()}</p>`)}
          ${prose.run?.length ? this.renderSectionRun(prose.title ?? prose.id, prose.run) : nothing}
        </section>`;
      }
      case 'controls':
        return html`<div
          class="controls"
          role="group"
          aria-label=${section ? `Inputs: ${section}` : 'Inputs'}
          ?inert=${this.readOnly}
        >
          ${block.inputs.map((node) => (this.presentation ? this.renderLockable(node) : renderControl(node, this.controlHost)))}
        </div>`;
      case 'cell':
        return this.renderCell(block.cell, cells);
    }
  }

  /** Draws the next few blocks in a task of its own (results and input wait less than for the whole page). */
  private buildMore(): void {
    if (this.building !== undefined) return;
    this.building = setTimeout(() => {
      this.building = undefined;
      this.built += BLOCKS_PER_TASK;
      this.requestUpdate();
    }, 0);
  }

  override render() {
    const engine = this.engine;
    if (!engine) return html`<p class="empty">No notebook loaded.</p>`;
    const { notebook } = engine;
    const cells = visibleCells(notebook);
    const items = blocks(notebook);
    // Each controls panel is named after the prose section it sits in.
    const sections = new Map<Block, string | undefined>();
    let section: string | undefined;
    for (const b of items) {
      if (b.kind === 'prose') section = b.prose.title ?? section;
      sections.set(b, section);
    }
    const slides = this.presentation ? slidesOf(items) : [];
    const slide = slides[Math.min(this.slide, slides.length - 1)];
    const all = slide ? slide.blocks.map((i) => items[i]) : items;
    const shown = this.progressive && !slide && this.built < all.length ? all.slice(0, this.built) : all;
    if (shown.length < all.length) this.buildMore();
    return html`<div class="page" @click=${this.onClick}>
      <header part="header">
        <div class="titles">
          <h1>${notebook.title}</h1>
          ${notebook.description ? html`<p class="lede">${notebook.description}</p>` : nothing}
        </div>
        <div class="toolbar"><slot name="toolbar"></slot></div>
      </header>
      ${this.presentation ? this.renderAgenda(slides) : this.renderToc()}
      ${this.presentation && this.overview && !this.readOnly ? this.renderOverview(slides) : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      <main part="main">
        ${repeat(
          shown,
          (b) =>
            b.kind === 'prose'
              ? `p:${b.prose.id}`
              : b.kind === 'cell'
                ? `c:${b.cell.name}`
                : `i:${b.inputs[0].name}`,
          (b) => this.renderBlock(b, cells, sections.get(b)),
        )}
        ${this.presentation && slide
          ? html`<p class="slide-count" aria-live="polite">Section ${slides.indexOf(slide) + 1} of ${slides.length}: ${slide.title}</p>`
          : nothing}
        <div class="workshop"><slot name="workshop"></slot></div>
      </main>
    </div>`;
  }

  static override styles = notebookStyles;
}

if (!customElements.get('tb-notebook')) customElements.define('tb-notebook', TbNotebook);

declare global {
  interface HTMLElementTagNameMap {
    'tb-notebook': TbNotebook;
  }
}
