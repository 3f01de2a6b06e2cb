import { adjustedRandIndex } from '../agreement/ari.ts';
import { normalizeClusterSpec, type ClusterSpec, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { AnalyticsIssue } from '../issues.ts';
import { selectRows, type Matrix } from '../matrix.ts';
import { shuffle } from '../random.ts';
import { agreementWith, renamed } from './agreement.ts';
import { ASSIGNMENT_RULES, assignHeldOut } from './assign-held-out.ts';
import { resolveBaseline } from './baseline.ts';
import { recluster } from './recluster.ts';
import { SALT, streamOf } from './resample.ts';
import { checkAborted, type TaskOptions } from './task.ts';
import { share, wholeNumber } from './validate.ts';

/** Holdout validation options. */
export interface HoldoutSpec {
  /** The clustering under test, fitted on the kept customers with these settings. */
  readonly cluster: ClusterSpec;
  /** Share of customers held out, drawn at random. Default 0.2 (fit on 80%). */
  readonly share?: number;
  /** Seed of the draw. Default 0. */
  readonly seed?: number;
  /** Labels of the clustering of all customers (-1 = noise). Default `cluster(m, spec.cluster)`. */
  readonly baseline?: ArrayLike<number>;
}

export interface HoldoutResult {
  readonly settings: NormalizedClusterSpec;
  /** Share held out. */
  readonly share: number;
  readonly seed: number;
  /** Customers the model was fitted on. */
  readonly fitted: number;
  /** Customers held out and assigned. */
  readonly heldOut: number;
  /** ARI on the held-out customers: assigned cluster vs their cluster when all customers are clustered. */
  readonly ari: number;
  /** Share of held-out customers in another cluster than in the clustering of all (after Hungarian matching). */
  readonly shareChanged: number;
  /** ARI on the fitted customers: fitted clustering vs the clustering of all. Low = the fit itself moved. */
  readonly fitAri: number;
  /** Held-out matrix rows, ascending. */
  readonly rows: Int32Array;
  /** Their assigned clusters, renamed to the baseline's ids (Hungarian matching); -1 = noise. */
  readonly labels: Int32Array;
  /** What "nearest fitted cluster" meant for this algorithm. */
  readonly assignment: string;
  readonly warmStart: false;
  readonly issues: readonly AnalyticsIssue[];
}

/**
 * Holdout validation: cluster a seeded share of the customers (default 80%), assign the others
 * to the fitted clusters the way new customers would be scored later (`ASSIGNMENT_RULES`), and
 * compare with the clustering of all customers on the held-out ones. This is how a segmentation
 * applied to new customers can be expected to degrade.
 */
export function holdoutValidation(m: Matrix, spec: HoldoutSpec, options: TaskOptions = {}): HoldoutResult {
  const heldShare = share('holdout share', spec.share ?? 0.2, true, '0.2 to fit on 80%');
  const seed = wholeNumber('seed', spec.seed ?? 0, 0);
  const settings = normalizeClusterSpec(spec.cluster, m.n);
  const baseline = resolveBaseline(m, settings, spec.baseline);
  const held = Math.round(m.n * heldShare);
  const need = settings.algorithm === 'dbscan' ? 1 : settings.k;
  if (held < 2 || m.n - held < need) {
    throw new Error(
      `holdout needs at least 2 held-out customers and ${need} to fit on: ${m.n} customers with a share of ${heldShare} give ${held} and ${m.n - held}`,
    );
  }
  checkAborted(options.signal, 'holdout');
  const order = shuffle(streamOf(seed, SALT.holdout, 0), Int32Array.from({ length: m.n }, (_, i) => i));
  const rows = order.slice(0, held).sort();
  const fitRows = order.slice(held).sort();
  const fit = selectRows(m, fitRows);
  const fitted = recluster(fit, settings);
  options.onProgress?.(0.8, 'holdout: fitted');
  const assigned = assignHeldOut(fit, fitted, selectRows(m, rows), settings);
  const reference = Int32Array.from(rows, (i) => baseline.labels[i]);
  const { ari, shareChanged, mapping } = agreementWith(reference, assigned);
  options.onProgress?.(1, 'holdout: assigned');
  const issues: AnalyticsIssue[] = [];
  if (fitted.method === null) {
    issues.push({ code: 'fit-all-noise', message: 'DBSCAN found no cluster on the fitted customers; every held-out customer is noise.' });
  }
  return {
    settings,
    share: heldShare,
    seed,
    fitted: fitRows.length,
    heldOut: rows.length,
    ari,
    shareChanged,
    fitAri: adjustedRandIndex(
      Int32Array.from(fitRows, (i) => baseline.labels[i]),
      fitted.labels,
    ),
    rows,
    labels: renamed(assigned, mapping, baseline.clusters),
    assignment: ASSIGNMENT_RULES[settings.algorithm],
    warmStart: false,
    issues,
  };
}
