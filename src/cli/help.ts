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
                             --set rules=exact-duplicates,customer-id   (rules left on)
                             --set rateOrder=30  --set level=parent
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

  tierbook sql <config.json> --dialect duckdb|postgres|bigquery|snowflake|spark [options]
      Prints a CREATE VIEW that scores customers with the config's frozen preparation
      (transforms, outlier bounds, imputation, scaling, weights) and centroids: one row per
      customer with prepared_<feature> columns, nearest_cluster, cluster (as in
      assignments.csv, from 1; NULL when not clustered) and tier (when the config has a
      "tiers" section: {"1": "Platinum", ...}).
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
