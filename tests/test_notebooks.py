"""The researchers' notebooks: committed without outputs, and run top to bottom on the corpus."""

from __future__ import annotations

import os

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_three_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == ["01_regions.ipynb", "02_practices.ipynb", "03_ingest.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: outputs are committed"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_clean(path, kb_copy, monkeypatch):
    monkeypatch.setenv("PRAKTIKA_KB", str(kb_copy))  # the kernel inherits it: never the user's kb/
    book = nbformat.read(path, as_version=4)
    where = {"metadata": {"path": str(path.parent)}}
    NotebookClient(book, timeout=300, kernel_name="python3", resources=where).execute()
    errors = [o for c in book.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    images = sum("image/png" in o.get("data", {}) for c in book.cells if c.cell_type == "code" for o in c.outputs)
    assert images >= (4 if path.stem == "01_regions" else 1 if path.stem == "02_practices" else 0)
    if path.stem == "03_ingest":
        from index.kb import KnowledgeBase

        assert KnowledgeBase.open(kb_copy).stats().items == 205  # what it added, it removed
    assert os.environ["PRAKTIKA_KB"] == str(kb_copy)
