import { LitElement, css, html, nothing } from 'lit';
import type { NotebookEngine } from '../../runtime/index.ts';
import type { DecisionEntry, DecisionKind } from '../../config/decision-schema.ts';
import { compareScenarios, type ScenarioComparison, type ScenarioOutcome } from '../../analytics/scenarios/compare.ts';
import { comparisonView } from '../../ui/presentation/comparison-view.ts';
import { plotModule } from '../../ui/charts/plot-loader.ts';
import { outlineButton } from '../../ui/presentation/workshop-styles.ts';
import { chooseScenario, currentSettings } from './evaluate.ts';
import { comparedScenarios, deleteScenario, markChosen, markCompared, mergeDecisions, mergeScenarios, recordDecision, removeDecision, saveScenario } from './scenario-ops.ts';
import { readScenariosFile, scenariosFileText } from './scenario-file.ts';
import type { Scenario } from './scenario-schema.ts';
import type { ScratchCells } from '../../ui/scratch/scratch-panel.ts';
import { offerScratch } from './scratch-offer.ts';
import type { WorkshopState, WorkshopStore } from './workshop-store.ts';

/** What the panel needs from the page. */
export interface WorkshopHost {
  readonly engine: NotebookEngine;
  readonly store: WorkshopStore;
  /** The data the notebook uses now. */
  data(): Scenario['data'];
  /** Computes a scenario from its settings (a headless engine; see evaluate.ts). */
  evaluate(scenario: Scenario, signal: AbortSignal): Promise<ScenarioOutcome>;
  /** The section on screen, where a decision is recorded. */
  section(): { readonly id: string; readonly title: string };
  download(name: string, text: string, type: string): void;
}

/**
 * The workshop panel under the notebook: the scenario gallery (save the current settings under
 * a name, mark two to four to compare, choose one, export and import them as one file) and the
 * decision log. Everything shown is text: names and decisions are data, never HTML. With the
 * analyst's scratch cells attached (`scratch`), the file carries them too, and importing one asks
 * through the scratch panel before any of its cells runs.
 */
export class TbWorkshopPanel extends LitElement {
  static override properties = {
    host: { attribute: false },
    scratch: { attribute: false },
    presentation: { type: Boolean, reflect: true },
    state: { state: true },
    status: { state: true },
    busy: { state: true },
  };

  declare host: WorkshopHost | undefined;
  /** The analyst's scratch cells in this browser (set once the scratch panel is on the page). */
  declare scratch: ScratchCells | undefined;
  declare presentation: boolean;
  declare state: WorkshopState;
  declare status: { text: string; tone: 'ok' | 'warn' | 'error' };
  declare busy: boolean;
  private comparison: HTMLElement | null = null;
  private controller: AbortController | null = null;

  constructor() {
    super();
    this.host = undefined;
    this.scratch = undefined;
    this.presentation = false;
    this.state = { scenarios: [], decisions: [], locks: [] };
    this.status = { text: '', tone: 'ok' };
    this.busy = false;
  }

  /** Reads the gallery and the log from the store (call once the host is set). */
  load(): void {
    const loaded = this.host?.store.load();
    if (!loaded) return;
    this.state = loaded.state;
    if (loaded.problem) this.say(loaded.problem, 'warn');
  }

  /** The decision log, e.g. for the exported config. */
  decisions(): readonly DecisionEntry[] {
    return this.state.decisions;
  }

  /** Locked inputs to keep with the workshop. */
  keepLocks(locks: readonly string[]): void {
    this.commit({ ...this.state, locks: [...locks] });
  }

  private say(text: string, tone: 'ok' | 'warn' | 'error' = 'ok'): void {
    this.status = { text, tone };
  }

  private commit(state: WorkshopState): void {
    this.state = state;
    this.host?.store.save(state);
  }

  private attempt(what: () => void | Promise<void>): void {
    Promise.resolve()
      .then(what)
      .catch((error: unknown) => this.say(error instanceof Error ? error.message : String(error), 'error'));
  }

  private save(): void {
    const host = this.host;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#scenario-name');
    if (!host || !input) return;
    this.attempt(() => {
      const scenarios = saveScenario(this.state.scenarios, { name: input.value, at: new Date().toISOString(), inputs: currentSettings(host.engine), data: host.data() });
      this.commit({ ...this.state, scenarios });
      this.say(`Saved "${scenarios[scenarios.length - 1].name}".`);
      input.value = '';
    });
  }

  private update_(change: (list: readonly Scenario[]) => Scenario[]): void {
    this.attempt(() => this.commit({ ...this.state, scenarios: change(this.state.scenarios) }));
  }

  private choose(scenario: Scenario): void {
    const host = this.host;
    if (!host) return;
    this.attempt(async () => {
      const result = await host.engine.act(chooseScenario, scenario);
      this.commit({ ...this.state, scenarios: markChosen(this.state.scenarios, scenario.id) });
      this.say([`"${scenario.name}" is now the notebook's settings (${result.changed.length} changed).`, ...result.notes].join(' '));
    });
  }

  private compare(): void {
    const host = this.host;
    if (!host) return;
    const picked = comparedScenarios(this.state.scenarios);
    if (picked.length < 2) {
      this.say('Tick Compare on two to four scenarios first.', 'warn');
      return;
    }
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.busy = true;
    this.say(`Computing ${picked.length} scenarios from their settings…`);
    this.attempt(async () => {
      try {
        const outcomes = [];
        for (const [i, s] of picked.entries()) {
          this.say(`Computing scenario ${i + 1} of ${picked.length}: ${s.name}…`);
          outcomes.push(await host.evaluate(s, controller.signal));
        }
        const comparison: ScenarioComparison = compareScenarios(outcomes);
        await plotModule.load(); // the chart library, loaded after the first paint
        // The content width of the panel (its padding left out), so two multiples fit side by side.
        const width = Math.max(600, ((this.renderRoot.querySelector('.panel') as HTMLElement | null)?.clientWidth ?? 1040) - 48);
        this.comparison = comparisonView(comparison, { document: this.ownerDocument, width, presentation: this.presentation });
        this.say(`Compared ${picked.map((s) => `"${s.name}"`).join(', ')}.`);
      } finally {
        if (this.controller === controller) {
          this.controller = null;
          this.busy = false;
        }
      }
    });
  }

  private cancel(): void {
    this.controller?.abort();
    this.say('Comparison cancelled.', 'warn');
  }

  private exportFile(): void {
    const host = this.host;
    if (!host) return;
    const scratch = this.scratch?.cells() ?? [];
    const text = scenariosFileText(host.engine.notebook.id, this.state.scenarios, this.state.decisions, new Date().toISOString(), scratch);
    host.download(`tierbook-scenarios-${host.engine.notebook.id}.json`, text, 'application/json');
    const cells = scratch.length > 0 ? ` and ${scratch.length} scratch ${scratch.length === 1 ? 'cell' : 'cells'}` : '';
    this.say(`Exported ${this.state.scenarios.length} scenarios, ${this.state.decisions.length} decisions${cells}.`);
  }

  private importFile(event: Event): void {
    const host = this.host;
    const picker = event.target as HTMLInputElement;
    const file = picker.files?.[0];
    picker.value = '';
    if (!host || !file) return;
    this.attempt(async () => {
      const inputs = new Map(host.engine.nodes.flatMap((n) => (n.kind === 'input' ? [[n.name, n] as const] : [])));
      const read = readScenariosFile(await file.text(), file.name, host.engine.notebook.id, inputs);
      const merged = mergeScenarios(this.state.scenarios, read.scenarios);
      this.commit({ ...this.state, scenarios: merged.list, decisions: mergeDecisions(this.state.decisions, read.decisions) });
      const imported = `Imported ${merged.added} ${merged.added === 1 ? 'scenario' : 'scenarios'} from ${file.name}${merged.skipped > 0 ? ` (${merged.skipped} already here)` : ''}.`;
      this.say([imported, ...read.notes].join(' '), read.notes.length > 0 ? 'warn' : 'ok');
      // The scenarios and decisions are in; the file's code runs only if the person says yes.
      const scratch = await offerScratch(this.scratch, read.scratch, file.name);
      if (scratch) this.say([imported, scratch.text, ...read.notes].join(' '), scratch.warn || read.notes.length > 0 ? 'warn' : 'ok');
    });
  }

  private record(): void {
    const host = this.host;
    const text = this.renderRoot.querySelector<HTMLTextAreaElement>('#decision-text');
    const kind = this.renderRoot.querySelector<HTMLSelectElement>('#decision-kind');
    if (!host || !text || !kind) return;
    this.attempt(() => {
      const section = host.section();
      const decisions = recordDecision(this.state.decisions, { section: section.id, sectionTitle: section.title, kind: kind.value as DecisionKind, text: text.value, at: new Date().toISOString() }, this.state.scenarios);
      this.commit({ ...this.state, decisions });
      text.value = '';
      this.say(`Recorded under ${section.title}.`);
    });
  }

  private renderScenario(s: Scenario) {
    return html`<tr data-scenario=${s.id}>
      <th scope="row">${s.name}${s.chosen ? html` <span class="chosen">(chosen)</span>` : nothing}</th>
      <td>${new Date(s.savedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })}</td>
      <td>
        <label class="check"
          ><input type="checkbox" .checked=${s.compare} @change=${(e: Event) => this.update_((l) => markCompared(l, s.id, (e.target as HTMLInputElement).checked))} />
          Compare<span class="sr-only"> ${s.name}</span></label
        >
      </td>
      <td><button type="button" class="choose" @click=${() => this.choose(s)}>Choose<span class="sr-only"> ${s.name}</span></button></td>
      <td><button type="button" class="delete" @click=${() => this.update_((l) => deleteScenario(l, s.id))}>Delete<span class="sr-only"> ${s.name}</span></button></td>
    </tr>`;
  }

  override render() {
    const { scenarios, decisions } = this.state;
    const compared = scenarios.filter((s) => s.compare).length;
    return html`<section class="panel" aria-labelledby="workshop-title">
      <h2 id="workshop-title">Scenarios and decisions</h2>
      <form class="save" @submit=${(e: Event) => (e.preventDefault(), this.save())}>
        <label for="scenario-name">Save the current settings as</label>
        <input id="scenario-name" type="text" maxlength="80" placeholder="Finance: margin weight x2" autocomplete="off" />
        <button type="submit" id="save-scenario">Save scenario</button>
      </form>
      ${scenarios.length === 0
        ? html`<p class="muted">No scenarios yet: set the sliders as a group proposes, then save.</p>`
        : html`<table class="scenarios">
            <caption class="sr-only">Saved scenarios</caption>
            <thead><tr><th scope="col">Scenario</th><th scope="col">Saved</th><th scope="col">Compare</th><th scope="col">Choose</th><th scope="col">Delete</th></tr></thead>
            <tbody>${scenarios.map((s) => this.renderScenario(s))}</tbody>
          </table>`}
      <div class="actions">
        <button type="button" id="compare-scenarios" ?disabled=${compared < 2 || this.busy} @click=${() => this.compare()}>Compare ${compared} scenarios</button>
        ${this.busy ? html`<button type="button" id="cancel-compare" @click=${() => this.cancel()}>Cancel</button>` : nothing}
        <button type="button" id="export-scenarios" @click=${() => this.exportFile()}>Export scenarios</button>
        <label class="file-button">Import scenarios…<input id="import-scenarios" type="file" accept=".json,application/json" @change=${(e: Event) => this.importFile(e)} /></label>
      </div>
      <output role="status" aria-live="polite" data-tone=${this.status.tone}>${this.status.text}</output>
      <div class="comparison">${this.comparison ?? nothing}</div>
      <h3>Decision log</h3>
      <form class="decide" @submit=${(e: Event) => (e.preventDefault(), this.record())}>
        <label for="decision-kind">Record a</label>
        <select id="decision-kind"><option value="decision">decision</option><option value="question">open question</option></select>
        <label for="decision-text" class="sr-only">Text</label>
        <textarea id="decision-text" rows="2" maxlength="2000" placeholder="Gold customers get next-day delivery"></textarea>
        <button type="submit" id="record-decision">Record</button>
      </form>
      <ol class="decisions">
        ${decisions.map(
          (d) => html`<li data-decision=${d.id}>
            <span class="kind">${d.kind === 'decision' ? 'Decision' : 'Open question'}</span> · ${d.sectionTitle} ·
            ${new Date(d.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}${d.scenario ? ` · ${d.scenario}` : ''}
            <p>${d.text}</p>
            <button type="button" @click=${() => this.attempt(() => this.commit({ ...this.state, decisions: removeDecision(this.state.decisions, d.id) }))}>Remove<span class="sr-only"> ${d.text}</span></button>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  static override styles = css`
    :host {
      display: block;
      margin-top: 24px;
      color: #1d2530;
    }
    .panel {
      border: 1px solid #c4cad3;
      border-radius: 8px;
      padding: 16px 20px;
      background: #fff;
    }
    h2 {
      margin-top: 0;
    }
    form,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 8px 0;
    }
    input[type='text'],
    textarea {
      font: inherit;
      min-width: 18em;
      flex: 1;
      padding: 4px 8px;
    }
    button,
    select,
    .file-button {
      ${outlineButton}
    }
    button:disabled {
      color: #5a6472;
      cursor: default;
    }
    .file-button input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    table {
      border-collapse: collapse;
      margin: 8px 0;
    }
    th,
    td {
      text-align: left;
      padding: 4px 10px;
      border-bottom: 1px solid #dde1e6;
    }
    .muted {
      color: #4a5360;
    }
    output[data-tone='error'] {
      color: #a30d0d;
    }
    output[data-tone='warn'] {
      color: #6b4500;
    }
    .chosen {
      font-weight: 700;
      color: #0b5d1e;
    }
    .tb-multiples {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
    }
    .tb-multiple {
      margin: 0;
    }
    .tb-multiple figcaption {
      font-weight: 700;
    }
    .decisions p {
      margin: 2px 0;
    }
    .kind {
      font-weight: 700;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    :host([presentation]) {
      font-size: max(24px, 1.35vw);
    }
  `;
}

if (!customElements.get('tb-workshop-panel')) customElements.define('tb-workshop-panel', TbWorkshopPanel);

declare global {
  interface HTMLElementTagNameMap {
    'tb-workshop-panel': TbWorkshopPanel;
  }
}
