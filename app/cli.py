"""`praktika` command line. Output speaks Russian; JSON keys stay English for programs."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict

from app import kb_commands
from pipeline.labels import RUSSIAN
from pipeline.parse import Outcome, files_in, parse_many
from pipeline.records import Document, Item


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="praktika", description="Praktika: база практик из документов")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="разобрать файл или папку и показать документы и пункты")
    p.add_argument("target", help="файл (TXT, DOCX, DOC, RTF, ODT, PDF, HTML) или папка")
    p.add_argument("--json", action="store_true", help="JSON Lines: один объект на пункт")
    p.add_argument("--summary", action="store_true", help="только сводная таблица")
    p.add_argument("--no-entities", action="store_true", help="не размечать сущности (быстрее)")
    p.set_defaults(
        run=lambda a: parse_command(a.target, as_json=a.json, summary_only=a.summary, with_entities=not a.no_entities)
    )

    p = sub.add_parser("ingest", help="добавить файлы в базу знаний (повторный приём неизменных файлов пропускается)")
    p.add_argument("paths", nargs="+", help="файлы или папки")
    p.add_argument("--kb", help="папка базы знаний (по умолчанию kb/)")
    p.add_argument("--report", metavar="FILE", help="записать итог приёма в FILE (JSON)")
    p.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="разбирать и векторизовать на кластере Ray: auto (запущенный здесь `ray start`), HOST:PORT или ray://HOST:PORT",
    )
    p.set_defaults(run=kb_commands.ingest)

    p = sub.add_parser("search", help="найти похожие мероприятия")
    p.add_argument("query")
    p.add_argument("--kb")
    p.add_argument("--region")
    p.add_argument("--municipality")
    p.add_argument("--kind")
    p.add_argument("--year-from", type=int)
    p.add_argument("--year-to", type=int)
    p.add_argument("--entity", help="ключ сущности, например «ORG:МОЦ»")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=kb_commands.search)

    p = sub.add_parser("similar", help="похожие мероприятия из других документов")
    p.add_argument("item", type=int, help="номер пункта в базе (id)")
    p.add_argument("--kb")
    p.add_argument("--other-regions", action="store_true", help="только из других регионов")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=kb_commands.similar)

    for name, help_text, run in (
        ("stats", "сводка по базе знаний", kb_commands.stats),
        ("reindex", "пересчитать векторы текущей моделью", kb_commands.reindex),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--kb")
        p.set_defaults(run=run)

    p = sub.add_parser("remove", help="удалить документ из базы знаний")
    p.add_argument("document", help="имя файла, путь или id документа")
    p.add_argument("--kb")
    p.set_defaults(run=kb_commands.remove)

    p = sub.add_parser("ask", help="ответ на вопрос по базе знаний, со ссылками на пункты")
    p.add_argument("question")
    p.add_argument("--kb")
    p.add_argument("--region")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=kb_commands.ask)

    p = sub.add_parser("serve", help="открыть страницу поиска (Gradio)")
    p.add_argument("--kb")
    p.add_argument("--host", default="127.0.0.1", help="адрес (по умолчанию только этот компьютер)")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--read-only", action="store_true", help="только поиск и ответы: копия от `praktika snapshot`")
    p.set_defaults(run=kb_commands.serve)

    p = sub.add_parser("snapshot", help="записать согласованную копию базы в папку (для серверов только для чтения)")
    p.add_argument("target", help="папка копии (создаётся; прежняя копия там заменяется целиком)")
    p.add_argument("--kb")
    p.set_defaults(run=kb_commands.snapshot)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Exception as e:  # a damaged or foreign knowledge base: say so, never a traceback
        from sqlite3 import DatabaseError

        from index.errors import StoreError

        if isinstance(e, StoreError):
            print(f"Ошибка: {e}", file=sys.stderr)
        elif isinstance(e, DatabaseError):
            print(f"Ошибка: база знаний повреждена ({e}); восстановите её из копии", file=sys.stderr)
        else:
            raise
        return 2


def parse_command(target: str, as_json: bool = False, summary_only: bool = False, with_entities: bool = True) -> int:
    paths = files_in(target)
    if not paths or not paths[0].exists():
        print(f"Нет файлов: {target}", file=sys.stderr)
        return 2
    outcomes = list(parse_many(paths, entities=with_entities))
    for outcome in outcomes:
        for warning in outcome.document.warnings() if outcome.document else []:
            print(f"ПРЕДУПРЕЖДЕНИЕ {outcome.source}: {warning}", file=sys.stderr)
        if outcome.error:
            print(f"ОШИБКА {outcome.source}: {outcome.error}", file=sys.stderr)
        elif as_json:
            for item in outcome.document.items:
                print(json.dumps(item_record(outcome.document, item), ensure_ascii=False))
        elif not summary_only:
            print(describe(outcome.document))
    out = sys.stderr if as_json else sys.stdout
    print(summary(outcomes), file=out)
    return 1 if any(o.error for o in outcomes) else 0


def item_record(doc: Document, item: Item) -> dict:
    """One JSON Lines object: the item with its document's source and metadata."""
    return {"source": doc.source, "document": doc.meta(), "item": asdict(item)}


def describe(doc: Document) -> str:
    """A document and its items as readable text."""
    sign = f"{doc.signatory.name} ({doc.signatory.position})" if doc.signatory else "—"
    lines = [
        f"══ {doc.source}",
        f"   вид: {doc.kind or '—'}   дата: {doc.date or '—'}   номер: {doc.number or '—'}",
        f"   название: {doc.title or '—'}",
        f"   орган: {doc.issuer or '—'}",
        f"   регион: {doc.region or '—'}   муниципалитет: {doc.municipality or '—'}",
        f"   подписал: {sign}   период: {doc.period.text if doc.period else '—'}",
    ]
    if doc.web:
        lines.append(f"   страница: {doc.web.title or '—'} · {doc.web.url or 'адрес не сохранён'}")
    for c in doc.citations:
        mark = " (изменяется)" if c.amends else ""
        lines.append(f"   ссылка: {c.kind} от {c.date} № {c.number}{mark}")
    for item in doc.items:
        number = item.number or "·"
        lines.append(f"  {item.ordinal:>3}. [{_KIND_RU[item.kind]}] {number} {_short(item.activity, 90)}")
        for label, value in (("срок", item.deadline), ("ответственные", item.responsible)):
            if value:
                lines.append(f"         {label}: {_short(value, 80)}")
        if item.entities:
            found = "; ".join(f"{RUSSIAN[e.label]}: {e.canonical}" for e in item.entities)
            lines.append(f"         сущности: {_short(found, 200)}")
    return "\n".join(lines)


def summary(outcomes: list[Outcome]) -> str:
    """The batch at a glance: one line per file, then totals and failures."""
    head = f"{'файл':<28} {'вид':<16} {'дата':<10} {'номер':<13} {'строк':>5} {'пунктов':>7} {'абз.':>4} {'текст':>6}"
    lines = ["", head, "─" * len(head)]
    for o in outcomes:
        if o.error:
            lines.append(f"{_short(o.source, 28):<28} ОШИБКА: {o.error}")
            continue
        d = o.document
        kinds = Counter(i.kind for i in d.items)
        lines.append(
            f"{_short(d.source, 28):<28} {d.kind or '—':<16} {d.date or '—':<10} {d.number or '—':<13} "
            f"{kinds['row']:>5} {kinds['clause']:>7} {kinds['paragraph']:>4} {d.coverage.share:>6.0%}"
            + ("  ПРЕДУПРЕЖДЕНИЕ" if d.warnings() else "")
        )
    failed = sum(1 for o in outcomes if o.error)
    warned = sum(1 for o in outcomes if o.document and o.document.warnings())
    lines.append(f"Разобрано: {len(outcomes) - failed}, с ошибками: {failed}, с предупреждениями: {warned}")
    lines.append("«текст» — доля слов файла, попавших в метаданные, пункты или список пропущенного")
    return "\n".join(lines)


_KIND_RU = {"row": "строка", "clause": "пункт", "paragraph": "абзац"}


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


if __name__ == "__main__":
    sys.exit(main())
