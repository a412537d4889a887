"""HTML of the search page: result cards, documents, answers. Every piece of document text is escaped.

Document text is untrusted (anyone can upload an order), so it reaches the page only through
`html.escape` here or `app.render`, never through Markdown or string formatting.
"""

from __future__ import annotations

from html import escape

from app import words
from app.render import render
from index.answers import Answer
from index.results import Hit, StoredDocument, StoredItem
from pipeline.labels import RUSSIAN

FIELDS = (("description", "Описание"), ("deadline", "Срок"), ("responsible", "Ответственные"), ("result", "Результат"))

CSS = """
.card {border: 1px solid #d9dce3; border-radius: 8px; padding: 10px 14px; margin: 4px 0; background: #fff;}
.card .activity {font-size: 1.05em; font-weight: 600;}
.card .field {margin-top: 4px;}
.card .field b {color: #555; font-weight: 600;}
.card .doc, .card .why {margin-top: 6px; color: #555; font-size: 0.9em;}
.card .ocr {margin-top: 6px; color: #8a5a00; font-size: 0.9em;}
.answer {font-size: 1.1em; padding: 10px 14px; border-left: 4px solid #3b82f6; background: #f3f7ff;}
.answer.none {border-color: #d97706; background: #fff8eb;}
#side-panel {max-height: 85vh; overflow: auto;}
table.doc-items {border-collapse: collapse; width: 100%; font-size: 0.9em;}
table.doc-items td, table.doc-items th {border: 1px solid #ddd; padding: 4px 6px; vertical-align: top;}
ul.cites {list-style: none; padding-left: 0.5em;}
table.doc-items tr.focus {background: #fff3b0; outline: 2px solid #d97706;}
"""

# Run in the browser after a document is shown: bring its highlighted row into view.
SCROLL_TO_FOCUS = (
    "() => { const r = document.getElementById('doc-focus'); if (r) r.scrollIntoView({block: 'center'}); }"
)


def _marked(item: StoredItem, field: str) -> str:
    """One field of an item with its entities highlighted."""
    return render(getattr(item, field) or "", [e for e in item.entities if e.field == field])


def document_line(doc: StoredDocument, item: StoredItem | None = None) -> str:
    """«приказ № 61/01-04 от 2018-03-02 · Комитет … · Смоленская область, Дорогобужский район · файл · строка 3»."""
    parts = [doc.act, doc.issuer or "", doc.place, doc.source or "", item.where if item else ""]
    line = " · ".join(escape(p) for p in parts if p)
    if doc.url:  # an http(s) address only (pipeline/readers/html.py), escaped as an attribute too
        line += f' · <a href="{escape(doc.url, quote=True)}" rel="noopener noreferrer nofollow">страница сайта</a>'
    return line


def why(hit: Hit) -> str:
    reasons = []
    if hit.matched_terms:
        reasons.append("совпали слова: " + escape(", ".join(hit.matched_terms)))
    if hit.similarity is not None:
        reasons.append(f"смысловая близость {hit.similarity:.2f}")
    ranks = [f"по смыслу #{hit.dense_rank}" if hit.dense_rank else "", ""]
    ranks[1] = f"по словам #{hit.lexical_rank}" if hit.lexical_rank else ""
    if any(ranks):
        reasons.append("место " + ", ".join(r for r in ranks if r))
    return "; ".join(reasons) or "—"


def card(hit: Hit, n: int) -> str:
    item = hit.item
    fields = "".join(
        f'<div class="field"><b>{label}:</b> {_marked(item, name)}</div>'
        for name, label in FIELDS
        if getattr(item, name)
    )
    section = f'<div class="field"><b>Раздел:</b> {escape(item.section)}</div>' if item.section else ""
    return (
        f'<div class="card" id="item-{int(hit.item_id)}">'
        f'<div class="activity">{n}. {_marked(item, "activity")}</div>{section}{fields}'
        f'<div class="doc">{document_line(hit.document, item)}</div>{scanned(item)}'
        f'<div class="why">Почему найдено: {why(hit)}</div></div>'
    )


def scanned(item: StoredItem) -> str:
    """A note on an item read from a scan: OCR makes mistakes, the reader should know."""
    if item.pos.ocr is None:
        return ""
    note = f"Распознано со скана (OCR, уверенность {float(item.pos.ocr):.0f}%): сверяйте с оригиналом"
    return f'<div class="ocr">{note}</div>'


def cards(hits: list[Hit], empty: str = "Ничего не найдено.") -> str:
    if not hits:
        return f"<p>{escape(empty)}</p>"
    return "".join(card(h, n) for n, h in enumerate(hits, start=1))


def document(doc: StoredDocument, items: list[StoredItem], focus: int | None = None) -> str:
    """The whole document: its metadata and its items as a table, the focused row marked."""
    head = f"<h3>{escape(doc.title or doc.source or '')}</h3><p>{document_line(doc)}</p>"
    rows = []
    for item in items:
        attrs = ' class="focus" id="doc-focus"' if item.id == focus else ""
        cells = [escape(item.number or str(item.ordinal)), _marked(item, "activity")]
        cells += [_marked(item, name) for name, _ in FIELDS[1:]]
        rows.append(f"<tr{attrs}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{h}</th>" for h in ("№", "Мероприятие", "Срок", "Ответственные", "Результат"))
    return f'{head}<table class="doc-items"><tr>{header}</tr>{"".join(rows)}</table>'


def answer(ans: Answer, scope: str = "") -> str:
    """The answer sentence and its numbered citations; `scope` names the filters applied («; отбор: …»)."""
    box = "answer" if ans.found else "answer none"
    cited = "".join(f"<li>{escape(ans.citation(n))}</li>" for n in range(1, len(ans.evidence) + 1))
    title = "Источники" if ans.found else "Ближайшие пункты"
    return (
        f'<div class="{box}">{escape(ans.text)}</div>'
        f'<p style="color:#555">Вопрос «{escape(words.ASKED[ans.asks])}»; тема: {escape(", ".join(ans.topic) or "—")}'
        f"{escape(scope)}</p>"
        f'<p><b>{title}:</b></p><ul class="cites">{cited}</ul>'
    )


def entity_choice(key: str, label: str, canonical: str) -> tuple[str, str]:
    """A dropdown choice for an entity filter: shown in Russian, valued by key."""
    return f"{RUSSIAN.get(label, label)}: {canonical}", key
