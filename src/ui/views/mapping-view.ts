/** The column mapping, shown for confirmation: canonical field → file column, how it was matched, what is missing. */
import { CANONICAL_FIELDS, FIELD_INFO, type CanonicalField } from '../../data/map/canonical-fields.ts';
import type { MappingResult, MatchKind } from '../../data/map/column-mapping.ts';
import { FEATURE_DICTIONARY } from '../../data/features/feature-dictionary.ts';
import { formatCount } from '../format.ts';
import { badge, dataTable, el, viewRoot, type Child, type ViewOptions } from './quality-report-view.ts';

const MATCH: Record<MatchKind, { text: string; kind: 'ok' | 'warn' | '' }> = {
  user: { text: 'your choice', kind: '' },
  synonym: { text: 'synonym', kind: 'ok' },
  fuzzy: { text: 'near match: please confirm', kind: 'warn' },
};

/** Features that need `field`, for the "not in the file" note of an optional field. */
function enables(field: CanonicalField): string[] {
  return FEATURE_DICTIONARY.filter((d) => d.needs.includes(field)).map((d) => d.name);
}

const HINT =
  'To change a match, type field=column pairs in Column mapping, e.g. customer_id=CustomerID,order_id=InvoiceNo (field= unmaps a field).';

/**
 * One row per canonical field: the file column it reads, how it was matched, required or optional.
 * Missing required fields are highlighted; unmapped file columns are listed; `header` is the file's
 * column list (to count them and to catch a mapping to a column that is not there).
 */
export function mappingView(
  result: MappingResult,
  header: readonly string[],
  { document: doc }: ViewOptions,
): HTMLElement {
  const root = viewRoot(doc, 'mapping', 'Column mapping');
  const { mapping, matchedBy, unmapped } = result;
  const missing = CANONICAL_FIELDS.filter((f) => FIELD_INFO[f].required && !mapping[f]);
  const fuzzy = CANONICAL_FIELDS.filter((f) => mapping[f] && matchedBy[f] === 'fuzzy');
  const used = header.length - unmapped.length;
  root.append(
    missing.length
      ? el(
          doc,
          'p',
          'tb-headline tb-bad tb-mapping-status',
          `Missing required ${missing.length === 1 ? 'field' : 'fields'}: ${missing.join(', ')}. Map ${missing.length === 1 ? 'it' : 'them'} to a file column to continue.`,
        )
      : el(
          doc,
          'p',
          'tb-headline tb-mapping-status',
          'Every required field has a column.',
          fuzzy.length
            ? el(
                doc,
                'span',
                'tb-warn',
                ` Please confirm the near ${fuzzy.length === 1 ? 'match' : 'matches'}: ${fuzzy.join(', ')}.`,
              )
            : null,
        ),
    el(doc, 'p', 'tb-muted', `${formatCount(used)} of ${formatCount(header.length)} file columns used.`),
  );
  const column = (f: CanonicalField): Child | Child[] => {
    const h = mapping[f];
    if (h)
      return header.includes(h)
        ? el(doc, 'span', 'tb-mono', h)
        : [el(doc, 'span', 'tb-mono', h), el(doc, 'span', 'tb-bad', ' (not in the file)')];
    if (FIELD_INFO[f].required) return el(doc, 'span', 'tb-bad', 'missing');
    const needs = enables(f);
    const names =
      needs.length > 3 ? `${needs.slice(0, 3).join(', ')} and ${needs.length - 3} more` : needs.join(', ');
    return el(
      doc,
      'span',
      'tb-muted',
      needs.length ? `not in the file; would enable ${names}` : 'not in the file',
    );
  };
  const table = dataTable(
    doc,
    'Canonical fields and the file columns they read',
    [
      {
        label: 'Field',
        value: (f) => [
          el(doc, 'div', 'tb-mono', f),
          el(doc, 'div', 'tb-muted tb-small', FIELD_INFO[f].description),
        ],
      },
      { label: 'File column', value: column },
      {
        label: 'Matched by',
        value: (f) => {
          const m = mapping[f] ? matchedBy[f] : undefined;
          return m ? badge(doc, MATCH[m].text, MATCH[m].kind) : '';
        },
      },
      {
        label: 'Required',
        value: (f) =>
          FIELD_INFO[f].required
            ? badge(doc, 'required', mapping[f] ? '' : 'bad')
            : el(doc, 'span', 'tb-muted', 'optional'),
      },
    ],
    CANONICAL_FIELDS,
    (f) =>
      FIELD_INFO[f].required && !mapping[f]
        ? 'tb-missing'
        : matchedBy[f] === 'fuzzy' && mapping[f]
          ? 'tb-confirm'
          : undefined,
  );
  for (const [i, tr] of [...table.tBodies[0].rows].entries()) tr.dataset.field = CANONICAL_FIELDS[i];
  root.append(el(doc, 'div', 'tb-scroll', table));
  root.append(
    el(doc, 'h3', undefined, 'File columns not used'),
    unmapped.length
      ? el(
          doc,
          'ul',
          'tb-unmapped',
          unmapped.map((h) => el(doc, 'li', 'tb-mono', h)),
        )
      : el(doc, 'p', 'tb-muted tb-unmapped', 'Every file column is mapped.'),
    el(doc, 'p', 'tb-muted tb-small tb-hint', HINT),
  );
  return root;
}
