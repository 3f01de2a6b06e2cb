"""The reference for `tierbook run segmentation --data <orders.csv> --set k=5 --out <dir>`, the
same steps in pandas + scikit-learn: read the order lines (dates parsed), drop exact duplicates,
normalise customer ids (trim, upper case), drop rows missing a required value or with a zero quantity or
a price <= 0, treat negative quantities as returns, build per-customer features with the default activity rates (25 per
order, 1.5 per line, 12 per return line, plus freight), log1p + z-score of the notebook's five
default features (missing values imputed with the median), k-means (k-means++, 4 starts as the notebook), a 2-component PCA, and write
assignments.csv and features.csv. It does less than Tierbook's quality rules (no duplicate-key,
date-range, freight-imputation or cost checks, no quality report): a lower bound for the job.
One thread (threadpoolctl).

    python3 bench/python/segmentation_job.py <orders.csv> <out dir> <k> <tol> <seed>
"""
import os
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from threadpoolctl import threadpool_limits

path, out, k, tol, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
with threadpool_limits(limits=1):
    df = pd.read_csv(path, dtype={"customer_id": str, "order_id": str})
    df = df.drop_duplicates()
    for c in ["qty", "unit_price", "unit_cost", "shipping_cost", "returned_qty"]:
        df[c] = pd.to_numeric(df[c], errors="coerce")
    for c in ["order_date", "ship_date", "promised_date"]:
        df[c] = pd.to_datetime(df[c], errors="coerce", format="%Y-%m-%d")
    df["customer_id"] = df["customer_id"].str.strip().str.upper()
    df = df.dropna(subset=["customer_id", "order_id", "qty", "unit_price", "order_date"])
    df = df[(df["qty"] != 0) & (df["unit_price"] > 0)]
    ret = df["qty"] < 0
    sales = df[~ret]
    returned = sales["returned_qty"].fillna(0).clip(lower=0)
    net = sales["qty"] - returned
    sales = sales.assign(rev=net * sales["unit_price"], gm=net * (sales["unit_price"] - sales["unit_cost"]), ret_line=(returned > 0).astype(int))
    g = sales.groupby("customer_id")
    feats = pd.DataFrame({
        "orders": g["order_id"].nunique(),
        "lines": g.size(),
        "units": g["qty"].sum(),
        "revenue": g["rev"].sum(),
        "gross_margin": g["gm"].sum(),
        "freight": df.groupby("customer_id")["shipping_cost"].sum(),
        "return_lines": g["ret_line"].sum() + df[ret].groupby("customer_id").size().reindex(g.size().index, fill_value=0),
        "returned_units": g["returned_qty"].sum(),
    }).dropna(subset=["orders"])
    months = (df["order_date"].max().to_period("M") - df["order_date"].min().to_period("M")).n + 1
    feats["order_frequency"] = feats["orders"] / months
    feats["gross_margin_pct"] = feats["gross_margin"] / feats["revenue"] * 100
    feats["cts"] = 25 * feats["orders"] + 1.5 * feats["lines"] + 12 * feats["return_lines"] + feats["freight"]
    feats["cts_pct"] = feats["cts"] / feats["revenue"] * 100
    feats["returns_rate"] = feats["returned_units"] / feats["units"]
    chosen = ["revenue", "order_frequency", "gross_margin_pct", "cts_pct", "returns_rate"]
    x = np.log1p(feats[chosen].clip(lower=0).to_numpy(dtype=np.float64))
    x[~np.isfinite(x)] = np.nan
    x = np.where(np.isnan(x), np.nanmedian(x, axis=0), x)
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    km = KMeans(n_clusters=k, init="k-means++", n_init=4, tol=tol, random_state=seed, algorithm="lloyd").fit(x)
    xy = PCA(n_components=2).fit_transform(x)
    os.makedirs(out, exist_ok=True)
    pd.DataFrame({"customer_id": feats.index, "cluster": km.labels_}).to_csv(f"{out}/assignments.csv", index=False)
    feats.to_csv(f"{out}/features.csv")
print(f"{len(feats)} customers, k = {k}, iterations {km.n_iter_}")
