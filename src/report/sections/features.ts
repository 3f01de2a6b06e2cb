/**
 * Section "Features and preparation": the features with their definitions, the fitted transform,
 * outlier bounds, imputation, scaling parameters and weights (what `apply` replays), and the
 * reference distribution of each feature (what drift is measured against).
 */
import { FEATURE_DICTIONARY } from '../../data/features/feature-dictionary.ts';
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import { formatCount, formatExact, formatFigure, formatShare } from '../format.ts';
import { column, fact, table } from './helpers.ts';

const DEFINITIONS = new Map(FEATURE_DICTIONARY.map((d) => [d.name, d]));

export function featuresSection(input: ReportInput): ReportSection {
  const { config } = input;
  const p = config.preparation;
  const blocks: Block[] = [
    table(
      'Features clustered on, in matrix column order',
      [
        column('name', 'Feature'),
        column('label', 'Meaning'),
        column('unit', 'Unit'),
        column('formula', 'Formula'),
      ],
      config.features.map((name) => {
        const d = DEFINITIONS.get(name);
        return {
          name,
          label: d?.label ?? '(a column of the data)',
          unit: d?.unit ?? '–',
          formula: d?.formula ?? '–',
        };
      }),
      { field: 'features' },
    ),
    facts(
      [
        fact('Kind', p.kind, 'preparation.kind'),
        fact('Version', String(p.version), 'preparation.version'),
        fact('Outlier policy', p.outlierPolicy, 'preparation.outlierPolicy'),
        fact('Missing values', p.missing, 'preparation.missing'),
      ],
      'Preparation',
    ),
    paragraph(
      'Each value is transformed, clamped to the outlier bounds (when outliers are winsorized), imputed when missing, then centred, scaled and multiplied by √weight. Centre, scale and bounds are in transformed units and frozen: applying the config never refits them.',
    ),
    table(
      'Fitted preparation per feature',
      [
        column('name', 'Feature', false, 'name'),
        column('transform', 'Transform', false, 'transform'),
        column('scaling', 'Scaling', false, 'scaling'),
        column('weight', 'Weight', true, 'weight'),
        column('center', 'Centre', true, 'center'),
        column('scale', 'Scale', true, 'scale'),
        column('lower', 'Lower bound', true, 'lower'),
        column('upper', 'Upper bound', true, 'upper'),
        column('impute', 'Imputed value', true, 'impute'),
      ],
      p.features.map((f) => ({
        name: f.name,
        transform: f.transform,
        scaling: f.scaling,
        weight: formatExact(f.weight),
        center: formatExact(f.center),
        scale: formatExact(f.scale),
        lower: f.lower === null ? 'kept' : formatExact(f.lower),
        upper: f.upper === null ? 'kept' : formatExact(f.upper),
        impute: f.impute === null ? 'left out' : formatExact(f.impute),
      })),
      { field: 'preparation.features[]' },
    ),
    {
      kind: 'chart',
      caption: 'Feature weights (share of the squared distance multiplied by the weight)',
      chart: {
        kind: 'bars',
        bars: p.features.map((f) => ({
          label: f.name,
          value: f.weight,
          tone: f.weight === 0 ? 'muted' : 'default',
        })),
        valueLabel: 'weight',
      },
    },
  ];
  const ref = config.reference;
  if (!ref) {
    blocks.push(
      paragraph(
        'No reference distributions: drift cannot be measured against this config (it predates them; export it again).',
        'warn',
      ),
    );
  } else {
    blocks.push(
      facts(
        [fact('Reference customers', formatCount(ref.customers), 'reference.customers')],
        'Reference distributions (raw values, for drift)',
      ),
      table(
        'Raw-value distribution per feature',
        [
          column('name', 'Feature', false, 'name'),
          column('count', 'Customers', true, 'count'),
          column('missing', 'Missing', true, 'missing'),
          column('percentiles', 'Min / median / max (percentiles)', false, 'percentiles'),
          column('edges', 'Decile edges', false, 'edges'),
          column('shares', 'Share per bin', false, 'shares'),
        ],
        ref.features.map((f) => ({
          name: f.name,
          count: formatCount(f.count),
          missing: formatCount(f.missing),
          percentiles: `${formatFigure(f.percentiles[0])} / ${formatFigure(f.percentiles[50])} / ${formatFigure(f.percentiles[100])}`,
          edges: f.edges.map(formatFigure).join(', '),
          shares: f.shares.map((s) => formatShare(s, 0)).join(', '),
        })),
        { field: 'reference.features[]' },
      ),
    );
  }
  return { id: 'features', title: 'Features and preparation', blocks };
}
