#!/usr/bin/env python3
"""Writes how closely red-dwarf's opinion groups match the groups Pol.is published, for every
public conversation under Tests/Data/polis-opendata/, as the yardstick for Charrette's own.

Run by hand (pip install red-dwarf scikit-learn); the output is committed as
Tests/CharretteOpinionsTests/Vectors/agreement.json. red-dwarf runs its whole Pol.is pipeline
(reddwarf.implementations.polis.run_pipeline, random_state 0) on each conversation's votes (the
last vote on a pair counts) with its moderated-out statements. Agreement is the adjusted Rand
index over the participants Pol.is published a group for and red-dwarf clustered, as Charrette's
`published_agreement` measures its own; the number of participants red-dwarf clustered and left
out of that set is written beside it. The data's attribution is in the folder's SOURCE.md.
"""
import csv, json, os, sys, warnings
from collections import Counter
from importlib.metadata import version

warnings.filterwarnings("ignore")
from reddwarf.implementations.polis import run_pipeline

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.path.join(root, "Tests", "Data", "polis-opendata")
out_path = os.path.join(root, "Tests", "CharretteOpinionsTests", "Vectors", "agreement.json")


def adjusted_rand_index(a, b):
    pairs = lambda n: n * (n - 1) / 2
    index = sum(pairs(v) for v in Counter(zip(a, b)).values())
    rows, columns = sum(pairs(v) for v in Counter(a).values()), sum(pairs(v) for v in Counter(b).values())
    expected = rows * columns / pairs(len(a)) if len(a) > 1 else 0
    maximum = (rows + columns) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


conversations = {}
for name in sorted(os.listdir(data)):
    folder = os.path.join(data, name)
    if not os.path.isdir(folder):
        continue
    with open(os.path.join(folder, "votes.csv"), newline="") as f:
        rows = sorted((int(r["timestamp"]), i, int(r["voter-id"]), int(r["comment-id"]), int(r["vote"])) for i, r in enumerate(csv.DictReader(f)))
    latest = {}
    for t, _, p, s, v in rows:
        latest[(p, s)] = (v, t)
    votes = [{"participant_id": p, "statement_id": s, "vote": v, "modified": t} for (p, s), (v, t) in latest.items()]
    with open(os.path.join(folder, "comments.csv"), newline="") as f:
        moderated_out = sorted(int(r["comment-id"]) for r in csv.DictReader(f) if int(r["moderated"]) == -1)
    with open(os.path.join(folder, "participants-votes.csv"), newline="") as f:
        published = {int(r["participant"]): int(r["group-id"]) for r in csv.DictReader(f) if r["group-id"] != ""}
    result = run_pipeline(votes=votes, mod_out_statement_ids=moderated_out, random_state=0)
    labels = result.participants_df["cluster_id"].astype("float").fillna(-1)
    groups = {int(p): int(label) for p, label in labels.items() if label >= 0}
    both = sorted(set(groups) & set(published))
    conversations[name] = {
        "published_groups": len(set(published.values())),
        "reddwarf_groups": len(set(groups.values())),
        "reddwarf_clustered": len(groups),
        "reddwarf_agreement": round(adjusted_rand_index([groups[p] for p in both], [published[p] for p in both]), 3),
    }
    print(name, conversations[name], file=sys.stderr)

with open(out_path, "w") as f:
    json.dump({"reference": f"red-dwarf {version('red-dwarf')}, scikit-learn {version('scikit-learn')}", "conversations": conversations},
              f, indent=2, sort_keys=True)
    f.write("\n")
