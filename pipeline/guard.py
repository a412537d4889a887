"""Each file in a worker process, with a time budget and a memory ceiling.

The readers are careful, but they stand on large libraries (pdfminer, lxml, python-docx,
spaCy) that a hostile file can drive into minutes of work or gigabytes of memory, and a
Python-level `try` can stop neither. So reading, segmentation and tagging run in a child
process whose address space is capped (`RLIMIT_AS`): past its time budget it is killed,
past its memory it fails alone; either way the file gets a clear error, a fresh worker
takes the next file, and the caller's process (the batch, the web server) never notices.
Up to `config.PARSE_WORKERS` files are read at once (one worker each, reused), so a batch
tags on every core while its vectors are computed.

    document = guard.parse(data, "plan.docx")   # raises ReadError with the reason in Russian
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection

from pipeline import config
from pipeline.readers import ReadError
from pipeline.readers.ocr import PageProgress
from pipeline.records import Document

log = logging.getLogger("praktika")


@dataclass(frozen=True)
class Parsed:
    """A document read and tagged, with the seconds each stage took (for bench/ingest.py)."""

    document: Document
    parse_seconds: float
    tag_seconds: float


def parse(data: bytes, name: str, entities: bool = True, on_page: PageProgress | None = None) -> Parsed:
    """Read, segment and (unless `entities` is false) tag one file within the bounds of config;
    `on_page` hears how OCR of a scan goes (pages read, pages to read)."""
    if not config.ISOLATE:
        try:
            return _parse_here(data, name, entities, on_page)
        except ReadError:
            raise
        except Exception as e:
            log.debug("%s", name, exc_info=True)
            raise ReadError(f"внутренняя ошибка разбора: {type(e).__name__}: {e}"[:300]) from None
    with _slots:  # at most config.PARSE_WORKERS files at once, each in a worker of its own
        with _lock:
            worker = _idle.pop() if _idle else None
        if worker is None or not worker.alive():
            worker = _Worker()
        try:
            return worker.run(data, name, entities, on_page)
        finally:
            if worker.alive():  # a worker past its budget or its memory was ended: a fresh one next time
                with _lock:
                    _idle.append(worker)


def stop() -> None:
    """End the idle workers (all of them end with the process that started them)."""
    with _lock:
        while _idle:
            _idle.pop().close()


def _parse_here(data: bytes, name: str, entities: bool, on_page: PageProgress | None = None) -> Parsed:
    from pipeline.parse import parse_bytes

    clock = time.perf_counter()
    doc = parse_bytes(data, name, on_page)
    parsed = time.perf_counter()
    if entities:
        from pipeline.tag import tag_documents

        tag_documents([doc])
    return Parsed(doc, parsed - clock, time.perf_counter() - parsed)


class _Worker:
    def __init__(self) -> None:
        # A fresh interpreter, not fork (the parent may hold torch's and FAISS's threads, which
        # fork copies half-made) and not multiprocessing's spawn (which re-runs the caller's
        # main script: a researcher's script without a `__main__` guard would start itself).
        from_parent, to_child = os.pipe()  # (read end, write end)
        from_child, to_parent = os.pipe()
        command = f"from pipeline.guard import _serve; _serve({from_parent}, {to_parent}, {config.WORKER_MEMORY_MB})"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(config.ROOT), os.environ.get("PYTHONPATH", "")])}
        # One thread per worker: the workers are one per core, and NumPy's BLAS (under slovnet)
        # would otherwise start a thread per core in each of them.
        env |= {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-c", command],
            pass_fds=(from_parent, to_parent),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        os.close(from_parent)
        os.close(to_parent)
        self.conn = _Pair(Connection(from_child, writable=False), Connection(to_child, readable=False))
        self.started = False  # the first file also pays for loading the tagger's models

    def alive(self) -> bool:
        return self.process.poll() is None

    def run(self, data: bytes, name: str, entities: bool, on_page: PageProgress | None = None) -> Parsed:
        """The worker's answer for one file. A scan's OCR first announces its pages («page», (read, all)):
        each page still to read adds config.OCR_PAGE_SECONDS to the budget; each page read is passed on."""
        budget = config.FILE_SECONDS + (0 if self.started else 60)
        deadline = time.monotonic() + budget
        announced = False
        try:
            self.conn.send((data, name, entities))
            while True:
                ready = self.conn.poll(max(0.0, deadline - time.monotonic()))
                if not ready:
                    break
                answer = self.conn.recv()
                if answer[0] != "page":
                    break
                done, total = answer[1]
                if not announced:
                    announced = True
                    deadline += config.OCR_PAGE_SECONDS * (total - done)
                    budget += config.OCR_PAGE_SECONDS * (total - done)
                if on_page:
                    on_page(done, total)
        except (BrokenPipeError, EOFError, OSError):
            code = self.process.wait(5)
            raise ReadError(f"процесс чтения файла завершился аварийно (код {code})") from None
        if not ready:
            self.close()
            raise ReadError(f"разбор остановлен: файл не прочитан за {budget:.0f} с (PRAKTIKA_FILE_SECONDS)")
        self.started = True
        status, payload, detail = answer
        if status == "ok":
            return payload
        if status == "fatal":  # the worker ends after this answer: do not send it the next file
            self.close()
        if detail:
            log.debug("%s: %s", name, detail)
        raise ReadError(payload)

    def close(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.conn.close()


@dataclass
class _Pair:
    """Two one-way pipes used as one connection (a child started by `subprocess` has no socketpair)."""

    inbox: Connection
    outbox: Connection

    def send(self, obj) -> None:
        self.outbox.send(obj)

    def recv(self):
        return self.inbox.recv()

    def poll(self, timeout: float) -> bool:
        return self.inbox.poll(timeout)

    def close(self) -> None:
        self.inbox.close()
        self.outbox.close()


def _serve(inbox: int, outbox: int, memory_mb: int) -> None:
    """The worker's loop: one request (bytes, name, entities) in, one answer out."""
    import resource

    # The readers and the tagger never need torch, but thinc (under spaCy) imports it when it is
    # installed: 180 MB of the worker's memory for nothing.
    sys.modules.setdefault("torch", None)
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))  # soft: LibreOffice, a child, may lift it for itself
    conn = _Pair(Connection(inbox, writable=False), Connection(outbox, readable=False))
    while True:
        try:
            data, name, entities = conn.recv()
        except (EOFError, OSError):
            return
        out_of_memory = ("fatal", f"файлу не хватило памяти разбора ({memory_mb} МБ, PRAKTIKA_WORKER_MEMORY_MB)", None)

        def on_page(done: int, total: int) -> None:
            conn.send(("page", (done, total), None))

        try:
            answer = ("ok", _parse_here(data, name, entities, on_page), None)
        except ReadError as e:
            # A library that meets the ceiling may say so in its own words (lxml: «unknown error»).
            answer = out_of_memory if _peak_bytes() > 0.9 * limit else ("error", str(e), None)
        except MemoryError:
            answer = out_of_memory
        except RecursionError:
            answer = ("error", "слишком глубокая вложенность (таблица в таблице…)", None)
        except Exception as e:  # a bug of ours or of a library, met on this file only
            answer = (
                out_of_memory
                if _peak_bytes() > 0.9 * limit
                else ("error", f"внутренняя ошибка разбора: {type(e).__name__}: {e}"[:300], traceback.format_exc())
            )
        del data
        try:
            conn.send(answer)
        except Exception as e:  # MemoryError while pickling a huge result, an unpicklable value
            conn.send(("fatal", f"результат разбора не передан: {type(e).__name__}", traceback.format_exc()))
            return
        if answer[0] == "fatal":
            return  # start clean: the heap may be left in pieces


def _peak_bytes() -> int:
    """The most address space this process has held (VmPeak), 0 where /proc cannot tell."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


_lock = threading.Lock()
_idle: list[_Worker] = []  # started workers waiting for a file
_slots = threading.BoundedSemaphore(config.PARSE_WORKERS)
atexit.register(stop)
