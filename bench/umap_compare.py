"""UMAP part of `npm run bench`: Debian's umap-learn on the same embedding matrix as umap-js, and the quality of
both 2-D layouts (trustworthiness from scikit-learn, and kNN agreement: the mean share of each point's k
nearest neighbours in the input that stay among its k nearest in the layout).

    /usr/bin/python3 bench/umap_compare.py IN.json   (IN: {"X": rows, "js": umap-js layout, "k": 10,
                                                               "nNeighbors": 15, "minDist": 0.1, "seed": 1})
Prints one JSON line. umap-learn is fitted twice and the second fit is timed (the first compiles numba code).
"""
import json
import sys
import time

import numpy as np
from sklearn.manifold import trustworthiness
from sklearn.neighbors import NearestNeighbors


def knn_agreement(X, Y, k):
    a = NearestNeighbors(n_neighbors=k + 1).fit(X).kneighbors(X, return_distance=False)[:, 1:]
    b = NearestNeighbors(n_neighbors=k + 1).fit(Y).kneighbors(Y, return_distance=False)[:, 1:]
    return float(np.mean([len(set(a[i]) & set(b[i])) / k for i in range(len(X))]))


def main():
    with open(sys.argv[1]) as f:
        inp = json.load(f)
    X = np.asarray(inp['X'], dtype=np.float64)
    js = np.asarray(inp['js'], dtype=np.float64)
    k = inp.get('k', 10)
    res = {'rows': int(X.shape[0]), 'cols': int(X.shape[1]), 'k': k}
    res['js'] = {'trustworthiness': float(trustworthiness(X, js, n_neighbors=k)), 'knn_agreement': knn_agreement(X, js, k)}
    try:
        import umap
    except Exception as e:  # noqa: BLE001
        res['error'] = f'umap-learn not importable: {e}'
        print(json.dumps(res))
        return
    kw = dict(n_neighbors=inp.get('nNeighbors', 15), min_dist=inp.get('minDist', 0.1), n_components=2, random_state=inp.get('seed', 1))
    t0 = time.perf_counter()
    umap.UMAP(**kw).fit_transform(X)
    first = (time.perf_counter() - t0) * 1e3
    t0 = time.perf_counter()
    Y = umap.UMAP(**kw).fit_transform(X)
    second = (time.perf_counter() - t0) * 1e3
    res['py'] = {
        'version': getattr(umap, '__version__', '?'),
        'first_fit_ms': first,
        'second_fit_ms': second,
        'trustworthiness': float(trustworthiness(X, Y, n_neighbors=k)),
        'knn_agreement': knn_agreement(X, Y, k),
    }
    print(json.dumps(res))


if __name__ == '__main__':
    main()
