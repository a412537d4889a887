"""Ingestion on a Ray cluster: the same stages as on one machine, spread over its nodes.

Files are read and hashed here; unchanged ones are skipped before anything is sent. The rest
stream through Ray Data: actors that read and tag (`guard.parse`, the spaCy/natasha pipeline
loaded once per actor), then actors that embed (`embedder.encoder`, with the knowledge base's own
engine, loaded once per actor). Results stream back in file order to this process, the single
writer, which commits each file in its own transaction exactly as a local ingest does
(`Ingestion.commit_prepared`). An actor lost with its worker is restarted and its batch run again
(Ray Data's default for actor pools); a file already committed is recognised by its hash, so a
rerun after any crash stores every item once.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from index.results import IngestResult
from pipeline.parse import printable
from pipeline.readers import ReadError, load

if TYPE_CHECKING:
    from index.ingest import Ingestion, Progress

FILES_PER_EMBED = 8  # files whose items one embedding call takes together (longer batches pad less)


class ReadAndTag:
    """A Ray Data actor: one file's bytes → its document, or the clear error a local ingest gives."""

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        import ray

        from index.ingest import prepared
        from pipeline import guard

        out = []
        for name, ref, key, sha in zip(batch["name"], batch["data"], batch["key"], batch["sha"], strict=True):
            try:
                out.append(pickle.dumps(prepared(guard.parse(ray.get(ref), str(name)), str(key), str(sha))))
            except ReadError as e:
                out.append(pickle.dumps(e))
        return {"slot": list(batch["slot"]), "result": out}


class Embed:
    """A Ray Data actor: the items of several files → their vectors, by the knowledge base's engine."""

    def __init__(self, engine: str) -> None:
        from index import embedder

        self.encoder = embedder.encoder(engine)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list]:
        results = [pickle.loads(r) for r in batch["result"]]
        texts = [t for r in results if not isinstance(r, Exception) for t in r.texts]
        vectors = self.encoder.passages(texts)
        out, at = [], 0
        for r in results:
            n = 0 if isinstance(r, Exception) else len(r.texts)
            out.append(vectors[at : at + n].tobytes())
            at += n
        return {"slot": list(batch["slot"]), "result": list(batch["result"]), "vectors": out}


def connect(address: str) -> None:
    """Join the cluster at `address` («auto»: the one started on this machine by `ray start`);
    our own progress bar speaks, Ray's logs stay in its session folder."""
    import logging

    import ray

    if not ray.is_initialized():
        ray.init(address=address, logging_level="ERROR", log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.execution_options.preserve_order = True  # file order, as a local ingest commits
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def ingest(
    ingestion: Ingestion, paths: list[Path], address: str, progress: Progress | None = None
) -> list[IngestResult]:
    """One result per file of `paths`, in order, as `Ingestion.files` gives them."""
    import ray

    results: list[IngestResult | None] = [None] * len(paths)
    rows = []
    for n, path in enumerate(paths):
        name, key = printable(path.name), printable(path.resolve())
        try:
            data = load(path)
        except ReadError as e:
            results[n] = ingestion.failed(key, str(e), e.kind, None)
            continue
        seen = ingestion.already(key, data)
        if isinstance(seen, IngestResult):
            results[n] = seen
        else:
            # The bytes go to the object store at once (it spills to disk when full), not held here.
            connect(address)
            rows.append({"slot": n, "name": name, "key": key, "sha": seen, "data": ray.put(data)})
        del data
    if rows:
        keys = {r["slot"]: (r["key"], r["sha"], r["name"]) for r in rows}
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        stream = (
            ray.data.from_items(rows, override_num_blocks=len(rows))
            .map_batches(ReadAndTag, batch_size=1, concurrency=(1, cpus), num_cpus=1)
            .map_batches(
                Embed,
                fn_constructor_kwargs={"engine": ingestion.encoder.engine},
                batch_size=FILES_PER_EMBED,
                concurrency=(1, cpus),
                num_cpus=1,
            )
        )
        done = sum(r is not None for r in results)
        items = 0
        for row in stream.iter_rows():
            slot = int(row["slot"])
            key, sha, name = keys[slot]
            result = pickle.loads(row["result"])
            if isinstance(result, ReadError):
                results[slot] = ingestion.failed(key, str(result), result.kind, sha)
            else:
                vectors = np.frombuffer(row["vectors"], dtype=np.float32).reshape(len(result.texts), -1)
                results[slot] = ingestion.commit_prepared(result, vectors)
            done += 1
            items += results[slot].items
            if progress:
                progress(done, len(paths), f"{name} · пунктов: {items}")
    return [r for r in results if r is not None]
