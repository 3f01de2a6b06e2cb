/** The data dictionary of the features present, then the features left out and the column that would enable each. */
import type { CustomerFeatures } from '../../data/features/customer-features.ts';
import type { FeatureDefinition } from '../../data/features/feature-dictionary.ts';
import { dataTable, el, viewRoot, type ViewOptions } from './quality-report-view.ts';

/**
 * `entries` in their dictionary order, restricted to `present`; a present feature without an entry
 * (e.g. a categorical column carried over from the file) is listed with "no dictionary entry".
 */
export function dictionaryView(
  entries: readonly FeatureDefinition[],
  present: readonly string[],
  unavailable: CustomerFeatures['unavailable'],
  { document: doc }: ViewOptions,
): HTMLElement {
  const root = viewRoot(doc, 'dictionary', 'Data dictionary');
  const known = new Set(entries.map((e) => e.name));
  const shown = [
    ...entries.filter((e) => present.includes(e.name)),
    ...present.filter((p) => !known.has(p)).map((name) => ({ name })),
  ];
  const byName = new Map(entries.map((e) => [e.name, e]));
  root.append(
    el(
      doc,
      'p',
      'tb-muted',
      `${shown.length} ${shown.length === 1 ? 'feature' : 'features'} per customer${unavailable.length ? `; ${unavailable.length} not available from this file` : ''}.`,
    ),
    el(
      doc,
      'div',
      'tb-scroll',
      dataTable(
        doc,
        'Features present, with formula and unit',
        [
          {
            label: 'Feature',
            value: (e) => {
              const d = byName.get(e.name);
              return [
                el(doc, 'div', undefined, d?.label ?? e.name),
                el(doc, 'div', 'tb-mono tb-muted tb-small', e.name),
              ];
            },
          },
          {
            label: 'Formula',
            value: (e) => byName.get(e.name)?.formula ?? el(doc, 'span', 'tb-muted', 'no dictionary entry'),
          },
          { label: 'Unit', value: (e) => byName.get(e.name)?.unit ?? '' },
        ],
        shown,
      ),
    ),
  );
  for (const [i, tr] of [...root.querySelectorAll('table.tb-vtable > tbody > tr')].entries())
    (tr as HTMLElement).dataset.feature = shown[i].name;
  root.append(el(doc, 'h3', undefined, 'Not available from this file'));
  if (unavailable.length === 0) {
    root.append(el(doc, 'p', 'tb-muted tb-unavailable', 'Every feature is available.'));
    return root;
  }
  root.append(
    dataTable(
      doc,
      'Features left out, and the column that would enable each',
      [
        {
          label: 'Feature',
          value: (u) => [
            el(doc, 'div', undefined, byName.get(u.feature)?.label ?? u.feature),
            el(doc, 'div', 'tb-mono tb-muted tb-small', u.feature),
          ],
        },
        {
          label: 'Would need',
          value: (u) => u.needs.flatMap((f, i) => [i ? ' and ' : '', el(doc, 'span', 'tb-mono', f)]),
        },
      ],
      unavailable,
    ),
  );
  root.lastElementChild?.classList.add('tb-unavailable');
  return root;
}
