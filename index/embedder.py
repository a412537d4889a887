"""Embeddings: the configured sentence-transformers model, e5 prompts, normalised vectors, run by
OpenVINO (index/openvino_encoder.py) or by sentence-transformers itself."""

from __future__ import annotations

import os
import re
import threading
from functools import cache
from pathlib import Path

import numpy as np

from index import e5model
from pipeline import config

_lock = threading.Lock()
# Offline by design: never reach for the hub, and keep transformers' load reports quiet.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def model_source() -> str:
    """The model to load: PRAKTIKA_MODEL, else the converted e5 folder (made on first use)."""
    if config.MODEL:
        return config.MODEL
    folder = config.MODELS_DIR / e5model.NAME
    with _lock:
        if not (folder / "modules.json").exists():
            e5model.convert(folder)
    return str(folder)


@cache
def get_model():
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(model_source(), device="cpu")


def _release_activations() -> None:
    """Have glibc map every block over 128 KB on its own, so a batch's activations go back to the
    system when freed instead of staying in a fragmented heap (glibc's default threshold grows
    with each freed block). Measured with sentence-transformers on an ingest of the corpus and
    tests/realdocs: peak resident memory 1,485 → 1,268 MB; with OpenVINO on the fuzz batch of
    tests/test_fuzz.py, ingesting process and readers together: 1,830–1,900 → 1,740–1,750 MB."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def model_name() -> str:
    return Path(model_source()).name if not config.MODEL else config.MODEL


ENGINES = ("openvino-bf16", "openvino-fp32", "torch-fp32")


@cache
def default_engine() -> str:
    """PRAKTIKA_EMBED_ENGINE, else OpenVINO in bfloat16 where the processor computes it, else in
    float32; sentence-transformers (torch) for a model OpenVINO cannot reproduce."""
    if config.EMBED_ENGINE:
        if config.EMBED_ENGINE not in ENGINES:
            raise ValueError(f"PRAKTIKA_EMBED_ENGINE: {config.EMBED_ENGINE!r}, expected one of {', '.join(ENGINES)}")
        return config.EMBED_ENGINE
    from index import openvino_encoder

    if not openvino_encoder.supports(Path(model_source())):
        return "torch-fp32"
    return "openvino-bf16" if openvino_encoder.bf16_available() else "openvino-fp32"


# A batch's attention memory grows with its size times its longest text squared: batches of long
# items are made smaller so that this stays under about 150 MB (32 items of 300 tokens, about 900
# characters; 10 of the model's longest, 512). Measured: 256 corpus items in fixed batches of 32
# took 455 MB, now 120 MB.
# Texts are sorted by tokens where the engine can count them (pads less than characters: +8–12%).
ATTENTION_BUDGET = 32 * 300**2
# The model sees 512 tokens, and no piece of its vocabulary is longer than 16 characters: a text's
# characters past 512 × 16 never reach it. Cut there before tokenizing, which otherwise costs memory
# in proportion to the whole text (a 1 MB item, from a file with no line breaks, took 120 MB more).
SEEN_CHARS = 512 * 16


def _seen(text: str) -> str:
    """The part of a text the model reads. A long text is first spaced as the tokenizer spaces it
    (invisible characters and runs of spaces are one space, controls none), so that the cut is
    counted in characters the model sees."""
    text = text.strip()
    if len(text) <= SEEN_CHARS:
        return text
    return " ".join(_SPACED.sub(" ", _CONTROLS.sub("", text)).split())[:SEEN_CHARS]


# The e5 tokenizer's own normalisation (index/e5model.py): what it drops, what it reads as a space.
_CONTROLS = re.compile(e5model.CONTROLS)
_SPACED = re.compile(f"[{e5model.SPACES}]")


def _char_sizes(texts: list[str]) -> list[int]:
    """About the tokens of each text, where the engine cannot count them (three characters each)."""
    return [len(t) // 3 + 1 for t in texts]


class Encoder:
    """Texts → float32 unit vectors by one engine; a knowledge base keeps the engine that built it."""

    def __init__(self, engine: str) -> None:
        self.engine = engine
        _release_activations()
        if engine.startswith("openvino"):
            from index.openvino_encoder import OpenVinoEncoder

            backend = OpenVinoEncoder(Path(model_source()), engine.split("-")[1], config.EMBED_THREADS)
            self.dim = backend.dim
            self._encode = backend.encode
            self._size = backend.token_counts
        else:
            self.dim = _torch_dimension()
            self._encode = _torch_encode
            self._size = _char_sizes

    def passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Item texts → one row each, in batches of like length."""
        texts = [_seen(t) for t in texts]
        size = self._size(texts)
        order = sorted(range(len(texts)), key=lambda i: size[i])
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        start = 0
        while start < len(order):
            end = start + 1
            while (
                end < len(order)
                and end - start < batch_size
                and (end - start + 1) * size[order[end]] ** 2 <= ATTENTION_BUDGET
            ):
                end += 1
            chunk = order[start:end]
            out[chunk] = self._encode([texts[i] for i in chunk], "passage")
            start = end
        return out

    def query(self, text: str) -> np.ndarray:
        return self._encode([_seen(text)], "query")[0]


@cache
def encoder(engine: str | None = None) -> Encoder:
    """The encoder of `engine` (default: `default_engine()`), loaded once per process."""
    return Encoder(engine or default_engine())


def dimension() -> int:
    return encoder().dim


def passages(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Item texts → float32 unit vectors, one row each, by the default engine."""
    return encoder().passages(texts, batch_size)


def query(text: str) -> np.ndarray:
    return encoder().query(text)


def _torch_dimension() -> int:
    model = get_model()
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


def _torch_encode(texts: list[str], kind: str) -> np.ndarray:
    model = get_model()
    prompts = getattr(model, "prompts", {}) or {}
    vectors = model.encode(
        texts,
        prompt_name=kind if kind in prompts else None,
        batch_size=len(texts),
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)
