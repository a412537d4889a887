"""The ingest report: how a batch went, file by file and in sum, for the CLI, the page and scripts.

summary = summarise(results)
print(as_text(summary))                  # the table `praktika ingest` ends with
Path("report.json").write_text(as_json(results, summary))
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from app import words
from index.results import IngestResult

# The report's rows, in order; «warned» counts files stored with a warning (no items, text not placed).
ROWS = (
    ("added", "добавлено"),
    ("replaced", "обновлено"),
    ("unchanged", "без изменений"),
    ("duplicate", "дубликатов"),
    ("warned", "с предупреждениями"),
    ("failed", "с ошибками"),
)


@dataclass
class Summary:
    files: int
    items: int  # items stored by this batch
    counts: dict[str, int]  # status (and «warned») → files
    failures: dict[str, list[str]] = field(default_factory=dict)  # reason → files
    empty: list[str] = field(default_factory=list)  # stored with no item


def summarise(results: list[IngestResult]) -> Summary:
    counts = Counter(r.status for r in results)
    counts["warned"] = sum(1 for r in results if r.warning)
    failures: dict[str, list[str]] = defaultdict(list)
    for r in results:
        if r.status == "failed":
            failures[r.reason or r.message.split(":")[0]].append(r.path)
    return Summary(
        files=len(results),
        items=sum(r.items for r in results if r.status in ("added", "replaced")),
        counts={key: counts[key] for key, _ in ROWS},
        failures=dict(sorted(failures.items(), key=lambda kv: -len(kv[1]))),
        empty=[r.path for r in results if r.status in ("added", "replaced") and not r.items],
    )


def line(r: IngestResult) -> str:
    """One file's outcome: «добавлен  plan.txt (12 пунктов)», with its warning or reason after a dash."""
    text = f"{words.STATUS[r.status]:<14} {r.path}"
    if r.status in ("added", "replaced"):
        text += f" ({words.items(r.items)})"
    if r.warning:
        text += f" — ПРЕДУПРЕЖДЕНИЕ: {r.warning}"
    elif r.message:
        text += f": {r.message}"
    return text


def as_text(s: Summary) -> str:
    """The summary table, then failures grouped by reason (each with a few of its files)."""
    width = max(len(label) for _, label in ROWS)
    out = [f"Итог приёма: {words.files(s.files)}, сохранено {words.items(s.items)}"]
    out += [f"  {label:<{width}} {s.counts[key]:>6}" for key, label in ROWS]
    if s.empty:
        out.append(f"Без единого пункта: {words.files(len(s.empty))}")
    if s.failures:
        out.append("Ошибки по причинам:")
        for reason, paths in s.failures.items():
            shown = ", ".join(paths[:3]) + (f" и ещё {len(paths) - 3}" if len(paths) > 3 else "")
            out.append(f"  {reason}: {words.files(len(paths))} ({shown})")
    return "\n".join(out)


def as_json(results: list[IngestResult], s: Summary) -> str:
    """For operators' scripts: the summary and every file's result (keys in English)."""
    return json.dumps({"summary": asdict(s), "files": [asdict(r) for r in results]}, ensure_ascii=False, indent=1)
