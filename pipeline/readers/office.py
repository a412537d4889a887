"""Word 97–2003 (.doc), RTF and OpenDocument (.odt): converted by LibreOffice into DOCX, then read as DOCX.

LibreOffice keeps tables, merged cells and automatic numbering through the conversion (the
DOCX reader then treats them as it treats any DOCX). It runs headless, with a private profile
in a temporary folder (so parallel conversions never share one), under a time limit, and
outside the reader's memory ceiling, which it needs more than (its own address space is
several GB of mappings). Debian's `libreoffice-writer-nogui` provides it (`make system`).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline import config
from pipeline.readers.errors import ReadError

NAMES = {"doc": "документ Word 97–2003 (.doc)", "rtf": "документ RTF", "odt": "документ OpenDocument (.odt)"}
# The import filter is named: left to guess, LibreOffice reads a damaged .doc as plain text and
# hands back its binary garbage as a document.
_FILTERS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}


def to_docx(data: bytes, kind: str) -> bytes:
    """The DOCX LibreOffice makes of `data` (a 'doc', 'rtf' or 'odt'), or a `ReadError` saying why not."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        missing = f"{NAMES[kind]} читается через LibreOffice, а он не установлен (make system)"
        raise ReadError(missing, "нет LibreOffice")
    with tempfile.TemporaryDirectory(prefix="praktika-office-") as tmp:
        folder = Path(tmp)
        source = folder / f"file.{kind}"
        source.write_bytes(data)
        command = [
            office, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
            "--nolockcheck", f"--infilter={_FILTERS[kind]}", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(folder / "out"), str(source),
        ]  # fmt: skip
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_unbounded
        )
        try:
            _, err = proc.communicate(timeout=config.OFFICE_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise ReadError(
                f"{NAMES[kind]}: LibreOffice не успел преобразовать файл за {config.OFFICE_SECONDS} с "
                "(PRAKTIKA_OFFICE_SECONDS)",
                "превышен предел",
            ) from None
        made = folder / "out" / "file.docx"
        if proc.returncode != 0 or not made.exists() or not made.stat().st_size:
            why = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            detail = f" ({why[0][:200]})" if why else ""
            message = f"повреждённый {NAMES[kind]}: LibreOffice не смог его прочитать{detail}"
            raise ReadError(message, f"повреждённый {kind.upper()}")
        return made.read_bytes()


def _unbounded() -> None:
    """LibreOffice maps several GB of address space: lift the reader's soft ceiling for it alone."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
