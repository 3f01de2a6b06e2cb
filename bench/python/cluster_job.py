"""The reference for `tierbook cluster <file> --features ... --k K --restarts 1 --metrics inertia --json`:
read the CSV, z-score the features (population standard deviation, as Tierbook), one k-means++
start (Lloyd), PCA of the prepared matrix, print one JSON object. One thread (the caller sets
OMP_NUM_THREADS=1 etc.; threadpoolctl enforces it here too).

    python3 bench/python/cluster_job.py <file.csv> <features,comma,separated> <k> <tol> <seed>
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from threadpoolctl import threadpool_limits

path, features, k, tol, seed = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
with threadpool_limits(limits=1):
    df = pd.read_csv(path)
    x = df[features].to_numpy(dtype=np.float64)
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    km = KMeans(n_clusters=k, init="k-means++", n_init=1, tol=tol, random_state=seed, algorithm="lloyd").fit(x)
    pca = PCA(n_components=len(features)).fit(x)
print(json.dumps({
    "rows": int(x.shape[0]),
    "inertia": float(km.inertia_),
    "iterations": int(km.n_iter_),
    "sizes": sorted(np.bincount(km.labels_, minlength=k).tolist(), reverse=True),
    "explainedVarianceRatio": pca.explained_variance_ratio_.tolist(),
}))
