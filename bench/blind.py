"""The blind evaluation set of tests/gold/questions/: its knowledge base and judged rows.

The questions and practice queries were written by an examiner who never saw the system,
over corpus/ and the real documents of tests/realdocs/docs/ (see `sources`). Both bench/answers.py and
bench/retrieval.py read them through this module.
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.kb import KnowledgeBase  # noqa: E402

GOLD = ROOT / "tests/gold/questions"
# What each set was judged over: the questions over the corpus and real documents 01–504 (round 7
# added 157–204, round 9 205–228, round 10 229–240, round 11 241–252, … round 23 349–360, round 24
# 361–372, round 25 373–384, round 26 385–396, round 27 397–408,
# round 28 409–420, round 29 421–432, round 30 433–444, round 31 445–456,
# round 32 457–468, round 33 469–480, round 34 481–492, round 35 493–504), the practice queries over 01–156
# only.
# Documents a query was never judged on would count their rows against every query that they
# answer, so its knowledge base leaves them out.
QUESTIONS_JUDGED_UP_TO = 504
QUERIES_JUDGED_UP_TO = 156


def sources(up_to: int) -> tuple[Path, ...]:
    docs = ROOT / "tests/realdocs/docs"
    return (ROOT / "corpus", *sorted(p for p in docs.iterdir() if int(p.name.split("_", 1)[0]) <= up_to))


@dataclass(frozen=True)
class Question:
    id: str
    split: str  # dev | holdout
    type: str  # who | when | where | school | how_many | method | is_there
    text: str
    answers: tuple[str, ...]
    file: str


@dataclass(frozen=True)
class Query:
    id: str
    split: str
    text: str
    relevant: tuple[tuple[str, str], ...]  # (file, substring of the row's activity)


def questions() -> list[Question]:
    with open(GOLD / "questions.tsv", encoding="utf-8") as f:
        return [
            Question(
                r["id"],
                r["split"],
                r["type"],
                r["question"],
                tuple(a.strip() for a in r["answers"].split(" | ")),
                r["file"],
            )
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def queries() -> list[Query]:
    with open(GOLD / "queries.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Query(r["id"], r["split"], r["query"], tuple(tuple(x.split(" :: ", 1)) for x in r["relevant"].split(" || ")))
        for r in rows
    ]


def knowledge_base(path: str | None, up_to: int) -> KnowledgeBase:
    """The blind set's knowledge base of the documents up to `up_to`; built once into `path` and
    reused (re-ingesting is a no-op, so one path serves one `up_to`)."""
    root = Path(path) if path else Path(tempfile.mkdtemp(prefix="praktika-blind-"))
    mark = root / "judged_up_to.txt"  # one folder, one range: a query must not meet documents never judged for it
    if mark.exists() and mark.read_text().strip() != str(up_to):
        raise SystemExit(f"{root} holds documents up to {mark.read_text().strip()}, not {up_to}: use another --kb")
    root.mkdir(parents=True, exist_ok=True)
    mark.write_text(str(up_to))
    kb = KnowledgeBase.open(root)
    results = kb.ingest(list(sources(up_to)))
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        print(f"not ingested: {r}", file=sys.stderr)
    return kb


def squash(text: str) -> str:
    """Case, «ё», quotes, dashes and spaces folded: how judged strings are compared."""
    text = text.lower().replace("ё", "е").replace("\u00a0", " ")
    for a, b in (("«", '"'), ("»", '"'), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-")):
        text = text.replace(a, b)
    return " ".join(text.split())


def relevant_ids(kb: KnowledgeBase, query: Query) -> tuple[set[int], list[tuple[str, str]]]:
    """Item ids of the judged rows, and the rows no stored item holds (reported, never dropped)."""
    items = _items(kb)
    found, lost = set(), []
    for file, part in query.relevant:
        quoted = squash(_unmarked(part))
        ids = {i for i, (source, text) in items.items() if source == file and quoted in text}
        found |= ids
        if not ids:
            lost.append((file, part))
    return found, lost


def _unmarked(part: str) -> str:
    """A judged row quoted with its source's table markup («| | 4.1 | Обеспечение подключения»,
    a word cut by its line's hyphen «общеобра-») is matched by its words alone."""
    words = re.sub(r"^[\s|]*(?:\d+(?:\.\d+)*\.?\s*\|\s*)?", "", part)
    words = re.sub(r"\s*\S+-$", "", words).strip()
    return words if len(words) >= 12 else part  # markup alone, or one cut word, is matched as quoted


_CACHE: dict[int, dict[int, tuple[str, str]]] = {}


def _items(kb: KnowledgeBase) -> dict[int, tuple[str, str]]:
    key = id(kb)
    if key not in _CACHE:
        table = kb.items()
        _CACHE[key] = {
            int(r.item_id): (r.source, squash(" ".join(str(x) for x in (r.activity, r.description, r.result) if x)))
            for r in table.itertuples()
        }
    return _CACHE[key]
