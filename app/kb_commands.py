"""`praktika ingest | search | similar | stats | remove | reindex`: the knowledge base from the shell."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from dataclasses import asdict

from app import words
from index.results import cite


def _open(args: Namespace, reindexing: bool = False):
    from index.kb import KnowledgeBase

    return KnowledgeBase.open(args.kb, reindexing=reindexing)


def _progress(n: int, total: int, name: str) -> None:
    width = 30
    done = int(width * n / total) if total else width
    print(
        f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {name[:40]:<40}",
        end="",
        file=sys.stderr,
        flush=True,
    )
    if n == total:
        print(file=sys.stderr)


def ingest(args: Namespace) -> int:
    from app import report

    kb = _open(args)
    results = kb.ingest(args.paths, progress=_progress, cluster=args.cluster)
    for r in results:
        print(report.line(r))
    summary = report.summarise(results)
    print(report.as_text(summary))
    if args.report:
        try:
            with open(args.report, "w", encoding="utf-8") as f:
                f.write(report.as_json(results, summary))
        except OSError as e:
            print(f"Отчёт не записан: {args.report}: {e.strerror}", file=sys.stderr)
            return 1
    stats = kb.stats()
    print(f"В базе: {words.documents(stats.documents)}, {words.items(stats.items)}")
    return 1 if summary.counts["failed"] else 0


def _print_hits(hits, as_json: bool) -> None:
    if as_json:
        for h in hits:
            print(json.dumps(asdict(h), ensure_ascii=False))
        return
    for n, h in enumerate(hits, start=1):
        i = h.item
        print(f"{n:>2}. [{h.item_id}] {i.activity[:110]}")
        print(f"     {cite(h)}")
        if i.deadline or i.responsible:
            print(f"     срок: {i.deadline or '—'} · ответственные: {(i.responsible or '—')[:80]}")
        ranks = f"смысл #{h.dense_rank or '—'}, слова #{h.lexical_rank or '—'}"
        terms = f" · совпали слова: {', '.join(h.matched_terms)}" if h.matched_terms else ""
        print(f"     {ranks}{terms}")


def search(args: Namespace) -> int:
    from index.results import Filters

    kb = _open(args)
    filters = Filters(
        region=args.region,
        municipality=args.municipality,
        kind=args.kind,
        year_from=args.year_from,
        year_to=args.year_to,
        entity=args.entity,
    )
    _print_hits(kb.search(args.query, filters, k=args.k), args.json)
    return 0


def similar(args: Namespace) -> int:
    kb = _open(args)
    try:
        hits = kb.similar(args.item, other_regions=args.other_regions, k=args.k)
    except KeyError as e:
        print(f"Нет такого пункта: {e}", file=sys.stderr)
        return 2
    _print_hits(hits, args.json)
    return 0


def stats(args: Namespace) -> int:
    s = _open(args).stats()
    print(
        f"Документов: {s.documents}, пунктов: {s.items}, векторов: {s.vectors}, "
        f"сущностей: {s.entities}; модель: {s.model} ({s.dim}, {s.engine})"
    )
    for region, items in s.regions:
        print(f"  {region or '—'}: {words.items(items)}")
    if s.empty_documents:
        print(f"Документы без единого пункта ({len(s.empty_documents)}):")
        for source in s.empty_documents:
            print(f"  {source}")
    print("Проверка: " + ("в порядке" if not s.problems else "; ".join(s.problems)))
    return 0 if not s.problems else 1


def remove(args: Namespace) -> int:
    try:
        n = _open(args).remove(args.document)
    except KeyError:
        print(f"Нет такого документа: {args.document}", file=sys.stderr)
        return 2
    print(f"Удалён документ и {words.items(n)}")
    return 0


def reindex(args: Namespace) -> int:
    n = _open(args, reindexing=True).reindex()
    print(f"Пересчитано векторов: {n}")
    return 0


def ask(args: Namespace) -> int:
    from index.results import Filters

    answer = _open(args).ask(args.question, Filters(region=args.region))
    if args.json:
        data = asdict(answer)
        data["citations"] = [answer.citation(n) for n in range(1, len(answer.evidence) + 1)]
        print(json.dumps(data, ensure_ascii=False, default=str))
        return 0 if answer.found else 1
    print(f"Вопрос «{words.ASKED[answer.asks]}», тема: {', '.join(answer.topic) or '—'}")
    print(answer.text)
    print("Источники:" if answer.found else "Ближайшие пункты:")
    for n in range(1, len(answer.evidence) + 1):
        print("  " + answer.citation(n))
    return 0 if answer.found else 1


def serve(args: Namespace) -> int:
    from app.web import serve as run

    run(args.kb, host=args.host, port=args.port, read_only=args.read_only)
    return 0


def snapshot(args: Namespace) -> int:
    from index.kb import KnowledgeBase

    generation = _open(args).snapshot(args.target)
    s = KnowledgeBase.open(args.target, read_only=True).stats()
    held = f"{words.documents(s.documents)}, {words.items(s.items)}"
    print(f"Копия записана в {args.target}: {held} (поколение {generation})")
    return 0
