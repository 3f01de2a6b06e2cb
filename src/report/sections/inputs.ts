/**
 * Section "Inputs and assumptions": every input the config records, with its value, its default
 * and its description from the notebook, and the free-text assumptions per section.
 */
import { ASSUMPTION_SECTIONS } from '../../config/config-schema.ts';
import type { InputInfo, ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import { formatValue } from '../format.ts';
import { column, fact, table } from './helpers.ts';

const ASSUMPTION_TITLES: Readonly<Record<(typeof ASSUMPTION_SECTIONS)[number], string>> = {
  general: 'General',
  data: 'Data',
  features: 'Features',
  preparation: 'Preparation',
  model: 'Model',
  tiers: 'Tiers',
  policies: 'Policies',
  robustness: 'Robustness',
  monitoring: 'Monitoring',
};

function written(info: InputInfo | undefined, value: unknown): string {
  if (!info) return formatValue(value);
  try {
    const text = info.format(value);
    return text === '' ? '(empty)' : text;
  } catch {
    return formatValue(value);
  }
}

/** One row per input: the config's inputs in the notebook's order, then any the notebook does not know. */
export function inputRows(input: ReportInput): Record<string, string>[] {
  const recorded = input.config.inputs;
  const known = new Map(input.inputs.map((i) => [i.name, i]));
  const rows: Record<string, string>[] = [];
  for (const info of input.inputs) {
    const has = Object.hasOwn(recorded, info.name);
    const value = has
      ? written(info, recorded[info.name])
      : `not recorded (default ${info.defaultText || '(empty)'} applies)`;
    rows.push({
      title: info.title,
      name: info.name,
      value,
      default: info.defaultText === '' ? '(empty)' : info.defaultText,
      changed: !has
        ? ''
        : value === (info.defaultText === '' ? '(empty)' : info.defaultText)
          ? ''
          : 'changed',
      description: [info.section, info.description].filter(Boolean).join(': '),
    });
  }
  for (const name of Object.keys(recorded).sort()) {
    if (known.has(name)) continue;
    rows.push({
      title: name,
      name,
      value: formatValue(recorded[name]),
      default: '–',
      changed: '',
      description: 'Not an input of this version of the segmentation notebook (kept as recorded).',
    });
  }
  return rows;
}

export function inputsSection(input: ReportInput): ReportSection {
  const rows = inputRows(input);
  const changed = rows.filter((r) => r.changed === 'changed').length;
  const assumptions = input.config.assumptions ?? {};
  const none = ASSUMPTION_SECTIONS.every((s) => !assumptions[s]?.trim());
  const blocks: Block[] = [
    paragraph(
      `${rows.length} inputs; ${changed} differ from their defaults. Values are written as in a link or with --set.`,
    ),
    table(
      'Every input of the config',
      [
        column('title', 'Input'),
        column('name', 'Name'),
        column('value', 'Value'),
        column('default', 'Default'),
        column('changed', 'Changed'),
        column('description', 'What it means'),
      ],
      rows,
      { field: 'inputs' },
    ),
    ...(none
      ? [
          paragraph(
            'No assumptions were written down for this config. Ask the analyst to record them (data, model, tiers, policies) before approval.',
            'warn',
          ),
        ]
      : []),
    facts(
      ASSUMPTION_SECTIONS.map((s) =>
        fact(
          ASSUMPTION_TITLES[s],
          assumptions[s]?.trim() ? assumptions[s] : 'none written',
          `assumptions.${s}`,
        ),
      ),
      'Assumptions',
    ),
  ];
  return { id: 'inputs', title: 'Inputs and assumptions', blocks };
}
