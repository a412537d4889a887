"""Embeddings: the configured sentence-transformers model, e5 prompts, normalised vectors."""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path

import numpy as np

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
    from index import e5model

    folder = config.MODELS_DIR / e5model.NAME
    with _lock:
        if not (folder / "modules.json").exists():
            e5model.convert(folder)
    return str(folder)


@cache
def get_model():
    from sentence_transformers import SentenceTransformer

    _release_activations()
    return SentenceTransformer(model_source(), device="cpu")


def _release_activations() -> None:
    """Have glibc map every block over 128 KB on its own, so a batch's activations go back to the
    system when freed instead of staying in a fragmented heap (glibc's default threshold grows
    with each freed block). Measured on an ingest of the corpus and tests/realdocs: peak resident
    memory 1,485 → 1,268 MB."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def model_name() -> str:
    return Path(model_source()).name if not config.MODEL else config.MODEL


def dimension() -> int:
    model = get_model()
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


def _prompt(kind: str) -> str | None:
    prompts = getattr(get_model(), "prompts", {}) or {}
    return kind if kind in prompts else None


# A batch's attention memory grows with its size times its longest text squared: batches of long
# items are made smaller so that this stays under about 150 MB (32 items of 900 characters;
# one of 4,000). Measured: 256 corpus items in fixed batches of 32 took 455 MB, now 120 MB.
ATTENTION_BUDGET = 32 * 900**2


def passages(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Item texts → float32 unit vectors, one row each."""
    if not texts:
        return np.zeros((0, dimension()), dtype=np.float32)
    texts = [t.strip() for t in texts]
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), dimension()), dtype=np.float32)
    start = 0
    while start < len(order):
        end = start + 1
        while (
            end < len(order)
            and end - start < batch_size
            and (end - start + 1) * len(texts[order[end]]) ** 2 <= (ATTENTION_BUDGET)
        ):
            end += 1
        chunk = order[start:end]
        out[chunk] = get_model().encode(
            [texts[i] for i in chunk],
            prompt_name=_prompt("passage"),
            batch_size=len(chunk),
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        start = end
    return out


def query(text: str) -> np.ndarray:
    vector = get_model().encode(
        [text.strip()],
        prompt_name=_prompt("query"),
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vector, dtype=np.float32)[0]
