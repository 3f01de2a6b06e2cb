import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { GridRows, InputNode, Node } from '../runtime/node.ts';
import type { InputPhase, NotebookEngine } from '../runtime/state.ts';
import type { TbFileDetail, TbInputDetail } from './fire.ts';
import { optionsOf } from './notebook-model.ts';
import './tb-file-picker.ts';
import './tb-grid.ts';
import './tb-multiselect.ts';
import './tb-select.ts';
import './tb-slider.ts';
import './tb-weights.ts';

/** What a control needs from the notebook around it. */
export interface ControlHost {
  readonly engine: NotebookEngine;
  /** Passes a control change on to the engine. */
  set(name: string, value: unknown, phase: InputPhase): void;
  /** The engine's last refusal of a value for this input, if any. */
  problem(name: string): string | undefined;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function weightRecord(value: unknown): Record<string, number> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

function fileOf(value: unknown): { name: string; size: number | undefined } {
  if (!value || typeof value !== 'object' || typeof (value as { name?: unknown }).name !== 'string') return { name: '', size: undefined };
  const bytes = (value as { bytes?: unknown }).bytes;
  return { name: (value as { name: string }).name, size: bytes instanceof Uint8Array ? bytes.byteLength : undefined };
}

const NO_ROWS: GridRows['rows'] = [];

/** A grid's rows from the cell that computes them, or why there are none yet. */
function gridRowsOf(engine: NotebookEngine, node: Node<GridRows>): { ready: true; rows: GridRows['rows'] } | { ready: false; reason: string } {
  const state = engine.state(node.name);
  if (!state.hasValue) return { ready: false, reason: state.status === 'error' || state.status === 'blocked' ? `Rows unavailable until ${node.title} can run.` : `Waiting for ${node.title}…` };
  const rows = (state.value as GridRows | null)?.rows;
  return rows ? { ready: true, rows } : { ready: true, rows: NO_ROWS };
}

/**
 * The widget for one input, chosen by its `ControlSpec`. Values are bound with `live()` so a
 * control the engine overruled (a refused value) snaps back to the engine's value.
 */
function widget(node: InputNode<unknown>, host: ControlHost): TemplateResult | typeof nothing {
  const { engine } = host;
  const value = engine.getInput(node.name);
  const onInput = (e: CustomEvent<TbInputDetail>) => host.set(node.name, e.detail.value, e.detail.phase);
  const spec = node.control;
  switch (spec.kind) {
    case 'slider':
      return html`<tb-slider
        .label=${node.title}
        .min=${spec.min}
        .max=${spec.max}
        .step=${spec.step}
        .unit=${spec.unit ?? ''}
        .value=${live(numberOr(value, spec.min))}
        @tb-input=${onInput}
      ></tb-slider>`;
    case 'select': {
      const opts = optionsOf(engine, spec.options);
      return html`<tb-select
          .label=${node.title}
          .options=${opts.ready ? opts.options : []}
          .value=${live(value === null || value === undefined ? '' : String(value))}
          @tb-input=${onInput}
        ></tb-select>
        ${opts.ready ? nothing : html`<p class="waiting">${opts.reason}</p>`}`;
    }
    case 'multiselect': {
      const opts = optionsOf(engine, spec.options);
      return opts.ready
        ? html`<tb-multiselect
            .label=${node.title}
            .options=${opts.options}
            .value=${live(stringList(value))}
            @tb-input=${onInput}
          ></tb-multiselect>`
        : html`<p class="label">${node.title}</p>
            <p class="waiting">${opts.reason}</p>`;
    }
    case 'weights': {
      const keys = optionsOf(engine, spec.keys);
      return keys.ready
        ? html`<tb-weights
            .label=${node.title}
            .keys=${keys.options}
            .min=${spec.min}
            .max=${spec.max}
            .step=${spec.step}
            .value=${live(weightRecord(value))}
            @tb-input=${onInput}
          ></tb-weights>`
        : html`<p class="label">${node.title}</p>
            <p class="waiting">${keys.reason}</p>`;
    }
    case 'file': {
      const file = fileOf(value);
      return html`<tb-file-picker
        .label=${node.title}
        .accept=${spec.accept}
        .fileName=${file.name}
        .size=${file.size}
        .clearLabel=${spec.none ? `Use ${spec.none} instead` : 'Clear'}
        .emptyText=${spec.none ? `No file chosen: ${spec.none} is used.` : 'No file chosen'}
        @tb-file=${(e: CustomEvent<TbFileDetail>) => host.set(node.name, e.detail, 'commit')}
        @tb-clear-file=${() => host.set(node.name, node.defaultValue, 'commit')}
      ></tb-file-picker>`;
    }
    case 'text':
      return html`<label class="text">
        <span class="label">${node.title}</span>
        <input
          type="text"
          .value=${live(value === null || value === undefined ? '' : String(value))}
          @change=${(e: Event) => host.set(node.name, (e.target as HTMLInputElement).value, 'commit')}
        />
      </label>`;
    case 'grid': {
      const rows = gridRowsOf(engine, spec.rows);
      return html`<tb-grid
          .label=${node.title}
          .columns=${spec.columns}
          .rows=${rows.ready ? rows.rows : []}
          .value=${value}
          .keyed=${node.keyed}
          @tb-input=${onInput}
        ></tb-grid>
        ${rows.ready ? nothing : html`<p class="waiting">${rows.reason}</p>`}`;
    }
    case 'hidden':
      return nothing;
  }
}

/** One input: its widget, its help text and, when the engine refused a value, why. */
export function renderControl(node: InputNode<unknown>, host: ControlHost): TemplateResult {
  const problem = host.problem(node.name);
  return html`<div class="control" data-input=${node.name}>
    ${widget(node, host)} ${node.description ? html`<p class="help">${node.description}</p>` : nothing}
    ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
  </div>`;
}
