import { STABILITY_HELP } from './stability-help.ts';

export const HELP = `tierbook — customer segmentation notebooks, headless

Usage:
  tierbook run <notebook> [--data <file>] [--map <field=column,...>] [--set <name=value> ...] --out <dir>
      Runs a notebook without a browser and writes its outputs into <dir>.
      Notebooks: segmentation (writes config.json, assignments.csv, quality.json, features.csv).
      --data <file>        order lines or a customer table: CSV, TSV, JSON, Arrow or Parquet,
                           optionally gzip-compressed; default: the bundled sample (generated
                           order lines, 5,000 customers)
      --map <f=col,...>    column mapping overrides for order lines, e.g.
                           customer_id=CustomerID,order_id=InvoiceNo,order_date=InvoiceDate
      --set <name=value>   sets an input, as the sliders do; repeatable. Examples:
                             --set k=5  --set scaling=robust  --set transform=log1p
                             --set features=revenue,cts_pct,gross_margin_pct
                             --set w.cts_pct=2   (weight of one feature)
                             --set seed=7  --set inputKind=customer-table
                             --set rulesOff=exact-duplicates,customer-id   (rules switched off)
                             --set rateOrder=30  --set level=parent
                           --set robustness=on runs section 7 (Robustness: weight sensitivity,
                           drop one feature, bootstrap, holdout, periods; its settings with
                           --set too, e.g. --set replicates=200) and also writes robustness.json
                           (as tierbook stability --json prints it); config.json then carries
                           the robustness section and assignments.csv a confidence column
      --out <dir>          output folder (created if missing)
      --engine javascript|duckdb
                           who builds the customer features from order lines (default
                           javascript). duckdb reads the file itself (CSV, gzip or Parquet,
                           multi-threaded, past memory) with the same quality rules, rates
                           and formulas, then the notebook continues on the customer table.
                           It needs every quality rule on, per-customer features and no
                           product_code column; reads numbers with a decimal point; no example
                           rows in quality.json and no category columns (abc/xyz class, region,
                           channel) in features.csv

  tierbook cluster <file> --features <a,b,c> --json [options]
      Clusters a customer table for one k or a range and prints one JSON object:
      rows, features, pca {explainedVarianceRatio, loadings} of the prepared matrix, and
      results [{k, clusters, inertia, silhouette, calinskiHarabasz, daviesBouldin, sizes,
      iterations, converged, warnings, labels?}]. Cluster ids are the notebook's (numbered by
      size, largest first). A score that is undefined (fewer than 2 non-empty clusters) is null;
      warnings (empty clusters, not converged, k above the distinct points, degenerate DBSCAN)
      are also printed on stderr.
      --features <a,b,c>         numeric columns to cluster on (required)
      --id <column>              the customer id column (default: detected)
      --transform none|log1p     per-feature transform before scaling (default none)
      --scale zscore|minmax|robust|none   (default zscore, population standard deviation)
      --weights a=2,b=0.5        feature weights; the scaled column is multiplied by sqrt(weight)
      --algorithm kmeans|ward|dbscan      (default kmeans)
      --k 4 | --k 2..8           number of clusters, or a range (default 2..10)
      --restarts <n>             k-means++ starts, the lowest inertia is kept (default 4, as the notebook)
      --seed <n>                 random seed (default 0)
      --eps <x> --min-points <m> DBSCAN radius (prepared space) and core size (default 5)
      --metrics inertia,silhouette,ch,db  which metrics to compute (default all; the
                                 exact silhouette is quadratic: leave it out on large files)
      --labels                   include each row's cluster (input order; null = left out/noise)
      --json                     required: the output is JSON

  tierbook verify <config.json> [--trusted-key <fingerprint> ...] [--json]
      Checks a config: approved and intact; unsigned draft, intact; edited after approval or
      after export (naming the sections that changed, and a broken audit log); or signature
      invalid. Exit 0 for an intact config (approved or draft), 1 otherwise, 2 when the file
      cannot be read as a config. A valid signature proves the content is what the key's
      holder approved; compare the printed key fingerprint with your approver's, or pass it
      with --trusted-key to refuse other keys.
      --archive <dir> --assignments <assignments.csv>
                           keep an approved, intact config and the assignments it was approved
                           with in the archive folder (refused for anything else)

  tierbook diff <old.json> <new.json> [--assignments old.csv,new.csv] [--json]
      What changed between two configs: inputs, features, weights, preparation, model, tiers,
      policies, data; and the customers who moved when both sides have assignments (embedded
      in the configs, or given with --assignments). Exit 0 same, 1 different, 2 trouble.
      --data <file> --churn <p> [--out <dir>]
                           also score both configs on these customers (read with the new
                           config's import options): migration matrix by tier (customers,
                           revenue, upgrades, downgrades, stable share), downgrade impact
                           (revenue and gross margin at risk at churn probability p, by region
                           and channel) and the impact ratio of "not downgraded" per group;
                           --out writes downgraded.csv and migration.json
  tierbook diff --archive <dir> --customer <id> [--json]
      The customer's cluster and tier in every archived version (exit 1 if it ever changed).

  tierbook apply <config.json> <file> --out <dir> [--far 0.25] [--pseudonym-key <file>] [--archive <dir>]
      Scores the customers of a new customer table or order-line file with the config, frozen:
      its import options, fitted transforms, scaling parameters, weights, centroids and tier
      map (nothing is refitted). Writes assignments.csv (as tierbook run does), tiers.csv when
      the config has a tier map, flags.csv (values far outside the reference range: more than
      --far times the range beyond its minimum or maximum, after the feature's transform) and
      apply.json (counts, issues). On the data the config was built from, a k-means config
      reproduces its assignments.csv byte for byte. Ward: nearest cluster mean. DBSCAN configs
      are refused. Configs that verify as edited or with an invalid signature are refused.
      --pseudonym-key <file>   replace customer ids by p-<HMAC-SHA-256 of the id, 80 bits> under
                               the key in <file> (at least 16 bytes; e.g. 32 random bytes)
      --archive <dir>          keep this scoring run in the archive folder
      --fairness <attribute>   screen the tiers: impact ratio of being in a favourable tier per
                               group of <attribute> (four-fifths flag for groups above 2% of
                               customers) and bias-corrected Cramér's V between tier and every
                               categorical column, with the caveats; writes fairness.json
      --favourable <tier,...>  the favourable tiers (default: the best tier clusters map to)

  tierbook drift <config.json> <file> [--rule <rule>] [--json]
      Drift of new data against the config's reference: per feature PSI over the reference
      deciles (< 0.10 stable, 0.10-0.25 moderate, >= 0.25 significant) and KS D with its
      p-value; PSI of the segment mix. --json prints {features: [{feature, psi, ks, ...}],
      segmentMix: {psi, ...}, triggered, reasons}. Exit 3 when the trigger rule fires.
      --rule feature-psi=0.25,segment-psi=0.1,ks-d=off   the trigger rule (these are the
                               defaults; "off" switches a condition off)

  tierbook report <config.json> --out <report.html|report.md> [--data <file>] [--previous <old.json>]
      Writes the review report of a config: summary, inputs and assumptions, data and quality,
      features and preparation, choosing k, clusters, robustness, tiers and policies, working
      capital, governance (verdict, approval, audit log, review decisions). HTML is one
      self-contained file (inline SVG charts, no request, prints to PDF); .md writes Markdown.
      --data <file>            the data the config was built from ("sample" for the bundled
                               sample): checks that the assignments reproduce, and recomputes
                               the k sweep, profiles, tier KPIs and working capital with the
                               config's settings
      --previous <old.json>    also lists what changed since this config, and who moved
      --format html|markdown   default: by the extension of --out

  tierbook allocate --supply <units> --demand <Tier=units,...> [--rule <rule>] [--json]
      Splits a short supply over the open demand of tiers and prints each tier's demand,
      allocation and fill rate (with --json: {rule, supply, tiers: [{tier, demand,
      allocated, fillRate}]}, tiers in priority order; fillRate null when nothing was asked).
      --supply <units>           units available (a whole number)
      --demand <Tier=units,...>  open demand per tier, highest priority first,
                                 e.g. Platinum=500,Gold=400,Silver=300
      --rule priority            each tier in turn gets all it asks while supply lasts (default)
      --rule priority-prorata    the first tier in full, the rest pro rata to their demand
      --rule fair-share          every tier pro rata to its demand, no priority
      Units are whole: pro-rata shares are rounded by largest remainder (the spare units go
      to the largest fractions, ties to the higher priority), so allocations sum exactly.

${STABILITY_HELP}
  tierbook sql <config.json> --dialect duckdb|postgres|bigquery|snowflake|spark [options]
      Prints a CREATE VIEW that scores customers with the config's frozen preparation
      (transforms, outlier bounds, imputation, scaling, weights) and centroids: one row per
      customer with prepared_<feature> columns, nearest_cluster, cluster (as in
      assignments.csv, from 1; NULL when not clustered) and tier (when the config has a
      tier map).
      --source <table>           the customer-features table (default customer_features):
                                 the id column and one column per feature, raw values
      --view <name>              the view's name (default tierbook_segments)
      --from-order-lines <table> compute the customer features in the view from an order-lines
                                 table instead (DuckDB only so far): every canonical column
                                 (order_id, order_line, customer_id, order_date, ..., as text),
                                 with the config's quality rules, rates and dates

  tierbook --help       this text

Common flags:
  --debug               print the stack trace of an error

Errors are one line on stderr and a non-zero exit (2 for a bad command line, 1 otherwise).
`;
