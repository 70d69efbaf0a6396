#!/usr/bin/env python3
"""Writes TF-IDF and truncated-SVD reference vectors from scikit-learn, for CharretteThemes' tests.

Run by hand (pip install scikit-learn); the output is committed as
Tests/CharretteThemesTests/Vectors/tfidf.json. The documents are given already as terms, so the
vectors check the weighting (sublinear tf, smoothed idf, unit length) and the decomposition, not
the tokenizer, which has its own tests.
"""
import json, os, random, sys

import numpy as np
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = os.path.join(root, "Tests", "CharretteThemesTests", "Vectors", "tfidf.json")

cases = []
rng = random.Random(5)
vocabulary = [f"t{i}" for i in range(40)]
for case in range(12):
    n = rng.randint(4, 30)
    documents = []
    for _ in range(n):
        length = rng.randint(0 if case % 4 == 0 else 1, 12)
        # Zipf-like: low-numbered terms are common, repeats happen.
        documents.append([vocabulary[min(int(rng.paretovariate(1.2)) - 1, 39)] for _ in range(length)])
    terms = sorted({t for d in documents for t in d}, key=lambda t: int(t[1:]))
    vectorizer = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, vocabulary=terms)
    matrix = vectorizer.fit_transform(documents)
    components = min(3, len(terms) - 1, n - 1)
    singular = []
    if components >= 1:
        svd = TruncatedSVD(n_components=components, algorithm="arpack")
        svd.fit(matrix)
        singular = [float(x) for x in svd.singular_values_]
    cases.append({
        "documents": documents,
        "terms": terms,
        "tfidf": [[round(float(x), 7) for x in row] for row in matrix.toarray()],
        "singular_values": [round(x, 7) for x in singular],
    })

with open(out, "w") as f:
    json.dump({"generator": f"scikit-learn {sklearn.__version__}", "cases": cases}, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(cases)} cases to {os.path.relpath(out, root)}", file=sys.stderr)
