/**
 * The stability report as `tierbook stability --json` prints it and `tierbook run --set
 * robustness=on` writes it (robustness.json): one function, so the two cannot drift apart.
 */
import type { BootstrapResult, ClusterStability } from './bootstrap.ts';
import type { DropOneResult } from './drop-one.ts';
import type { HoldoutResult } from './holdout.ts';
import type { SensitivityResult } from './sensitivity.ts';

/** One baseline cluster's bootstrap stability (noise: cluster -1, no band). */
export interface ReportCluster {
  readonly cluster: number;
  readonly size: number;
  /** Null when the cluster was never drawn. */
  readonly meanJaccard: number | null;
  readonly dissolved: number;
  readonly recovered: number;
  readonly band: ClusterStability['band'];
}

export interface StabilityReport {
  /** Customers in the table (clustered or not). */
  readonly rows: number;
  readonly features: readonly string[];
  /** Clusters of the baseline. */
  readonly k: number;
  readonly bootstrap: { readonly replicates: number; readonly clusters: readonly ReportCluster[] };
  readonly sensitivity: {
    readonly weights: readonly { feature: string; change: number; ari: number; shareChanged: number }[];
    readonly dropOne: readonly { feature: string; ari: number; shareChanged: number }[];
    readonly pass: boolean | null;
  };
  readonly holdout: { readonly share: number; readonly ari: number };
}

/** What the report is built from: the table's size, the prepared features and the four analyses. */
export interface StabilityReportInput {
  readonly rows: number;
  readonly features: readonly string[];
  readonly bootstrap: BootstrapResult;
  readonly sensitivity: SensitivityResult;
  readonly dropOne: DropOneResult;
  readonly holdout: HoldoutResult;
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** One bootstrap row of the report. */
export function reportCluster(c: ClusterStability): ReportCluster {
  return { cluster: c.cluster, size: c.size, meanJaccard: orNull(c.meanJaccard), dissolved: c.dissolved, recovered: c.recovered, band: c.band };
}

/** The report; `k` is the baseline's number of clusters (one bootstrap entry per cluster). */
export function stabilityReport({ rows, features, bootstrap, sensitivity, dropOne, holdout }: StabilityReportInput): StabilityReport {
  return {
    rows,
    features: [...features],
    k: bootstrap.clusters.length,
    bootstrap: {
      replicates: bootstrap.replicates,
      clusters: [...bootstrap.clusters, ...(bootstrap.noise ? [bootstrap.noise] : [])].map(reportCluster),
    },
    sensitivity: {
      weights: sensitivity.weights.map((w) => ({ feature: w.feature, change: w.change, ari: w.ari, shareChanged: w.shareChanged })),
      dropOne: dropOne.dropOne.map((f) => ({ feature: f.feature, ari: f.ari, shareChanged: f.shareChanged })),
      pass: sensitivity.pass,
    },
    holdout: { share: holdout.share, ari: holdout.ari },
  };
}

/** The report as written to a file or stdout: two-space JSON with a final newline. */
export function stabilityReportJson(report: object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
