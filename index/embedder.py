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

    return SentenceTransformer(model_source(), device="cpu")


def model_name() -> str:
    return Path(model_source()).name if not config.MODEL else config.MODEL


def dimension() -> int:
    model = get_model()
    getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(getter())


def _prompt(kind: str) -> str | None:
    prompts = getattr(get_model(), "prompts", {}) or {}
    return kind if kind in prompts else None


def passages(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Item texts → float32 unit vectors, one row each."""
    if not texts:
        return np.zeros((0, dimension()), dtype=np.float32)
    vectors = get_model().encode(
        [t.strip() for t in texts],
        prompt_name=_prompt("passage"),
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


def query(text: str) -> np.ndarray:
    vector = get_model().encode(
        [text.strip()],
        prompt_name=_prompt("query"),
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vector, dtype=np.float32)[0]
