-- Tierbook scoring view: best of 4 k-means++ starts, k = 5, features revenue, order_frequency, gross_margin_pct, cts_pct, returns_rate.
-- From the config exported 2026-11-30T05:56:59.641Z (assignments sha256:26059dd4fcb120541fb1e802979d51f1115923d08246b12cb8931004b55d1743); dialect spark.
-- cluster: the config's cluster number (as in assignments.csv, from 1), NULL when the customer is not
-- clustered (a missing value without imputation, an excluded outlier).
CREATE OR REPLACE VIEW `tierbook_segments` AS
WITH
`raw` AS (
  SELECT `customer_id`,
    CASE WHEN (NOT isnan(CAST(`revenue` AS DOUBLE)) AND CAST(`revenue` AS DOUBLE) NOT IN (double('Infinity'), double('-Infinity'))) THEN CAST(`revenue` AS DOUBLE) END AS `x0`,
    CASE WHEN (NOT isnan(CAST(`order_frequency` AS DOUBLE)) AND CAST(`order_frequency` AS DOUBLE) NOT IN (double('Infinity'), double('-Infinity'))) THEN CAST(`order_frequency` AS DOUBLE) END AS `x1`,
    CASE WHEN (NOT isnan(CAST(`gross_margin_pct` AS DOUBLE)) AND CAST(`gross_margin_pct` AS DOUBLE) NOT IN (double('Infinity'), double('-Infinity'))) THEN CAST(`gross_margin_pct` AS DOUBLE) END AS `x2`,
    CASE WHEN (NOT isnan(CAST(`cts_pct` AS DOUBLE)) AND CAST(`cts_pct` AS DOUBLE) NOT IN (double('Infinity'), double('-Infinity'))) THEN CAST(`cts_pct` AS DOUBLE) END AS `x3`,
    CASE WHEN (NOT isnan(CAST(`returns_rate` AS DOUBLE)) AND CAST(`returns_rate` AS DOUBLE) NOT IN (double('Infinity'), double('-Infinity'))) THEN CAST(`returns_rate` AS DOUBLE) END AS `x4`
  FROM `customer_features`
), `transformed` AS (
  SELECT *,
    CASE WHEN `x0` IS NULL THEN NULL ELSE CASE WHEN (1e+0 + GREATEST(`x0`, 0e+0)) = 1e+0 THEN GREATEST(`x0`, 0e+0) ELSE LN((1e+0 + GREATEST(`x0`, 0e+0))) * GREATEST(`x0`, 0e+0) / ((1e+0 + GREATEST(`x0`, 0e+0)) - 1e+0) END END AS `t0`,
    CASE WHEN `x1` IS NULL THEN NULL ELSE CASE WHEN (1e+0 + GREATEST(`x1`, 0e+0)) = 1e+0 THEN GREATEST(`x1`, 0e+0) ELSE LN((1e+0 + GREATEST(`x1`, 0e+0))) * GREATEST(`x1`, 0e+0) / ((1e+0 + GREATEST(`x1`, 0e+0)) - 1e+0) END END AS `t1`,
    CASE WHEN `x2` IS NULL THEN NULL ELSE CASE WHEN (1e+0 + GREATEST(`x2`, 0e+0)) = 1e+0 THEN GREATEST(`x2`, 0e+0) ELSE LN((1e+0 + GREATEST(`x2`, 0e+0))) * GREATEST(`x2`, 0e+0) / ((1e+0 + GREATEST(`x2`, 0e+0)) - 1e+0) END END AS `t2`,
    CASE WHEN `x3` IS NULL THEN NULL ELSE CASE WHEN (1e+0 + GREATEST(`x3`, 0e+0)) = 1e+0 THEN GREATEST(`x3`, 0e+0) ELSE LN((1e+0 + GREATEST(`x3`, 0e+0))) * GREATEST(`x3`, 0e+0) / ((1e+0 + GREATEST(`x3`, 0e+0)) - 1e+0) END END AS `t3`,
    CASE WHEN `x4` IS NULL THEN NULL ELSE CASE WHEN (1e+0 + GREATEST(`x4`, 0e+0)) = 1e+0 THEN GREATEST(`x4`, 0e+0) ELSE LN((1e+0 + GREATEST(`x4`, 0e+0))) * GREATEST(`x4`, 0e+0) / ((1e+0 + GREATEST(`x4`, 0e+0)) - 1e+0) END END AS `t4`
  FROM `raw`
), `prepared` AS (
  SELECT *,
    (`t0` - 7.870036568654797e+0) * 9.171248764074915e-1 AS `p0`,
    (`t1` - 4.2248306127057556e-1) * 2.456494674956448e+0 AS `p1`,
    (`t2` - 3.206109636808149e+0) * 3.276939678014236e+0 AS `p2`,
    (`t3` - 3.114326778330375e+0) * 1.7394579881779582e+0 AS `p3`,
    (`t4` - 2.0117041925438735e-2) * 3.3110359344063475e+1 AS `p4`
  FROM `transformed`
), `distances` AS (
  SELECT *,
    (`p0` - (-6.807049326666182e-1)) * (`p0` - (-6.807049326666182e-1))
      + (`p1` - (-2.732434347653052e-1)) * (`p1` - (-2.732434347653052e-1))
      + (`p2` - 3.824911088887516e-1) * (`p2` - 3.824911088887516e-1)
      + (`p3` - 6.693198268742403e-1) * (`p3` - 6.693198268742403e-1)
      + (`p4` - (-3.9042624349129135e-1)) * (`p4` - (-3.9042624349129135e-1)) AS `d0`,
    (`p0` - 6.7909419681481e-1) * (`p0` - 6.7909419681481e-1)
      + (`p1` - (-2.3213605166165826e-2)) * (`p1` - (-2.3213605166165826e-2))
      + (`p2` - 2.8534266211129033e-1) * (`p2` - 2.8534266211129033e-1)
      + (`p3` - (-9.299056761876242e-1)) * (`p3` - (-9.299056761876242e-1))
      + (`p4` - (-2.004983257714968e-1)) * (`p4` - (-2.004983257714968e-1)) AS `d1`,
    (`p0` - (-2.6546395343444223e-1)) * (`p0` - (-2.6546395343444223e-1))
      + (`p1` - (-2.0339876680501787e-1)) * (`p1` - (-2.0339876680501787e-1))
      + (`p2` - (-1.6641000870298805e+0)) * (`p2` - (-1.6641000870298805e+0))
      + (`p3` - 1.7873005662074584e-1) * (`p3` - 1.7873005662074584e-1)
      + (`p4` - (-2.7492206629676164e-1)) * (`p4` - (-2.7492206629676164e-1)) AS `d2`,
    (`p0` - (-5.416144037511512e-1)) * (`p0` - (-5.416144037511512e-1))
      + (`p1` - (-2.9126615103791176e-1)) * (`p1` - (-2.9126615103791176e-1))
      + (`p2` - 1.5665678958498705e-1) * (`p2` - 1.5665678958498705e-1)
      + (`p3` - 5.174509043663724e-1) * (`p3` - 5.174509043663724e-1)
      + (`p4` - 2.1025675678034648e+0) * (`p4` - 2.1025675678034648e+0) AS `d3`,
    (`p0` - 2.438955847204329e+0) * (`p0` - 2.438955847204329e+0)
      + (`p1` - 3.6807527308001022e+0) * (`p1` - 3.6807527308001022e+0)
      + (`p2` - 6.019505839270892e-2) * (`p2` - 6.019505839270892e-2)
      + (`p3` - (-1.4411774156218868e-1)) * (`p3` - (-1.4411774156218868e-1))
      + (`p4` - 7.150488616050525e-3) * (`p4` - 7.150488616050525e-3) AS `d4`
  FROM `prepared`
), `nearest` AS (
  SELECT *, CASE WHEN `d0` <= `d1` AND `d0` <= `d2` AND `d0` <= `d3` AND `d0` <= `d4` THEN 1 WHEN `d1` <= `d2` AND `d1` <= `d3` AND `d1` <= `d4` THEN 2 WHEN `d2` <= `d3` AND `d2` <= `d4` THEN 3 WHEN `d3` <= `d4` THEN 4 ELSE 5 END AS `nearest_cluster`
  FROM `distances`
), `scored` AS (
  SELECT *, CASE WHEN `p0` IS NULL OR `p1` IS NULL OR `p2` IS NULL OR `p3` IS NULL OR `p4` IS NULL THEN NULL ELSE `nearest_cluster` END AS `cluster`
  FROM `nearest`
)
SELECT `customer_id`,
  `p0` AS `prepared_revenue`,
  `p1` AS `prepared_order_frequency`,
  `p2` AS `prepared_gross_margin_pct`,
  `p3` AS `prepared_cts_pct`,
  `p4` AS `prepared_returns_rate`,
  `nearest_cluster`,
  `cluster`
FROM `scored`;
