#!/usr/bin/env python3
"""Writes Pol.is opinion-map reference vectors from red-dwarf, for CharretteOpinions' tests.

Run by hand (pip install red-dwarf); the output is committed as
Tests/CharretteOpinionsTests/Vectors/<conversation>.json for each conversation under
Tests/Data/polis-opendata/. For each: the participants and statements in matrix order, the
moderated-out statements (zeroed, as Pol.is does), the participants' PCA positions (sparsity-aware
scaling included) and the statements' positions (a virtual participant agreeing with one
statement), all from red-dwarf's own pipeline steps. Then, for the groups Pol.is published
(participants-votes.csv), the statistics of every statement in every group (counts, smoothed
probabilities, representativeness and their z-scores), group-informed consensus, the
representative statements of each group and the consensus statements, as red-dwarf selects them.
"""
import csv, json, os, sys
from importlib.metadata import version

import numpy as np
from reddwarf.utils.matrix import generate_raw_matrix, simple_filter_matrix
from reddwarf.utils.reducer.base import run_reducer
from reddwarf.utils.stats import calculate_comment_statistics_dataframes, select_representative_statements
from reddwarf.utils.consensus import select_consensus_statements

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.path.join(root, "Tests", "Data", "polis-opendata")
out_dir = os.path.join(root, "Tests", "CharretteOpinionsTests", "Vectors")
os.makedirs(out_dir, exist_ok=True)

for name in sorted(os.listdir(data)):
    folder = os.path.join(data, name)
    if not os.path.isdir(folder):
        continue
    with open(os.path.join(folder, "votes.csv"), newline="") as f:
        votes = [{"participant_id": int(r["voter-id"]), "statement_id": int(r["comment-id"]),
                  "vote": int(r["vote"]), "modified": int(r["timestamp"])} for r in csv.DictReader(f)]
    # The last vote on a (participant, statement) pair counts.
    latest = {}
    for v in sorted(votes, key=lambda v: v["modified"]):
        latest[(v["participant_id"], v["statement_id"])] = v
    votes = list(latest.values())
    with open(os.path.join(folder, "comments.csv"), newline="") as f:
        moderated_out = sorted(int(r["comment-id"]) for r in csv.DictReader(f) if int(r["moderated"]) == -1)
    raw = generate_raw_matrix(votes=votes)
    matrix = simple_filter_matrix(vote_matrix=raw, mod_out_statement_ids=moderated_out)
    participants_xy, statements_xy, pca = run_reducer(vote_matrix=matrix.values, reducer="pca", n_components=2)
    result = {
        "generator": f"red-dwarf {version('red-dwarf')}, scikit-learn {version('scikit-learn')}",
        "conversation": name,
        "participants": [int(p) for p in matrix.index],
        "statements": [int(s) for s in matrix.columns],
        "moderated_out": [s for s in moderated_out if s in set(matrix.columns)],
        "participant_positions": [[float(x) for x in row] for row in participants_xy],
        "statement_positions": [[float(x) for x in row] for row in statements_xy],
        "explained_variance": [float(x) for x in pca.explained_variance_],
    }
    with open(os.path.join(folder, "participants-votes.csv"), newline="") as f:
        published = {int(r["participant"]): int(r["group-id"]) for r in csv.DictReader(f) if r["group-id"] != ""}
    grouped = [p for p in raw.index if p in published]
    labels = [published[p] for p in grouped]
    stats, gac = calculate_comment_statistics_dataframes(vote_matrix=raw.loc[grouped, :], cluster_labels=labels)
    columns = ["na", "nd", "ns", "pa", "pd", "pat", "pdt", "ra", "rd", "rat", "rdt"]
    repness = select_representative_statements(grouped_stats_df=stats, mod_out_statement_ids=moderated_out)
    consensus = select_consensus_statements(vote_matrix=raw, mod_out_statement_ids=moderated_out)
    result["groups"] = {
        "participants": [int(p) for p in grouped],
        "labels": labels,
        "statistics": [{c: [float(x) for x in stats.loc[g][c]] for c in columns} for g in sorted(set(labels))],
        "consensus_agree": [float(x) for x in gac["group-aware-consensus-agree"]],
        "consensus_disagree": [float(x) for x in gac["group-aware-consensus-disagree"]],
        "representative": [[[int(st["tid"]), st["repful-for"]] for st in repness[g]] for g in sorted(repness)],
        "agreed": [int(st["tid"]) for st in consensus["agree"]],
        "disagreed": [int(st["tid"]) for st in consensus["disagree"]],
    }
    path = os.path.join(out_dir, f"{name}.json")
    with open(path, "w") as f:
        json.dump(result, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {os.path.relpath(path, root)}: {len(result['participants'])} participants, "
          f"{len(result['statements'])} statements", file=sys.stderr)
