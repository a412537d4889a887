"""Exact-answer accuracy on the blind questions (tests/gold/questions/), per type and split.

    .venv/bin/python bench/answers.py [--kb DIR] [--details] [--tuning] [--since N] [--until N]

An answer is exact when its first value holds an accepted string, or its lemmas in order
(case endings aside), and is not much longer than it (a whole activity cell does not count
as naming the method); «сколько» wants the
accepted number as the first number of the answer; «есть ли» wants «да» when something was
found and «нет» when not. `lenient` counts an accepted string anywhere in the answer.
`--details` prints the dev questions answered wrongly (never the holdout ones); `--tuning` does
not even ask the held-out questions.
"""

from __future__ import annotations

import argparse
import collections
import re
import time

from blind import QUESTIONS_JUDGED_UP_TO, Question, knowledge_base, questions, squash

from index.answers import Answer
from index.lemmas import lemmas

TYPES = ("who", "when", "where", "school", "how_many", "method", "is_there")


def judge(q: Question, a: Answer) -> tuple[bool, bool]:
    """(exact, lenient) for one answer."""
    if q.type == "is_there":
        ok = (q.answers[0] == "да") == a.found
        return ok, ok
    if not a.found or not a.facts:
        return False, False
    first = squash(a.facts[0].value)
    accepted = [squash(x) for x in q.answers]
    lenient = any(x in squash(a.text) for x in accepted)
    if q.type == "how_many":
        number = re.search(r"\d+", first.replace(" ", ""))
        return bool(number and number.group() in accepted), lenient
    # both sides' lemmas from the text as printed: a lower-cased «сош» would lose its expansion
    exact = any(x in first and len(first) <= 2 * len(x) + 25 for x in accepted) or any(
        _within(lemmas(x), lemmas(a.facts[0].value)) for x in q.answers
    )
    return exact, lenient


def _within(want: list[str], got: list[str]) -> bool:
    """The accepted answer's lemmas, in order, inside an answer at most twice as long (plus three
    words): «индивидуальных образовательных маршрутов» names «индивидуальные образовательные маршруты»."""
    n = len(want)
    if not n or len(got) > 2 * n + 3:
        return False
    return any(got[i : i + n] == want for i in range(len(got) - n + 1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kb")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--tuning", action="store_true", help="hide the held-out split (while changing rules)")
    ap.add_argument("--since", type=int, default=1, help="only questions numbered from this on (a round's first run)")
    ap.add_argument("--until", type=int, default=10**6, help="only questions numbered up to this (an earlier round)")
    args = ap.parse_args()
    splits = ("dev",) if args.tuning else ("dev", "holdout")
    kb = knowledge_base(args.kb, QUESTIONS_JUDGED_UP_TO)
    qs = [q for q in questions() if q.split in splits and args.since <= int(q.id[1:]) <= args.until]
    score: dict[tuple[str, str], list[tuple[bool, bool]]] = collections.defaultdict(list)
    wrong, seconds = [], []
    for q in qs:
        t0 = time.perf_counter()
        a = kb.ask(q.text)
        seconds.append(time.perf_counter() - t0)
        exact, lenient = judge(q, a)
        score[(q.split, q.type)].append((exact, lenient))
        if not exact and q.split == "dev":
            wrong.append((q, a))
    print(f"{len(qs)} questions; median answer time {sorted(seconds)[len(seconds) // 2] * 1000:.0f} ms")
    print(f"{'type':<10}" + "".join(f"{s + ' exact':>16}{'lenient':>9}" for s in splits))
    for t in (*TYPES, "all"):
        row = f"{t:<10}"
        for split in splits:
            xs = [x for (s, ty), v in score.items() if s == split and t in (ty, "all") for x in v]
            ex = sum(e for e, _ in xs)
            le = sum(lenient for _, lenient in xs)
            row += f"{ex:>8}/{len(xs):<3}{ex / max(len(xs), 1):>5.0%}{le / max(len(xs), 1):>9.0%}"
        print(row)
    if args.details:
        for q, a in wrong:
            print(f"\n{q.id} {q.type}: {q.text}\n  want: {' | '.join(q.answers)}\n  got ({a.asks}): {a.text[:300]}")


if __name__ == "__main__":
    main()
