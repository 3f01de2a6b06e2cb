/** Help text of `tierbook stability` (kept apart so `tierbook --help` loads no analytics). */
export const STABILITY_HELP = `  tierbook stability <file> --features <a,b,c> --k <n> --json [options]
      How far a segmentation of a customer table can be trusted; prints one JSON object:
      rows, features, k, bootstrap {replicates, clusters [{cluster, size, meanJaccard,
      dissolved, recovered, band}]}, sensitivity {weights [{feature, change, ari, shareChanged}],
      dropOne [{feature, ari, shareChanged}], pass}, holdout {share, ari}, and with --labels
      customers [{id, cluster, confidence, alternative}] in input order. Cluster ids are those
      of tierbook cluster --labels for the same options; -1 = DBSCAN noise (its own group,
      listed in bootstrap.clusters), null = a row left out by the preparation.
      Bands of the mean Jaccard: unstable < 0.6 <= pattern < 0.75 <= stable < 0.85 <= highly-stable.
      sensitivity.pass: every feature keeps ARI >= 0.80 and at most 10% of customers changing
      cluster at ±10% of its weight (weights renormalised to the same total).
      Takes the preparation and algorithm options of tierbook cluster (--id, --transform,
      --scale, --weights, --algorithm, --restarts, --seed, --eps, --min-points), and:
      --k <n>                    number of clusters (required for kmeans and ward)
      --replicates <n>           bootstrap replicates (default 100)
      --steps 0.1,0.2            weight changes tried, each both ways (default 0.1,0.2)
      --holdout 0.2              share of customers held out and assigned (default 0.2)
      --seed <n>                 seed of the clustering, the resampling and the holdout (default 0)
      --labels                   include each customer's confidence and most likely other cluster
      --json                     required: the output is JSON
`;
