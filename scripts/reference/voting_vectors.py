#!/usr/bin/env python3
"""Generate test vectors for CharretteVoting from trusted reference implementations.

What it does
------------
For every voting method implemented in Swift (Sources/CharretteVoting) this script builds
a few hundred seeded random profiles (plus a handful of hand-made edge cases), runs the
corresponding function of a reference Python library on each, and writes the profiles with
the reference's answers to

    Tests/CharretteVotingTests/Vectors/<method>.json

Each file is {"method": ..., "reference": ..., "cases": [...]} with one case per line.
Candidates are the strings "0".."n-1"; in rankings, candidates absent from every tier are
unranked (tied below all ranked candidates where the reference uses extended preferences).
Every case has a "name"; STV cases also carry "stvTieBreak" (see below).

Methods and references
----------------------
  pref_voting (ranked, ProfileWithTies):
    plurality, irv, borda, condorcet, copeland, schulze, ranked-pairs, minimax, stv
  pref_voting (grades, GradeProfile):
    approval, score, star, majority-judgment
  abcvoting (approval committees, resolute=False, exact fractions):
    pav, phragmen, equal-shares
  pabutools (participatory budgeting, resoluteness=False, gmpy2 fractions):
    pb-greedy, pb-greedy-cost, pb-equal-shares, and pb-equal-shares with its other completions
    (pb-equal-shares-add-one, -add-one-over-budget, -add-one-greedy-over-budget, -greedy, -none;
    each case names its completion)

The exact calls, options and conventions are documented at the top of each generator below.

STV: stv_scottish draws lots (rng.choice) when its history tie-break fails. Every STV case
is run once per possible sequence of lots (exhaustive enumeration of the rng choices) and
with several seeded random.Random instances; only cases whose elected set is identical in
all runs are kept. "stvTieBreak" says whether the count needed no tie-break ("none"), only
the statutory history tie-break ("history"), or drew lots that did not change the outcome
("lot").

Determinism
-----------
Each method has its own fixed seed (SEEDS below). Re-running with the same package versions
produces byte-identical files.

Run with
--------
    python3 scripts/reference/voting_vectors.py              # all methods
    python3 scripts/reference/voting_vectors.py schulze stv  # only some methods

Generated with Python 3.11.7, pref_voting 1.18.2, pabutools 1.2.3, abcvoting 2.19.2,
gmpy2 2.3.2, numpy 2.3.5. The script warns when the installed versions differ.
"""

from __future__ import annotations

import copy
import inspect
import itertools
import json
import math
import random
import signal
import sys
import textwrap
from fractions import Fraction
from importlib.metadata import version
from pathlib import Path

EXPECTED_VERSIONS = {
    "pref_voting": "1.18.2",
    "pabutools": "1.2.3",
    "abcvoting": "2.19.2",
}

REPO = Path(__file__).resolve().parents[2]
OUT_DIR = REPO / "Tests" / "CharretteVotingTests" / "Vectors"

SEEDS = {
    "plurality": 1101,
    "irv": 1102,
    "borda": 1103,
    "condorcet": 1104,
    "copeland": 1105,
    "schulze": 1106,
    "ranked-pairs": 1107,
    "minimax": 1108,
    "stv": 1109,
    "approval": 1201,
    "score": 1202,
    "star": 1203,
    "majority-judgment": 1204,
    "pav": 1301,
    "phragmen": 1302,
    "equal-shares": 1303,
    "pb-greedy": 1401,
    "pb-greedy-cost": 1402,
    "pb-equal-shares": 1403,
    "pb-equal-shares-add-one": 1404,
    "pb-equal-shares-add-one-over-budget": 1405,
    "pb-equal-shares-add-one-greedy-over-budget": 1406,
    "pb-equal-shares-greedy": 1407,
    "pb-equal-shares-none": 1408,
}

# ---------------------------------------------------------------------------
# Generic helpers
# ---------------------------------------------------------------------------


class CaseTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise CaseTimeout()


def with_timeout(seconds, fn, *args, **kwargs):
    """Run fn; raise CaseTimeout after `seconds` (the case is then skipped)."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return fn(*args, **kwargs)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def num(x):
    """JSON-friendly number: ints stay ints, integral floats/fractions become ints."""
    if x is None:
        return None
    if hasattr(x, "item") and not isinstance(x, (int, float)):  # numpy scalar
        x = x.item()
    if isinstance(x, bool):
        return int(x)
    if isinstance(x, int):
        return x
    if isinstance(x, Fraction) or type(x).__name__ == "mpq":
        f = Fraction(int(x.numerator), int(x.denominator))
        return int(f) if f.denominator == 1 else float(f)
    x = float(x)
    return int(x) if x.is_integer() else x


def cands(m):
    return [str(i) for i in range(m)]


def ids(xs):
    return [str(x) for x in sorted(xs)]


def committees_out(comms):
    """Sorted list of sorted committees (each a list of string ids), duplicates removed."""
    uniq = sorted({tuple(sorted(int(c) for c in comm)) for comm in comms})
    return [[str(c) for c in comm] for comm in uniq]


def voter_count(rng, i):
    """Alternate odd and even electorates, 2..40 voters."""
    if i % 2 == 0:
        return rng.randint(1, 19) * 2 + 1  # 3..39
    return rng.randint(1, 20) * 2  # 2..40


def split_counts(rng, n, max_types):
    """Split n voters into ballot groups: sometimes all singletons, otherwise weighted groups."""
    if n <= 12 and rng.random() < 0.35:
        return [1] * n
    t = rng.randint(1, min(n, max_types))
    cuts = sorted(rng.sample(range(1, n), t - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [n])]


def check_versions():
    for pkg, want in EXPECTED_VERSIONS.items():
        have = version(pkg)
        if have != want:
            print(f"warning: {pkg} {have} installed, vectors were made with {want}", file=sys.stderr)


# ---------------------------------------------------------------------------
# Ranked ballots
# ---------------------------------------------------------------------------


def random_tiers(rng, m, p_tie, p_trunc, allow_empty=False, single_top=False):
    """A random weak order on range(m) as a list of tiers (best first), possibly truncated.

    Truncation drops the lowest tiers (those candidates become unranked). With
    allow_empty the ballot may rank nobody.
    """
    order = list(range(m))
    rng.shuffle(order)
    tiers = [[order[0]]]
    for c in order[1:]:
        if rng.random() < p_tie:
            tiers[-1].append(c)
        else:
            tiers.append([c])
    if single_top and len(tiers[0]) > 1:
        head, rest = tiers[0][0], tiers[0][1:]
        tiers = [[head], rest] + tiers[1:]
    lowest_keep = 0 if allow_empty else 1
    if rng.random() < p_trunc and len(tiers) - 1 >= lowest_keep:
        keep = rng.randint(lowest_keep, len(tiers) - 1)
        tiers = tiers[:keep]
    return [sorted(t) for t in tiers]


def random_ranked_profile(rng, m, n, p_tie, p_trunc, allow_empty=False, single_top=False, max_types=8):
    counts = split_counts(rng, n, max_types)
    return [
        (c, random_tiers(rng, m, p_tie, p_trunc, allow_empty=allow_empty, single_top=single_top))
        for c in counts
    ]


def handmade_ranked(single_top=False, no_ties=False):
    """Small profiles that force outcome ties: (name, m, [(count, tiers)])."""
    cases = [
        ("cycle-3x1", 3, [(1, [[0], [1], [2]]), (1, [[1], [2], [0]]), (1, [[2], [0], [1]])]),
        ("cycle-3x2", 3, [(2, [[0], [1], [2]]), (2, [[1], [2], [0]]), (2, [[2], [0], [1]])]),
        ("two-opposed", 3, [(1, [[0], [1], [2]]), (1, [[2], [1], [0]])]),
        ("two-opposed-4", 4, [(1, [[0], [1], [2], [3]]), (1, [[3], [2], [1], [0]])]),
        ("unanimous", 4, [(3, [[2], [0], [3], [1]])]),
        ("all-permutations-3", 3, [(1, [list(p[:1]), list(p[1:2]), list(p[2:])]) for p in itertools.permutations(range(3))]),
        ("bullet-votes-tied", 4, [(2, [[0]]), (2, [[1]]), (1, [[2]]), (1, [[3]])]),
        ("cycle-4", 4, [(1, [[0], [1], [2], [3]]), (1, [[1], [2], [3], [0]]), (1, [[2], [3], [0], [1]]), (1, [[3], [0], [1], [2]])]),
        ("center-squeeze", 3, [(4, [[0], [1], [2]]), (2, [[1], [0], [2]]), (3, [[2], [1], [0]])]),
        ("condorcet-loser-plurality-winner", 3, [(3, [[0], [1], [2]]), (2, [[1], [2], [0]]), (2, [[2], [1], [0]])]),
        ("truncated-only-top", 4, [(2, [[0]]), (2, [[1], [2]]), (1, [[3], [2], [1]])]),
    ]
    if not no_ties:
        cases += [
            ("tied-bottom", 4, [(2, [[0], [1, 2, 3]]), (2, [[1], [0, 2, 3]]), (1, [[2], [3]])]),
        ]
        if not single_top:
            cases += [
                ("everything-tied-ballot", 3, [(1, [[0, 1, 2]]), (1, [[0], [1], [2]])]),
                ("tied-top", 3, [(2, [[0, 1], [2]]), (1, [[2], [0, 1]]), (1, [[1], [2], [0]])]),
            ]
    return cases


def ranked_case_fields(m, ballots):
    return {
        "candidates": cands(m),
        "rankings": [{"count": c, "tiers": [[str(x) for x in t] for t in tiers]} for c, tiers in ballots],
    }


def pwt(m, ballots, extended=True):
    """pref_voting ProfileWithTies from (count, tiers) ballots, candidates 0..m-1."""
    from pref_voting.profiles_with_ties import ProfileWithTies

    rmaps = [{c: r + 1 for r, tier in enumerate(tiers) for c in tier} for _, tiers in ballots]
    prof = ProfileWithTies(rmaps, rcounts=[c for c, _ in ballots], candidates=list(range(m)))
    if extended:
        prof.use_extended_strict_preference()
    return prof


def linear_profile(m, ballots):
    """pref_voting Profile (linear orders) if every ballot is a complete strict order, else None."""
    from pref_voting.profiles import Profile

    rankings = []
    for _, tiers in ballots:
        if any(len(t) != 1 for t in tiers) or sum(len(t) for t in tiers) != m:
            return None
        rankings.append([t[0] for t in tiers])
    return Profile(rankings, rcounts=[c for c, _ in ballots])


def ranked_profiles(method, rng, count, *, m_range=(3, 6), p_tie=0.25, p_trunc=0.3, allow_empty=True,
                    single_top=False, no_ties=False, small_share=0.3):
    """Handmade cases + `count` random ones. Yields (name, m, ballots)."""
    for name, m, ballots in handmade_ranked(single_top=single_top, no_ties=no_ties):
        yield name, m, ballots
    for i in range(count):
        if rng.random() < small_share:
            m = rng.randint(3, 4)
            n = rng.choice([2, 3, 4, 5, 6]) if i % 2 else rng.choice([3, 5, 7])
        else:
            m = rng.randint(*m_range)
            n = voter_count(rng, i)
        pt = 0.0 if no_ties else p_tie * rng.choice([0, 1, 1, 2])
        ptr = p_trunc * rng.choice([0, 1, 1, 2])
        ballots = random_ranked_profile(rng, m, n, pt, ptr, allow_empty=allow_empty and rng.random() < 0.3,
                                        single_top=single_top)
        yield f"random-{i}", m, ballots


# --- plurality --------------------------------------------------------------
# plurality(ProfileWithTies): ballots must have a single top candidate (ValueError otherwise);
# empty ballots count for nobody. Ties below the top and truncation are irrelevant.


def gen_plurality(rng):
    from pref_voting.scoring_methods import plurality

    cases = []
    for name, m, ballots in ranked_profiles("plurality", rng, 240, single_top=True):
        prof = pwt(m, ballots)
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {
            "winners": ids(plurality(prof)),
            "scores": {str(c): num(s) for c, s in prof.plurality_scores().items()},
        }
        cases.append(case)
    ref = ("pref_voting 1.18.2 plurality (ProfileWithTies; scores = ProfileWithTies.plurality_scores; "
           "ballots have a unique top choice, empty ballots count for nobody; all tied winners returned)")
    return ref, cases


# --- irv --------------------------------------------------------------------
# instant_runoff_for_truncated_linear_orders(ProfileWithTies): strict truncated ballots only (it
# asserts there are no ties inside a ballot). Cross-checked against instant_runoff(ProfileWithTies)
# and, for complete ballots, instant_runoff(Profile).


def gen_irv(rng):
    from pref_voting.iterative_methods import instant_runoff, instant_runoff_for_truncated_linear_orders

    cases = []
    for name, m, ballots in ranked_profiles("irv", rng, 250, no_ties=True):
        prof = pwt(m, ballots, extended=False)
        winners = instant_runoff_for_truncated_linear_orders(prof)
        alt = instant_runoff(pwt(m, ballots, extended=False))
        assert sorted(winners) == sorted(alt), (name, winners, alt)
        lin = linear_profile(m, ballots)
        if lin is not None:
            assert sorted(instant_runoff(lin)) == sorted(winners), (name, "linear")
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {"winners": ids(winners)}
        cases.append(case)
    ref = ("pref_voting 1.18.2 instant_runoff_for_truncated_linear_orders (ProfileWithTies of strict, possibly "
           "truncated ballots; threshold = strict majority of non-exhausted ballots; all candidates with the fewest "
           "first preferences eliminated together; if all remaining are tied they all win)")
    return ref, cases


# --- borda ------------------------------------------------------------------
# borda_for_profile_with_ties(ProfileWithTies) with the default symmetric_borda_scores:
# score(c) = sum over ballots of count * (#candidates strictly below c - #candidates strictly above c),
# using extended strict preference (ranked above unranked, unranked tied with unranked).


def gen_borda(rng):
    from pref_voting.scoring_methods import borda, borda_for_profile_with_ties, symmetric_borda_scores

    cases = []
    for name, m, ballots in ranked_profiles("borda", rng, 240):
        prof = pwt(m, ballots)
        winners = borda_for_profile_with_ties(prof)
        scores = symmetric_borda_scores(prof)
        lin = linear_profile(m, ballots)
        if lin is not None:
            assert sorted(borda(lin)) == sorted(winners), name
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {"winners": ids(winners), "scores": {str(c): num(s) for c, s in scores.items()}}
        cases.append(case)
    ref = ("pref_voting 1.18.2 borda_for_profile_with_ties (ProfileWithTies, borda_scores=symmetric_borda_scores: "
           "per ballot #strictly-below minus #strictly-above, extended strict preference)")
    return ref, cases


# --- condorcet --------------------------------------------------------------


def gen_condorcet(rng):
    cases = []
    for name, m, ballots in ranked_profiles("condorcet", rng, 240):
        prof = pwt(m, ballots)
        cw, cl = prof.condorcet_winner(), prof.condorcet_loser()
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {
            "condorcetWinner": None if cw is None else str(cw),
            "condorcetLoser": None if cl is None else str(cl),
        }
        cases.append(case)
    ref = ("pref_voting 1.18.2 ProfileWithTies.condorcet_winner / condorcet_loser after "
           "use_extended_strict_preference() (strict majority margin > 0 against every other candidate)")
    return ref, cases


# --- copeland ---------------------------------------------------------------


def gen_copeland(rng):
    from pref_voting.c1_methods import copeland

    cases = []
    for name, m, ballots in ranked_profiles("copeland", rng, 240):
        prof = pwt(m, ballots)
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {
            "winners": ids(copeland(prof)),
            "scores": {str(c): num(s) for c, s in prof.copeland_scores().items()},
        }
        cases.append(case)
    ref = ("pref_voting 1.18.2 copeland + ProfileWithTies.copeland_scores (scores=(1, 0, -1): +1 per pairwise win, "
           "0 per pairwise tie, -1 per loss; extended strict preference)")
    return ref, cases


# --- schulze ----------------------------------------------------------------


def gen_schulze(rng):
    from pref_voting.margin_based_methods import beat_path

    cases = []
    for name, m, ballots in ranked_profiles("schulze", rng, 240):
        prof = pwt(m, ballots)
        winners = beat_path(prof)  # algorithm="floyd_warshall"
        for alg in ("basic", "schwartz_sequential_dropping"):
            other = beat_path(prof, algorithm=alg)
            assert sorted(other) == sorted(winners), (name, alg, winners, other)
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {"winners": ids(winners)}
        cases.append(case)
    ref = ("pref_voting 1.18.2 beat_path (= Schulze; algorithm='floyd_warshall', strength = margin, paths only along "
           "edges with margin > 0; ProfileWithTies with extended strict preference; all undefeated candidates)")
    return ref, cases


# --- ranked pairs -----------------------------------------------------------


def rp_cost(prof, m):
    """Number of tie-breaking orders pref_voting's ranked_pairs enumerates (incl. 0-margin edges)."""
    if prof.condorcet_winner() is not None:
        return 1
    groups = {}
    for a in range(m):
        for b in range(m):
            if a != b and prof.margin(a, b) >= 0:
                groups[prof.margin(a, b)] = groups.get(prof.margin(a, b), 0) + 1
    total = 1
    for size in groups.values():
        total *= math.factorial(size)
    return total


def rp_positive_put(prof, m):
    """Independent check: union over tie-breakings of positive-margin edges of the sources of the locked graph."""
    edges = [(a, b, prof.margin(a, b)) for a in range(m) for b in range(m) if a != b and prof.margin(a, b) > 0]
    strengths = sorted({e[2] for e in edges}, reverse=True)
    groups = [[e for e in edges if e[2] == s] for s in strengths]
    if math.prod(math.factorial(len(g)) for g in groups) > 50000:
        return None  # too many orders to enumerate; check skipped

    def orders(i):
        if i == len(groups):
            yield ()
            return
        for first in itertools.permutations(groups[i]):
            for rest in orders(i + 1):
                yield (first,) + rest

    winners = set()
    for order in orders(0):
        reach = [[False] * m for _ in range(m)]
        for grp in order:
            for a, b, _ in grp:
                if reach[b][a]:
                    continue
                for x in range(m):
                    if x == a or reach[x][a]:
                        for y in range(m):
                            if y == b or reach[b][y]:
                                reach[x][y] = True
        winners |= {c for c in range(m) if not any(reach[x][c] for x in range(m))}
    return sorted(winners)


def gen_ranked_pairs(rng):
    from pref_voting.margin_based_methods import ranked_pairs

    cases = []
    skipped = 0
    for name, m, ballots in ranked_profiles("ranked-pairs", rng, 300):
        prof = pwt(m, ballots)
        if rp_cost(prof, m) > 20000:
            skipped += 1
            continue
        try:
            winners = with_timeout(30, ranked_pairs, prof)
        except CaseTimeout:
            skipped += 1
            continue
        mine = rp_positive_put(prof, m)
        assert mine is None or sorted(winners) == mine, (name, winners, mine)
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {"winners": ids(winners)}
        cases.append(case)
    print(f"  ranked-pairs: skipped {skipped} profiles with too many tie-breaking orders", file=sys.stderr)
    ref = ("pref_voting 1.18.2 ranked_pairs (algorithm='basic': Condorcet winner if any, else union over all "
           "tie-breaking orders of equal-margin edges incl. both directions of 0-margin pairs; "
           "ProfileWithTies with extended strict preference)")
    return ref, cases


# --- minimax ----------------------------------------------------------------


def gen_minimax(rng):
    from pref_voting.margin_based_methods import minimax, minimax_scores

    cases = []
    for name, m, ballots in ranked_profiles("minimax", rng, 240):
        prof = pwt(m, ballots)
        case = {"name": name, **ranked_case_fields(m, ballots)}
        case["expected"] = {
            "winners": ids(minimax(prof)),
            "scores": {str(c): num(s) for c, s in minimax_scores(prof).items()},
        }
        cases.append(case)
    ref = ("pref_voting 1.18.2 minimax + minimax_scores(score_method='margins'): score(c) = -max(0, max margin of any "
           "d over c); winners maximise the score (minimise the worst defeat); extended strict preference")
    return ref, cases


# --- stv --------------------------------------------------------------------


class EnumRNG:
    """Replays a fixed sequence of choice indices, recording branching factors (for exhaustive lots)."""

    def __init__(self, path):
        self.path = list(path)
        self.pos = 0
        self.branching = []

    def choice(self, seq):
        seq = list(seq)
        i = self.path[self.pos] if self.pos < len(self.path) else 0
        self.branching.append(len(seq))
        self.pos += 1
        return seq[i]


def all_lot_outcomes(fn, limit=400):
    """Run fn(rng) for every sequence of lot draws. Returns (set of outcomes, lots_drawn) or None if too many."""
    outcomes = set()
    stack = [[]]
    runs = 0
    lots = False
    while stack:
        path = stack.pop()
        rng = EnumRNG(path)
        outcomes.add(tuple(fn(rng)))
        runs += 1
        if runs > limit:
            return None
        if rng.branching:
            lots = True
        # extend: for positions >= len(path), enumerate alternatives
        for pos in range(len(path), len(rng.branching)):
            for alt in range(1, rng.branching[pos]):
                prefix = (path + [0] * (pos - len(path)))[:pos]
                stack.append(prefix + [alt])
    return outcomes, lots


def _instrumented_stv():
    """A copy of stv_scottish whose history tie-break records that it was consulted.

    Used only to label cases ("stvTieBreak"); expected results always come from the real function
    (and are asserted equal to this copy's)."""
    import pref_voting.proportional_methods as pm

    src = textwrap.dedent(inspect.getsource(pm.stv_scottish.vm))
    src = src[src.index("def stv_scottish"):]
    marker = '    def history_prefer(cands, prefer="highest"):\n'
    assert marker in src
    src = src.replace(marker, marker + '        _TIE_LOG.append("history")\n', 1)
    ns = dict(vars(pm))
    log = []
    ns["_TIE_LOG"] = log
    exec(compile(src, "<stv_scottish instrumented>", "exec"), ns)
    return ns["stv_scottish"], log


def gen_stv(rng):
    from pref_voting.proportional_methods import stv_scottish

    instr, tie_log = _instrumented_stv()
    cases = []
    dropped = 0
    for name, m, ballots in ranked_profiles("stv", rng, 300, m_range=(3, 6), p_tie=0.15, p_trunc=0.35):
        # ties inside ballots only in about a quarter of the cases
        if any(len(t) > 1 for _, tiers in ballots for t in tiers) and rng.random() < 0.6:
            ballots = [(c, [[x] for t in tiers for x in t]) for c, tiers in ballots]
        max_seats = min(3, m - 1)
        for seats in range(1, max_seats + 1):
            def run(r, seats=seats):
                return sorted(stv_scottish(pwt(m, ballots, extended=False), num_seats=seats, rng=r))

            res = all_lot_outcomes(run)
            if res is None or len(res[0]) != 1:
                dropped += 1
                continue
            outcomes, lots = res
            elected = list(next(iter(outcomes)))
            for seed in range(5):
                assert run(random.Random(seed)) == elected, (name, seats)
            del tie_log[:]
            assert sorted(instr(pwt(m, ballots, extended=False), num_seats=seats, rng=random.Random(0))) == elected
            tb = "lot" if lots else ("history" if tie_log else "none")
            case = {"name": f"{name}-seats{seats}", **ranked_case_fields(m, ballots), "seats": seats,
                    "stvTieBreak": tb}
            case["expected"] = {"elected": ids(elected)}
            cases.append(case)
    print(f"  stv: dropped {dropped} (profile, seats) pairs whose result depends on lots", file=sys.stderr)
    ref = ("pref_voting 1.18.2 stv_scottish (ProfileWithTies, decimals=5; integer Droop quota floor(N/(k+1))+1 "
           "with N = all ballots; 'elected' is sorted, the reference does not expose election order; only cases "
           "whose result is the same for every possible drawing of lots are kept)")
    return ref, cases


# ---------------------------------------------------------------------------
# Grades
# ---------------------------------------------------------------------------


def grade_profile(m, ballots, grades):
    from pref_voting.grade_profiles import GradeProfile

    return GradeProfile([dict((int(k), v) for k, v in g.items()) for _, g in ballots], grades,
                        gcounts=[c for c, _ in ballots], candidates=list(range(m)))


def random_grade_ballots(rng, m, n, lo, hi, p_missing, max_types=8):
    out = []
    for c in split_counts(rng, n, max_types):
        g = {}
        for x in range(m):
            if rng.random() >= p_missing:
                g[x] = rng.randint(lo, hi)
        out.append((c, g))
    return out


def grade_cases(rng, count, ranges, p_missing_choices, complete=False):
    """Yields (name, m, ballots, (lo, hi))."""
    for i in range(count):
        lo, hi = rng.choice(ranges)
        small = rng.random() < 0.3
        if small:
            m = rng.randint(3, 4)
            n = rng.choice([2, 3, 4, 5, 6])
            # a narrow set of grades makes ties likely
            hi_eff = min(hi, lo + rng.choice([1, 2, hi - lo]))
        else:
            m = rng.randint(3, 6)
            n = voter_count(rng, i)
            hi_eff = hi
        p_missing = 0.0 if complete else rng.choice(p_missing_choices)
        ballots = random_grade_ballots(rng, m, n, lo, hi_eff, p_missing)
        yield f"random-{i}", m, ballots, (lo, hi)


def grade_fields(m, ballots, rng_):
    return {
        "candidates": cands(m),
        "grades": [{"count": c, "grades": {str(k): v for k, v in sorted(g.items())}} for c, g in ballots],
        "gradeRange": list(rng_),
    }


def gen_approval(rng):
    from pref_voting.grade_methods import approval

    cases = []
    for i in range(240):
        small = rng.random() < 0.3
        m = rng.randint(3, 4) if small else rng.randint(3, 8)
        n = rng.choice([2, 3, 4, 5, 6]) if small else voter_count(rng, i)
        p = rng.choice([0.2, 0.35, 0.5, 0.7])
        ballots = []
        explicit_zero = rng.random() < 0.5
        for c in split_counts(rng, n, 8):
            appr = sorted(x for x in range(m) if rng.random() < p)
            ballots.append((c, appr))
        gmaps = [(c, {x: (1 if x in appr else 0) for x in range(m)} if explicit_zero else {x: 1 for x in appr})
                 for c, appr in ballots]
        gp = grade_profile(m, [(c, {str(k): v for k, v in g.items()}) for c, g in gmaps], [0, 1])
        winners = approval(gp)
        scores = {str(x): num(gp.sum(x)) if gp.has_grade(x) else 0 for x in range(m)}
        case = {"name": f"random-{i}", "candidates": cands(m),
                "approvals": [{"count": c, "approved": [str(x) for x in appr]} for c, appr in ballots]}
        case["expected"] = {"winners": ids(winners), "scores": scores}
        cases.append(case)
    ref = ("pref_voting 1.18.2 grade_methods.approval (GradeProfile with grades [0, 1]; approved = 1, not approved = 0 "
           "or ungraded, which approval() counts as 0; scores = approval counts; all tied winners)")
    return ref, cases


def gen_score(rng):
    from pref_voting.grade_methods import score_voting

    cases = []
    ranges = [(0, 5)] * 4 + [(0, 10), (1, 5), (0, 3)]
    for name, m, ballots, (lo, hi) in grade_cases(rng, 240, ranges, [0.0, 0.0, 0.15, 0.35]):
        if rng.random() < 0.03:  # occasionally a candidate nobody grades
            ballots = [(c, {k: v for k, v in g.items() if k != m - 1}) for c, g in ballots]
        gp = grade_profile(m, [(c, {str(k): v for k, v in g.items()}) for c, g in ballots], list(range(lo, hi + 1)))
        winners = score_voting(gp)  # evaluation_method="sum", ungraded_score=None
        scores = {str(x): num(gp.sum(x)) for x in range(m) if gp.has_grade(x)}
        case = {"name": name, **grade_fields(m, ballots, (lo, hi))}
        case["expected"] = {"winners": ids(winners), "scores": scores}
        cases.append(case)
    ref = ("pref_voting 1.18.2 grade_methods.score_voting (evaluation_method='sum', ungraded_score=None: a missing "
           "grade adds nothing; a candidate graded by nobody gets no score and cannot win; all tied winners)")
    return ref, cases


def gen_star(rng):
    from pref_voting.grade_methods import star

    cases = []
    for name, m, ballots, rg in grade_cases(rng, 240, [(0, 5)], [0.0], complete=True):
        if m < 2:
            continue
        gp = grade_profile(m, [(c, {str(k): v for k, v in g.items()}) for c, g in ballots], [0, 1, 2, 3, 4, 5])
        winners = star(gp)
        scores = {str(x): num(gp.sum(x)) for x in range(m)}
        case = {"name": name, **grade_fields(m, ballots, rg)}
        case["expected"] = {"winners": ids(winners), "scores": scores}
        cases.append(case)
    ref = ("pref_voting 1.18.2 grade_methods.star (GradeProfile, grades 0..5, complete ballots; scores = first-round "
           "sums; runoff by head-to-head margin; ties handled by parallel universes, see report)")
    return ref, cases


def gen_majority_judgment(rng):
    from pref_voting.grade_methods import majority_judgement

    cases = []
    ranges = [(0, 5)] * 4 + [(0, 3), (0, 6), (1, 4)]
    for name, m, ballots, (lo, hi) in grade_cases(rng, 240, ranges, [0.0], complete=True):
        gp = grade_profile(m, [(c, {str(k): v for k, v in g.items()}) for c, g in ballots], list(range(lo, hi + 1)))
        winners = majority_judgement(gp)
        case = {"name": name, **grade_fields(m, ballots, (lo, hi))}
        case["expected"] = {"winners": ids(winners),
                            "scores": {str(x): num(gp.median(x)) for x in range(m)}}
        cases.append(case)
    ref = ("pref_voting 1.18.2 grade_methods.majority_judgement (GradeProfile, complete ballots; lower median, then ONE "
           "tie-break step tiebreaker_majority_judgement; scores = lower median grade)")
    return ref, cases


# ---------------------------------------------------------------------------
# Approval committees (abcvoting)
# ---------------------------------------------------------------------------


def random_approval_ballots(rng, m, n, p, max_types=8, allow_empty=True):
    out = []
    for c in split_counts(rng, n, max_types):
        appr = sorted(x for x in range(m) if rng.random() < p)
        if not appr and not allow_empty:
            appr = [rng.randrange(m)]
        out.append((c, appr))
    return out


def approval_committee_cases(rng, count):
    for i in range(count):
        small = rng.random() < 0.3
        m = rng.randint(3, 5) if small else rng.randint(3, 8)
        n = rng.choice([2, 3, 4, 5, 6]) if small else voter_count(rng, i)
        p = rng.choice([0.25, 0.4, 0.55])
        ballots = random_approval_ballots(rng, m, n, p, allow_empty=rng.random() < 0.3)
        if all(not a for _, a in ballots):
            ballots[0] = (ballots[0][0], [0])
        k = rng.randint(1, min(4, m - 1))
        yield f"random-{i}", m, ballots, k


def abc_profile(m, ballots):
    from abcvoting.preferences import Profile, Voter

    prof = Profile(m)
    for c, appr in ballots:
        prof.add_voter(Voter(appr, weight=c))
    return prof


def abc_expand(m, ballots):
    from abcvoting.preferences import Profile

    prof = Profile(m)
    for c, appr in ballots:
        for _ in range(c):
            prof.add_voter(appr)
    return prof


def gen_abc(rule_id, algorithm, check_algorithm, rng, ref):
    from abcvoting import abcrules

    cases = []
    for name, m, ballots, k in approval_committee_cases(rng, 240):
        prof = abc_profile(m, ballots)
        comms = abcrules.compute(rule_id, prof, k, algorithm=algorithm, resolute=False, max_num_of_committees=None)
        out = committees_out(comms)
        # cross-checks: another algorithm, and unit-weight voters instead of weights
        if check_algorithm:
            other = abcrules.compute(rule_id, prof, k, algorithm=check_algorithm, resolute=False,
                                     max_num_of_committees=None)
            assert committees_out(other) == out, (rule_id, name)
        expanded = abcrules.compute(rule_id, abc_expand(m, ballots), k, algorithm=algorithm, resolute=False,
                                    max_num_of_committees=None)
        assert committees_out(expanded) == out, (rule_id, name, "weights")
        case = {"name": name, "candidates": cands(m),
                "approvals": [{"count": c, "approved": [str(x) for x in appr]} for c, appr in ballots],
                "seats": k}
        case["expected"] = {"committees": out}
        cases.append(case)
    return ref, cases


def gen_pav(rng):
    return gen_abc("pav", "brute-force", "branch-and-bound", rng,
                   "abcvoting 2.19.2 abcrules.compute('pav', algorithm='brute-force', resolute=False, "
                   "max_num_of_committees=None): all committees of size k maximising sum_v w_v * H(|A_v ∩ W|), "
                   "exact Fractions")


def gen_phragmen(rng):
    return gen_abc("seqphragmen", "standard-fractions", "float-fractions", rng,
                   "abcvoting 2.19.2 abcrules.compute('seqphragmen', algorithm='standard-fractions', resolute=False, "
                   "max_num_of_committees=None): sequential Phragmén, all tie-breakings (parallel universes)")


def gen_equal_shares(rng):
    return gen_abc("equal-shares", "standard-fractions", "float-fractions", rng,
                   "abcvoting 2.19.2 abcrules.compute('equal-shares', algorithm='standard-fractions', resolute=False, "
                   "max_num_of_committees=None): Method of Equal Shares, budget k/n per voter, candidate cost 1, "
                   "completed by seq-Phragmén started from loads = -remaining budget; all tie-breakings")


# ---------------------------------------------------------------------------
# Participatory budgeting (pabutools)
# ---------------------------------------------------------------------------


def pb_cases(rng, count):
    for i in range(count):
        small = rng.random() < 0.3
        m = rng.randint(3, 5) if small else rng.randint(3, 8)
        n = rng.choice([2, 3, 4, 5, 6]) if small else voter_count(rng, i)
        if rng.random() < 0.25:
            # few distinct costs -> more ties in cost-based rules
            palette = [rng.randint(1, 100) for _ in range(2)]
            costs = [rng.choice(palette) for _ in range(m)]
        else:
            costs = [rng.randint(1, 100) for _ in range(m)]
        total = sum(costs)
        budget = max(max(1, min(costs)), int(total * rng.choice([0.3, 0.4, 0.5, 0.6, 0.7])))
        if rng.random() < 0.1:
            budget = max(costs) - 1 if max(costs) > min(costs) else budget  # some project can never fit
        p = rng.choice([0.25, 0.4, 0.55])
        ballots = random_approval_ballots(rng, m, n, p, allow_empty=rng.random() < 0.3)
        if all(not a for _, a in ballots):
            ballots[0] = (ballots[0][0], [0])
        yield f"random-{i}", m, ballots, costs, budget


def pb_instance(m, ballots, costs, budget):
    from pabutools.election import ApprovalBallot, ApprovalProfile, Instance, Project

    projects = [Project(str(i), costs[i]) for i in range(m)]
    inst = Instance(projects, budget_limit=budget)
    prof = ApprovalProfile(instance=inst)
    for c, appr in ballots:
        for _ in range(c):
            prof.append(ApprovalBallot([projects[i] for i in appr]))
    return inst, prof


def pb_fields(m, ballots, costs, budget):
    return {
        "candidates": cands(m),
        "approvals": [{"count": c, "approved": [str(x) for x in appr]} for c, appr in ballots],
        "costs": {str(i): costs[i] for i in range(m)},
        "budget": budget,
    }


def pb_allocs_out(allocs):
    return committees_out([[int(p.name) for p in a] for a in allocs])


def gen_pb(rng, rule, ref):
    cases = []
    skipped = 0
    for name, m, ballots, costs, budget in pb_cases(rng, 240):
        inst, prof = pb_instance(m, ballots, costs, budget)
        try:
            allocs = with_timeout(60, rule, inst, prof, len(prof))
        except CaseTimeout:
            skipped += 1
            continue
        out = pb_allocs_out(allocs)
        for a in out:
            assert sum(costs[int(x)] for x in a) <= budget, (name, a)
        case = {"name": name, **pb_fields(m, ballots, costs, budget)}
        case["expected"] = {"committees": out}
        cases.append(case)
    if skipped:
        print(f"  skipped {skipped} slow PB cases", file=sys.stderr)
    return ref, cases


def gen_pb_greedy(rng):
    from pabutools.election import Cost_Sat
    from pabutools.rules import greedy_utilitarian_welfare

    def rule(inst, prof, n):
        res = greedy_utilitarian_welfare(inst, prof, sat_class=Cost_Sat, resoluteness=False)
        one = greedy_utilitarian_welfare(inst, prof, sat_class=Cost_Sat, resoluteness=True)
        assert sorted(p.name for p in one) in [sorted(p.name for p in a) for a in res]
        return res

    return gen_pb(rng, rule,
                  "pabutools 1.2.3 greedy_utilitarian_welfare(sat_class=Cost_Sat, resoluteness=False): repeatedly take "
                  "the project with most approvals (Cost_Sat gain / cost = #approvers) among those that still fit; "
                  "all tie orders")


def gen_pb_greedy_cost(rng):
    from pabutools.election import Cardinality_Sat
    from pabutools.rules import greedy_utilitarian_welfare

    def rule(inst, prof, n):
        res = greedy_utilitarian_welfare(inst, prof, sat_class=Cardinality_Sat, resoluteness=False)
        one = greedy_utilitarian_welfare(inst, prof, sat_class=Cardinality_Sat, resoluteness=True)
        assert sorted(p.name for p in one) in [sorted(p.name for p in a) for a in res]
        return res

    return gen_pb(rng, rule,
                  "pabutools 1.2.3 greedy_utilitarian_welfare(sat_class=Cardinality_Sat, resoluteness=False): repeatedly "
                  "take the project with most approvals per unit cost among those that still fit; all tie orders")


MES_DIFFS = {"cases": 0, "differ_from_voter_budget_increment": 0}


def gen_pb_equal_shares(rng):
    from pabutools.election import Cost_Sat
    from pabutools.rules import (completion_by_rule_combination, exhaustion_by_budget_increase,
                                 greedy_utilitarian_welfare, method_of_equal_shares)

    def rule(inst, prof, n):
        res = completion_by_rule_combination(
            inst, prof,
            [exhaustion_by_budget_increase, greedy_utilitarian_welfare],
            [
                {"rule": method_of_equal_shares, "rule_params": {"sat_class": Cost_Sat}, "budget_step": n},
                {"sat_class": Cost_Sat},
            ],
            resoluteness=False,
        )
        # statistics for the report: the MES-internal add1 variant (voter_budget_increment=1) + greedy
        alt = completion_by_rule_combination(
            inst, prof, [method_of_equal_shares, greedy_utilitarian_welfare],
            [{"sat_class": Cost_Sat, "voter_budget_increment": 1}, {"sat_class": Cost_Sat}],
            resoluteness=False,
        )
        MES_DIFFS["cases"] += 1
        if pb_allocs_out(alt) != pb_allocs_out(res):
            MES_DIFFS["differ_from_voter_budget_increment"] += 1
        return res

    ref, cases = gen_pb(rng, rule,
                        "pabutools 1.2.3 completion_by_rule_combination([exhaustion_by_budget_increase, "
                        "greedy_utilitarian_welfare], [{rule: method_of_equal_shares, rule_params: {sat_class: Cost_Sat}, "
                        "budget_step: number of voters}, {sat_class: Cost_Sat}], resoluteness=False): MES with cost "
                        "satisfaction, Add1 (every voter +1 per step until the outcome is exhaustive or the next one "
                        "overspends), then greedy by approvals")
    print(f"  pb-equal-shares: {MES_DIFFS}", file=sys.stderr)
    return ref, cases



# The other completions of equal shares, each in a file of its own with method pb-equal-shares:
# every case carries the completion ("completion", "addOneStop") the Swift test sets on its rules.
COMPLETION_VARIANTS = {
    # add-one alone, stopping at the first exhaustive outcome (the equalshares.net tool's "Add1",
    # as Wieliczka, Aarau and Swiecie counted)
    "add-one": ("add-one", "exhaustive"),
    # add-one alone, raising until the next raise would overspend
    "add-one-over-budget": ("add-one", "over-budget"),
    # add-one until the next raise would overspend, then greedy
    "add-one-greedy-over-budget": ("add-one-greedy", "over-budget"),
    # greedy completion at the real budget (the tool's "utilitarian")
    "greedy": ("greedy", None),
    # equal shares at the real budget and nothing more
    "none": ("none", None),
}


def gen_pb_equal_shares_variant(variant):
    completion, stop = COMPLETION_VARIANTS[variant]

    def generate(rng):
        from pabutools.election import Cost_Sat
        from pabutools.rules import (completion_by_rule_combination, exhaustion_by_budget_increase,
                                     greedy_utilitarian_welfare, method_of_equal_shares)

        def rule(inst, prof, n):
            mes = {"sat_class": Cost_Sat}
            greedy = (greedy_utilitarian_welfare, {"sat_class": Cost_Sat})
            if completion in ("add-one", "add-one-greedy"):
                first = (exhaustion_by_budget_increase,
                         {"rule": method_of_equal_shares, "rule_params": mes, "budget_step": n,
                          "exhaustive_stop": stop == "exhaustive"})
            else:
                first = (method_of_equal_shares, mes)
            rules = [first] + ([greedy] if completion in ("add-one-greedy", "greedy") else [])
            if len(rules) == 1:
                return rules[0][0](inst, prof, **rules[0][1], resoluteness=False)
            return completion_by_rule_combination(inst, prof, [r for r, _ in rules], [p for _, p in rules],
                                                  resoluteness=False)

        calls = {
            "add-one": "exhaustion_by_budget_increase(rule=method_of_equal_shares, rule_params={sat_class: Cost_Sat}, "
                       "budget_step=number of voters, exhaustive_stop=%s)" % (stop == "exhaustive"),
            "add-one-greedy": "completion_by_rule_combination([exhaustion_by_budget_increase, greedy_utilitarian_welfare], "
                              "[{rule: method_of_equal_shares, rule_params: {sat_class: Cost_Sat}, budget_step: number of "
                              "voters, exhaustive_stop: %s}, {sat_class: Cost_Sat}])" % (stop == "exhaustive"),
            "greedy": "completion_by_rule_combination([method_of_equal_shares, greedy_utilitarian_welfare], "
                      "[{sat_class: Cost_Sat}, {sat_class: Cost_Sat}])",
            "none": "method_of_equal_shares(sat_class=Cost_Sat)",
        }
        ref, cases = gen_pb(rng, rule, f"pabutools 1.2.3 {calls[completion]}, resoluteness=False")
        for case in cases:
            case["completion"] = completion
            if stop:
                case["addOneStop"] = stop
        return ref, cases

    return generate


# ---------------------------------------------------------------------------

GENERATORS = {
    "plurality": gen_plurality,
    "irv": gen_irv,
    "borda": gen_borda,
    "condorcet": gen_condorcet,
    "copeland": gen_copeland,
    "schulze": gen_schulze,
    "ranked-pairs": gen_ranked_pairs,
    "minimax": gen_minimax,
    "stv": gen_stv,
    "approval": gen_approval,
    "score": gen_score,
    "star": gen_star,
    "majority-judgment": gen_majority_judgment,
    "pav": gen_pav,
    "phragmen": gen_phragmen,
    "equal-shares": gen_equal_shares,
    "pb-greedy": gen_pb_greedy,
    "pb-greedy-cost": gen_pb_greedy_cost,
    "pb-equal-shares": gen_pb_equal_shares,
    **{f"pb-equal-shares-{v}": gen_pb_equal_shares_variant(v) for v in COMPLETION_VARIANTS},
}


def write_vectors(method, reference, cases):
    """Writes Vectors/<method>.json; a completion variant's file names pb-equal-shares as its method."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in cases]
    counted = "pb-equal-shares" if method.startswith("pb-equal-shares-") else method
    head = json.dumps({"method": counted, "reference": reference}, ensure_ascii=False)[:-1]
    text = head + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n"
    json.loads(text)  # sanity
    path = OUT_DIR / f"{method}.json"
    path.write_text(text, encoding="utf-8")
    return path, len(text.encode("utf-8"))


def main(argv):
    check_versions()
    wanted = argv or list(GENERATORS)
    unknown = [w for w in wanted if w not in GENERATORS]
    if unknown:
        sys.exit(f"unknown method(s): {', '.join(unknown)}; known: {', '.join(GENERATORS)}")
    for method in wanted:
        print(f"{method} ...", file=sys.stderr)
        rng = random.Random(SEEDS[method])
        reference, cases = GENERATORS[method](rng)
        path, size = write_vectors(method, reference, cases)
        print(f"  {len(cases)} cases, {size // 1024} KB -> {path.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
