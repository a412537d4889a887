"""The search page: four tabs (Поиск, Вопрос, Загрузка, Обзор) over one knowledge base.

Handlers are plain functions of a `Page`, so tests call them directly or through
`gradio_client`; the layout in `build` only wires them to components.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from dataclasses import asdict, replace
from html import escape
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home from a closed network

import gradio as gr
import pandas as pd

from app import export, overview, report, views, words
from index.ingest import ocr_note
from index.kb import KnowledgeBase
from index.results import Filters, Hit, IngestResult
from pipeline import config
from pipeline.readers import ReadError, load
from pipeline.readers.ocr import PageProgress

ALL = ""  # the «any» choice of a filter
EXAMPLES = [
    "Кто отвечает за мониторинг в Дорогобужском районе?",
    "Когда проводится анкетирование школ для рискового профиля?",
    "Какие семинары проводились для школ с низкими результатами в Смоленской области?",
]
def _pages(progress: Any, n: int, files: int, name: str) -> PageProgress | None:
    """A scan's page progress, shown on the upload tab's bar as the file's."""
    if progress is None:
        return None
    return lambda done, total: progress((n, files), desc=ocr_note(name, done, total))


UPLOAD_COLUMNS = ["Файл", "Итог", "Пунктов", "Причина или предупреждение"]  # the upload tab's table
READ_ONLY = (
    "<p class='warning'>Это копия базы только для чтения: загрузка файлов здесь отключена. "
    "Добавляйте документы на основном сервере — копия обновится со следующим снимком.</p>"
)


def plain(hit: Hit) -> dict[str, Any]:
    """A hit as JSON data for the page (and back with `Hit.from_data`); it holds no server path."""
    return asdict(hit)


def safe_name(name: str) -> str:
    """An uploaded file's name for display and as its key: the last path part, printable, short."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in base if c.isprintable()).strip(" .") or "без имени"
    return base[-120:]


class Page:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.exports = Path(tempfile.mkdtemp(prefix="praktika-export-"))
        self._overview: tuple[int, tuple] | None = None

    # --- filter choices ---------------------------------------------------------------------

    def choices(self) -> dict[str, list]:
        c = self.kb.filter_choices()
        any_ = [("любой", ALL)]
        values = {"region": c.regions, "municipality": c.municipalities, "kind": c.kinds, "year": c.years}
        found = {name: any_ + [(str(v), str(v)) for v in vs] for name, vs in values.items()}
        return {**found, "entity": any_ + sorted((views.entity_choice(*e) for e in c.entities), key=lambda c: c[0])}

    def refreshed_filters(self) -> list:
        c = self.choices()
        return [gr.update(choices=c[name]) for name in ("region", "municipality", "kind", "year", "year", "entity")]

    # --- search -------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        region: str = ALL,
        municipality: str = ALL,
        kind: str = ALL,
        year_from: str = ALL,
        year_to: str = ALL,
        section: str = "",
        entity: str = ALL,
        k: int = 10,
    ) -> tuple[str, list[dict]]:
        """The result count line and the hits as plain data (cards are drawn from them)."""
        query = (query or "").strip()
        if not query:
            return "Введите запрос.", []
        filters = Filters(
            region=region or None,
            municipality=municipality or None,
            kind=kind or None,
            year_from=int(year_from) if year_from else None,
            year_to=int(year_to) if year_to else None,
            section=(section or "").strip() or None,
            entity=entity or None,
        )
        hits = [plain(h) for h in self.kb.search(query, filters, k=int(k))]
        return f"Найдено: {len(hits)}", hits

    def similar(self, item_id: int, other_regions: bool = False) -> tuple[str, list[dict]]:
        try:
            hits = self.kb.similar(int(item_id), other_regions=bool(other_regions), k=5)
        except KeyError:
            return "<p>Пункт не найден (возможно, документ удалён).</p>", []
        scope = "других регионов" if other_regions else "других документов"
        html = f"<h3>Похожие практики из {scope}</h3>" + views.cards(hits, "Похожих практик нет.")
        return html, [plain(h) for h in hits]

    def document(self, item_id: int) -> str:
        try:
            doc, items = self.kb.document_of(int(item_id))
        except KeyError:
            return "<p>Пункт не найден (возможно, документ удалён).</p>"
        return views.document(doc, items, focus=int(item_id))

    # --- question -----------------------------------------------------------------------------

    def ask(self, question: str, region: str = ALL) -> tuple[str, dict[str, Any]]:
        question = (question or "").strip()
        if not question:
            return "<p>Задайте вопрос.</p>", {}
        ans = self.kb.ask(question, Filters(region=region or None))
        f = ans.filters
        scope = [x for x in (f.region, f.municipality) if x]
        if f.year_from:
            scope.append(f"{f.year_from}–{f.year_to}" if f.year_to != f.year_from else str(f.year_from))
        data = {
            "question": question,
            "asks": ans.asks,
            "asks_ru": words.ASKED[ans.asks],
            "found": ans.found,
            "text": ans.text,
            "topic": ans.topic,
            "facts": [asdict(x) for x in ans.facts],
            "citations": [ans.citation(n) for n in range(1, len(ans.evidence) + 1)],
            "hits": [plain(h) for h in ans.evidence],
        }
        scope_text = f"; отбор: {', '.join(scope)}" if scope else ""
        return views.answer(ans, scope_text) + views.cards(ans.evidence, ""), data

    # --- ingest -------------------------------------------------------------------------------

    def ingest(
        self, files: list[str] | None, replace_same_name: bool = False, progress: Any = None
    ) -> tuple[pd.DataFrame, str]:
        """Each uploaded file on its own: a failure is a row of the table, never the end of the batch.

        A file named as one uploaded before but with other content is stored beside it, unless
        `replace_same_name`; the row says which happened."""
        if self.kb.read_only:  # the API too, not only the page's tab
            return pd.DataFrame(columns=UPLOAD_COLUMNS), READ_ONLY
        rows, results = [], []
        files = files or []
        for n, path in enumerate(files):
            name = safe_name(getattr(path, "orig_name", None) or Path(str(path)).name)
            if progress is not None:
                progress((n, len(files)), desc=f"{name}")
            pages = _pages(progress, n, len(files), name)
            result = self._ingest_one(str(path), name, not replace_same_name, pages)
            note = f"ПРЕДУПРЕЖДЕНИЕ: {result.warning}" if result.warning else result.message
            rows.append((name, words.STATUS[result.status], result.items, note))
            results.append(result)
        if progress is not None:
            progress((len(files), len(files)), desc="готово")
        table = pd.DataFrame(rows, columns=UPLOAD_COLUMNS)
        s = self.kb.stats()
        summary = report.as_text(report.summarise(results)) if results else ""
        stored = f"В базе: {words.documents(s.documents)}, {words.items(s.items)}."
        return table, f"{stored}<pre>{escape(summary)}</pre>"

    def _ingest_one(self, path: str, name: str, keep_apart: bool, on_page: PageProgress | None = None) -> IngestResult:
        """The result keeps the shown name, never the server's temporary path."""
        key = f"upload/{name}"  # a key, never a filesystem path
        try:
            result = self.kb.ingest_bytes(load(path), key, name, keep_apart, on_page)
        except ReadError as e:
            return IngestResult(name, "failed", str(e), reason=e.kind)
        except Exception as e:  # one broken file must not stop the batch
            return IngestResult(name, "failed", f"внутренняя ошибка: {type(e).__name__}", reason="внутренняя ошибка")
        return replace(result, path=name)

    # --- overview and export --------------------------------------------------------------------

    def overview(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, str]:
        """The overview figures, computed once per state of the knowledge base (seconds at a million items)."""
        generation = self.kb.refresh()  # also what other processes (a CLI ingest) wrote
        if self._overview and self._overview[0] == generation:
            return self._overview[1]
        result = overview.figures(self.kb.overview())  # on its own connection: searches go on meanwhile
        self._overview = (generation, result)
        return result

    def export(self, hits: list[dict] | dict | None, fmt: str) -> str | None:
        if isinstance(hits, dict):  # an answer: its cited items
            hits = hits.get("hits", [])
        if not hits:
            return None
        path = Path(tempfile.mkdtemp(dir=self.exports)) / f"praktika.{'xlsx' if fmt == 'xlsx' else 'csv'}"
        export.write(export.table([Hit.from_data(h) for h in hits]), path)
        return str(path)


def build(kb: KnowledgeBase) -> gr.Blocks:
    page = Page(kb)
    threading.Thread(target=page.overview, name="praktika-overview", daemon=True).start()  # warm, off the request
    c = page.choices()
    with gr.Blocks(title="Практика — база практик") as demo:
        gr.Markdown("# Практика\nПоиск мероприятий и практик поддержки школ с низкими результатами обучения.")
        with gr.Tab("Поиск"):
            with gr.Row():
                query = gr.Textbox(label="Запрос", placeholder="например: сетевое партнёрство школ", scale=5)
                go = gr.Button("Найти", variant="primary", scale=1)
            with gr.Accordion("Фильтры", open=True):
                with gr.Row():
                    region = gr.Dropdown(c["region"], value=ALL, label="Регион")
                    municipality = gr.Dropdown(c["municipality"], value=ALL, label="Муниципалитет")
                    kind = gr.Dropdown(c["kind"], value=ALL, label="Вид документа")
                with gr.Row():
                    year_from = gr.Dropdown(c["year"], value=ALL, label="Год с")
                    year_to = gr.Dropdown(c["year"], value=ALL, label="Год по")
                    section = gr.Textbox(label="Раздел (слово из названия)")
                    entity = gr.Dropdown(c["entity"], value=ALL, label="Сущность", filterable=True)
                    k = gr.Slider(1, 50, value=10, step=1, label="Результатов")
            status = gr.Markdown()
            hits = gr.JSON(visible="hidden")
            with gr.Row():
                with gr.Column(scale=3):

                    @gr.render(inputs=hits)
                    def draw(found):
                        for n, hit in enumerate(found or [], start=1):
                            gr.HTML(views.card(Hit.from_data(hit), n))
                            with gr.Row():
                                like = gr.Button("Похожие практики", size="sm", elem_classes="similar-btn")
                                open_ = gr.Button("Открыть документ", size="sm", elem_classes="open-btn")
                            item_id = gr.Number(hit["item_id"], visible=False)
                            like.click(page.similar, [item_id, other_regions], [side, side_hits])
                            open_.click(page.document, item_id, side).then(None, js=views.SCROLL_TO_FOCUS)

                with gr.Column(scale=2):
                    other_regions = gr.Checkbox(label="Похожие — только из других регионов")
                    side = gr.HTML(elem_id="side-panel")
                    side_hits = gr.JSON(visible="hidden")
            _export_row(page, hits, "export")
            inputs = [query, region, municipality, kind, year_from, year_to, section, entity, k]
            go.click(page.search, inputs, [status, hits], api_name="search", concurrency_limit=8)
            query.submit(page.search, inputs, [status, hits], api_visibility="private", concurrency_limit=8)
            gr.api(page.similar, api_name="similar")
            gr.api(page.document, api_name="document")

        with gr.Tab("Вопрос"):
            with gr.Row():
                question = gr.Textbox(label="Вопрос", placeholder=EXAMPLES[0], scale=5)
                ask_btn = gr.Button("Спросить", variant="primary", scale=1)
            ask_region = gr.Dropdown(c["region"], value=ALL, label="Регион (если не назван в вопросе)")
            gr.Examples(EXAMPLES, question, label="Примеры")
            answer_html = gr.HTML(elem_id="answer")
            answer_data = gr.JSON(visible="hidden")
            _export_row(page, answer_data, None)
            asked = [answer_html, answer_data]
            ask_btn.click(page.ask, [question, ask_region], asked, api_name="ask", concurrency_limit=8)
            question.submit(page.ask, [question, ask_region], [answer_html, answer_data], api_visibility="private")

        with gr.Tab("Загрузка"):
            if kb.read_only:
                gr.HTML(READ_ONLY)
            gr.Markdown(
                f"PDF (и сканы), DOCX, DOC, RTF, ODT, HTML или TXT, до {config.MAX_FILE_BYTES // 2**20} МБ каждый. "
                "Неизменённые файлы пропускаются, изменённые обновляются."
            )
            # No `file_types`: Gradio would refuse the whole batch for one wrong file; we report it per file.
            files = gr.File(label="Файлы", file_count="multiple", interactive=not kb.read_only)
            replace_same_name = gr.Checkbox(
                label="Заменять документ с тем же именем (иначе файл с другим содержимым сохраняется отдельно)"
            )
            upload_btn = gr.Button("Загрузить в базу", variant="primary", interactive=not kb.read_only)
            upload_table = gr.Dataframe(label="Итог по файлам", interactive=False)
            upload_status = gr.HTML()

        with gr.Tab("Обзор"):
            totals = gr.Markdown()
            refresh = gr.Button("Обновить", size="sm")
            with gr.Row():
                region_plot = gr.BarPlot(x="region", y="items", color="kind", title="Пункты по регионам и видам",
                                         x_title="Регион", y_title="Пунктов", color_title="Вид")
                year_plot = gr.BarPlot(x="year", y="items", color="region", title="Пункты по годам",
                                       x_title="Год", y_title="Пунктов", color_title="Регион")
            month_plot = gr.BarPlot(x="month", y="items", color="region", title="Сроки мероприятий по месяцам",
                                    x_title="Месяц начала", y_title="Мероприятий", color_title="Регион",
                                    x_label_angle=-45)
            top = gr.Dataframe(label="Чаще всего упоминаются", interactive=False)
            plots = [region_plot, year_plot, month_plot, top, totals]
            refresh.click(page.overview, None, plots, api_name="overview")
            demo.load(page.overview, None, plots, api_visibility="private")
        # Each page load offers what is stored now, a region added by a CLI ingest included.
        filters = [region, municipality, kind, year_from, year_to, entity]
        demo.load(page.refreshed_filters, None, filters, api_visibility="private")
        demo.load(lambda: gr.update(choices=page.choices()["region"]), None, ask_region, api_visibility="private")

        def upload(paths, replace_same_name=False, progress=gr.Progress()):  # noqa: B008 (Gradio's progress bar)
            return page.ingest(paths, replace_same_name, progress)

        uploaded = [upload_table, upload_status]
        upload_btn.click(upload, [files, replace_same_name], uploaded, api_name="ingest", concurrency_limit=1).then(
            page.refreshed_filters, None, [region, municipality, kind, year_from, year_to, entity],
            api_visibility="private",
        ).then(lambda: gr.update(choices=page.choices()["region"]), None, ask_region, api_visibility="private").then(
            page.overview, None, plots, api_visibility="private"
        )
    return demo


def _export_row(page: Page, source: gr.JSON, api: str | None) -> None:
    """CSV and XLSX buttons exporting what `source` holds (hits, or an answer's cited items)."""
    with gr.Row():
        buttons = {fmt: gr.Button(f"Экспорт {fmt.upper()}", size="sm") for fmt in ("csv", "xlsx")}
        out = gr.File(label="Файл", interactive=False)
    for fmt, button in buttons.items():
        named = {"api_name": f"{api}_{fmt}"} if api else {"api_visibility": "private"}
        button.click(lambda data, fmt=fmt: page.export(data, fmt), source, out, **named)


def serve(kb_dir: str | None = None, host: str = "127.0.0.1", port: int = 7860, read_only: bool = False) -> None:
    kb = KnowledgeBase.open(kb_dir, read_only=read_only)
    demo = build(kb)
    demo.queue(default_concurrency_limit=4)
    print(f"Практика: http://{host}:{port}", flush=True)
    demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        css=views.CSS,
        max_file_size=config.MAX_FILE_BYTES,
        footer_links=["api"],
        quiet=True,
    )
