#!/usr/bin/env python3
"""Read the ballot files Charrette exports back with trusted reference libraries.

What it does
------------
Tests/Data/exports/make.chr opens four votes and exports their ballots as PrefLib and pabulib
files into the same folder. This script reads every one of those files with the readers of
pref_voting, abcvoting and pabutools (never a parser of its own), counts each vote with the same
library, and writes what they saw to

    Tests/Data/exports/readback.json

{"files": {<file name>: {...}}, "versions": {...}}. Each file records the voters the header
declares and the voters the library read, the alternatives as the library names them, every
ballot as parsed (ranking tiers as lists, approval sets as sorted lists), the reference outcome,
and "ideas": the library's identifier -> Charrette's idea id ("#1"...), taken from the name
Charrette writes ("#1 Free passes..."), so a Swift test can compare (e.g. winners_ideas).

Files and reference calls
-------------------------
  ranked.toi     pref_voting.io.readers.preflib_to_profile(path, include_cmap=True) (ProfileWithTies,
                 candidates 1..n); winners = margin_based_methods.beat_path (Schulze) after
                 use_extended_strict_preference() (unranked below ranked, as in Charrette);
                 winners_ranked_only = beat_path without it (pref_voting's default), for contrast
  complete.soc   same reader; winners = iterative_methods.instant_runoff, cross-checked against
                 instant_runoff_for_truncated_linear_orders
  approvals.cat  abcvoting.fileio.read_preflib_file(path) (category 1 = approved, candidates 0..n-1);
                 committees = abcrules.compute('pav', profile, 2, algorithm='brute-force',
                 resolute=False, max_num_of_committees=None) (exact Fractions)
  budget.pb      pabutools.election.parse_pabulib(path) (gmpy2 fractions); allocations =
                 rules.method_of_equal_shares(sat_class=Cost_Sat, resoluteness=False), no completion;
                 completed_allocations = completion_by_rule_combination(exhaustion_by_budget_increase
                 of MES with budget_step = number of voters, then greedy_utilitarian_welfare), as
                 pb-equal-shares in voting_vectors.py (what Charrette counts)
  approvals.pb   parse_pabulib only (budget, costs, approval ballots)
  complete.pb    parse_pabulib only (budget, costs, ordinal ballots)
Header counts come from preflibtools' get_parsed_instance(path, header_only=True).num_voters and
pabutools' instance.meta["num_votes"]. The script exits 1 (and leaves readback.json alone) when a
library fails to read a file or a voter count disagrees with the header.

Run with
--------
    python3 scripts/reference/export_readback.py               # read the committed files
    python3 scripts/reference/export_readback.py --regenerate  # first rewrite them with
                                                                # .build/debug/charrette

--regenerate runs `charrette --no-init --db <tmp>/readback.sqlite <tmp script>` where the
temporary script is `let dir = "<absolute Tests/Data/exports>"` followed by make.chr, and
reports which files changed. Made with Python 3.11.7, pref_voting 1.18.2, abcvoting 2.19.2,
pabutools 1.2.3, preflibtools 2.0.33 (the script warns when the installed versions differ).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

EXPECTED_VERSIONS = {"pref_voting": "1.18.2", "abcvoting": "2.19.2", "pabutools": "1.2.3", "preflibtools": "2.0.33"}
REPO = Path(__file__).resolve().parents[2]
EXPORTS = REPO / "Tests" / "Data" / "exports"
BINARY = REPO / ".build" / "debug" / "charrette"
FILES = ["ranked.toi", "complete.soc", "complete.pb", "approvals.cat", "approvals.pb", "budget.pb"]


def num(x):
    """Exact number for JSON: an int when integral, else the string "p/q"."""
    n, d = int(x.numerator), int(x.denominator)
    return n if d == 1 else f"{n}/{d}"


def idea_of(name):
    """Charrette's idea id from an exported name: "#1 Free passes" -> "#1"."""
    head = str(name).split(" ", 1)[0]
    assert head.startswith("#"), f"name {name!r} does not start with an idea id"
    return head


def regenerate():
    before = {f: (EXPORTS / f).read_bytes() for f in FILES if (EXPORTS / f).exists()}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "readback.chr"
        quoted = str(EXPORTS).replace("\\", "\\\\").replace('"', '\\"')
        script.write_text(f'let dir = "{quoted}"\n' + (EXPORTS / "make.chr").read_text())
        subprocess.run([str(BINARY), "--no-init", "--db", str(Path(tmp) / "readback.sqlite"), str(script)],
                       cwd=tmp, check=True)
    changed = [f for f in FILES if before.get(f) != (EXPORTS / f).read_bytes()]
    print("regenerated: " + (f"changed {', '.join(changed)}" if changed else "all files byte-identical"))


def preflib_header_voters(path):
    from preflibtools.instances import get_parsed_instance
    return get_parsed_instance(str(path), header_only=True).num_voters


def read_ranked(path, method):
    from pref_voting.io.readers import preflib_to_profile
    from pref_voting.iterative_methods import instant_runoff, instant_runoff_for_truncated_linear_orders
    from pref_voting.margin_based_methods import beat_path

    prof = preflib_to_profile(str(path), include_cmap=True)
    ideas = {c: idea_of(prof.cmap[c]) for c in prof.candidates}
    rankings, counts = prof.rankings_counts
    ballots = [{"count": int(k), "ranking": [sorted(t) for t in r.to_indiff_list()]} for r, k in zip(rankings, counts)]
    out = {"reader": "pref_voting.io.readers.preflib_to_profile", "voters": int(prof.num_voters),
           "alternatives": {str(c): prof.cmap[c] for c in prof.candidates}, "ballots": ballots}
    if method == "schulze":
        out["winners_ranked_only"] = sorted(beat_path(prof))  # beat_path, pref_voting's default comparison
        prof.use_extended_strict_preference()
        out["winners"] = sorted(beat_path(prof))  # beat_path, unranked below ranked
        out["winners_ranked_only_ideas"] = [ideas[c] for c in out["winners_ranked_only"]]
        out["reference"] = "pref_voting beat_path (Schulze, floyd_warshall), extended strict preference"
    else:
        out["winners"] = sorted(instant_runoff(prof))  # instant_runoff
        assert out["winners"] == sorted(instant_runoff_for_truncated_linear_orders(prof)), "IRV variants differ"
        out["reference"] = "pref_voting instant_runoff (= instant_runoff_for_truncated_linear_orders)"
    out["winners_ideas"] = [ideas[c] for c in out["winners"]]
    return out, ideas, preflib_header_voters(path)


def read_cat(path, seats=2):
    from abcvoting import abcrules
    from abcvoting.fileio import read_preflib_file

    prof = read_preflib_file(str(path))  # top_ranks=1: the first category ("approved")
    ideas = {i: idea_of(n) for i, n in enumerate(prof.cand_names)}
    assert all(v.weight == 1 for v in prof), "expected unit-weight voters"
    comms = abcrules.compute("pav", prof, seats, algorithm="brute-force", resolute=False, max_num_of_committees=None)
    committees = sorted(sorted(c) for c in comms)  # abcrules.compute('pav', ..., resolute=False)
    return {"reader": "abcvoting.fileio.read_preflib_file", "voters": len(prof),
            "alternatives": {str(i): n for i, n in enumerate(prof.cand_names)},
            "ballots": [sorted(v.approved) for v in prof], "seats": seats,
            "committees": committees, "committees_ideas": [[ideas[c] for c in comm] for comm in committees],
            "reference": "abcvoting abcrules.compute('pav', algorithm='brute-force', resolute=False)"}, ideas, \
        preflib_header_voters(path)


def read_pb(path, count_mes):
    from pabutools.election import Cost_Sat, parse_pabulib
    from pabutools.rules import (completion_by_rule_combination, exhaustion_by_budget_increase,
                                 greedy_utilitarian_welfare, method_of_equal_shares)

    inst, prof = parse_pabulib(str(path))
    projects = sorted(inst, key=lambda p: p.name)
    ideas = {p.name: idea_of(p.name) for p in projects}
    for p in projects:  # the name column Charrette writes must name the same idea as the id
        assert idea_of(inst.project_meta[p]["name"]) == ideas[p.name], (p.name, inst.project_meta[p])
    ordinal = inst.meta["vote_type"] == "ordinal"
    out = {"reader": "pabutools.election.parse_pabulib", "voters": len(prof), "vote_type": inst.meta["vote_type"],
           "alternatives": {p.name: inst.project_meta[p]["name"] for p in projects},
           "budget": num(inst.budget_limit), "costs": {p.name: num(p.cost) for p in projects},
           "ballots": [[p.name for p in b] if ordinal else sorted(p.name for p in b) for b in prof]}
    if count_mes:
        allocs = method_of_equal_shares(inst, prof, sat_class=Cost_Sat, resoluteness=False)  # plain MES
        completed = completion_by_rule_combination(  # MES + Add1 + greedy, Charrette's pb-equal-shares
            inst, prof, [exhaustion_by_budget_increase, greedy_utilitarian_welfare],
            [{"rule": method_of_equal_shares, "rule_params": {"sat_class": Cost_Sat}, "budget_step": len(prof)},
             {"sat_class": Cost_Sat}], resoluteness=False)
        out["allocations"] = sorted(sorted(p.name for p in a) for a in allocs)
        out["completed_allocations"] = [list(a) for a in sorted({tuple(sorted(p.name for p in a)) for a in completed})]
        out["reference"] = ("pabutools method_of_equal_shares(sat_class=Cost_Sat, resoluteness=False); completed: "
                            "completion_by_rule_combination(exhaustion_by_budget_increase, greedy_utilitarian_welfare)")
    return out, ideas, int(inst.meta["num_votes"])


READERS = {
    "ranked.toi": lambda p: read_ranked(p, "schulze"),
    "complete.soc": lambda p: read_ranked(p, "irv"),
    "approvals.cat": read_cat,
    "complete.pb": lambda p: read_pb(p, False),
    "approvals.pb": lambda p: read_pb(p, False),
    "budget.pb": lambda p: read_pb(p, True),
}


def main(args):
    if args not in ([], ["--regenerate"]):
        sys.exit("usage: export_readback.py [--regenerate]")
    versions = {pkg: version(pkg) for pkg in EXPECTED_VERSIONS}
    for pkg, want in EXPECTED_VERSIONS.items():
        if versions[pkg] != want:
            print(f"warning: {pkg} {versions[pkg]} installed, readback.json was made with {want}", file=sys.stderr)
    if args:
        regenerate()
    files, failures = {}, []
    for name in FILES:
        try:
            out, ideas, header_voters = READERS[name](EXPORTS / name)
        except Exception as error:  # a library refused the file
            failures.append(f"{name}: {type(error).__name__}: {error}")
            continue
        out["header_voters"] = header_voters
        out["ideas"] = {str(k): v for k, v in ideas.items()}
        if out["voters"] != header_voters:
            failures.append(f"{name}: read {out['voters']} voters, header says {header_voters}")
        files[name] = out
        outcome = next((out[k] for k in ("winners_ideas", "committees_ideas", "completed_allocations") if k in out), "-")
        print(f"{name:14} {out['voters']} voters, {len(out['alternatives'])} alternatives, outcome {outcome}")
    if "budget.pb" in files:
        print(f"{'':14} plain MES (no completion): {files['budget.pb']['allocations']}")
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)
    text = json.dumps({"files": files, "versions": versions}, indent=2, sort_keys=True, ensure_ascii=False)
    (EXPORTS / "readback.json").write_text(text + "\n")
    print(f"wrote {(EXPORTS / 'readback.json').relative_to(REPO)}")


if __name__ == "__main__":
    main(sys.argv[1:])
