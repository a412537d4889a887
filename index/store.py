"""SQLite storage: documents, items, entities, citations, the ingest log and the FTS5 lemmas.

SQLite is the source of truth (vectors included); the FAISS file is rebuilt from it when
needed. WAL mode, foreign keys on, schema versioned and created by `connect`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

import numpy as np

from pipeline.records import Document, Item

SCHEMA_VERSION = 2

# What brings a knowledge base from version n-1 to n. A new database gets SCHEMA (which
# already holds every change); an older one runs the steps it lacks, in one transaction.
MIGRATIONS: dict[int, list[str]] = {
    # 2: an item can be stored only once per document, enforced by SQLite itself
    2: ["CREATE UNIQUE INDEX IF NOT EXISTS items_doc_ordinal ON items(doc_id, ordinal)"],
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    kind TEXT, title TEXT, issuer TEXT, region TEXT, municipality TEXT,
    date TEXT, number TEXT, year INTEGER,
    meta TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    kind TEXT NOT NULL,
    number TEXT, section TEXT, activity TEXT NOT NULL, description TEXT, deadline TEXT,
    responsible TEXT, result TEXT,
    pos TEXT, deadline_value TEXT,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS items_doc ON items(doc_id);
CREATE UNIQUE INDEX IF NOT EXISTS items_doc_ordinal ON items(doc_id, ordinal);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, label TEXT NOT NULL, canonical TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS item_entities (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    field TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (item_id, field, start)
);
CREATE INDEX IF NOT EXISTS item_entities_entity ON item_entities(entity_id);
CREATE TABLE IF NOT EXISTS citations (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT, date TEXT, number TEXT, title TEXT, amends INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ingest_log (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL DEFAULT (datetime('now')),
    path TEXT NOT NULL, sha256 TEXT, status TEXT NOT NULL, message TEXT, items INTEGER
);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(lemmas, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS items_vocab USING fts5vocab(items_fts, 'row');
"""


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)  # explicit BEGIN/COMMIT; see kb.lock
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    version = get_meta(db, "schema_version")
    if version is None:
        db.executescript(SCHEMA)
        set_meta(db, "schema_version", str(SCHEMA_VERSION))
    elif int(version) > SCHEMA_VERSION:
        raise RuntimeError(f"knowledge base schema {version} is newer than this Praktika ({SCHEMA_VERSION})")
    elif int(version) < SCHEMA_VERSION:
        migrate(db, int(version))
    return db


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Run the migrations after `version`; on any failure the knowledge base stays as it was."""
    db.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[step]:
                db.execute(statement)
        set_meta(db, "schema_version", str(SCHEMA_VERSION))
        db.execute("COMMIT")
    except sqlite3.Error as e:
        db.execute("ROLLBACK")
        raise RuntimeError(f"cannot migrate the knowledge base from schema {version} to {SCHEMA_VERSION}: {e}") from e


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def insert_document(db: sqlite3.Connection, doc: Document, path: str, sha: str) -> int:
    meta = doc.meta()
    cur = db.execute(
        "INSERT INTO documents(source, path, sha256, kind, title, issuer, region, municipality, date, number,"
        " year, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc.source,
            path,
            sha,
            doc.kind,
            doc.title,
            doc.issuer,
            doc.region,
            doc.municipality,
            doc.date,
            doc.number,
            doc.year,
            json.dumps(meta, ensure_ascii=False),
        ),
    )
    doc_id = int(cur.lastrowid)
    for c in doc.citations:
        db.execute(
            "INSERT INTO citations VALUES (?,?,?,?,?,?)",
            (doc_id, c.kind, c.date, c.number, c.title, int(c.amends)),
        )
    return doc_id


def insert_item(db: sqlite3.Connection, doc_id: int, item: Item, vector: np.ndarray, lemmas: list[str]) -> int:
    cur = db.execute(
        "INSERT INTO items(doc_id, ordinal, kind, number, section, activity, description, deadline,"
        " responsible, result, pos, deadline_value, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            doc_id,
            item.ordinal,
            item.kind,
            item.number,
            " › ".join(item.section),
            item.activity,
            item.description,
            item.deadline,
            item.responsible,
            item.result,
            json.dumps(asdict(item.pos)),
            json.dumps(item.when, ensure_ascii=False) if item.when else None,
            np.asarray(vector, dtype=np.float32).tobytes(),
        ),
    )
    item_id = int(cur.lastrowid)
    db.execute("INSERT INTO items_fts(rowid, lemmas) VALUES (?, ?)", (item_id, " ".join(lemmas)))
    for e in item.entities:
        db.execute(
            "INSERT INTO entities(key, label, canonical) VALUES (?,?,?) ON CONFLICT(key) DO NOTHING",
            (e.key, e.label, e.canonical),
        )
        entity_id = db.execute("SELECT id FROM entities WHERE key = ?", (e.key,)).fetchone()["id"]
        db.execute(
            "INSERT OR IGNORE INTO item_entities VALUES (?,?,?,?,?,?)",
            (item_id, entity_id, e.field, e.start, e.end, e.text),
        )
    return item_id


def delete_document(db: sqlite3.Connection, doc_id: int) -> list[int]:
    """Remove a document with its items; return the removed item ids (for FAISS)."""
    ids = [r["id"] for r in db.execute("SELECT id FROM items WHERE doc_id = ?", (doc_id,))]
    db.executemany("DELETE FROM items_fts WHERE rowid = ?", [(i,) for i in ids])
    db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
    return ids


def all_vectors(db: sqlite3.Connection, dim: int) -> tuple[np.ndarray, np.ndarray]:
    rows = db.execute("SELECT id, vector FROM items ORDER BY id").fetchall()
    ids = np.array([r["id"] for r in rows], dtype=np.int64)
    vectors = np.frombuffer(b"".join(r["vector"] for r in rows), dtype=np.float32).reshape(-1, dim)
    return ids, vectors


def integrity(db: sqlite3.Connection) -> list[str]:
    """Problems found: SQLite's own check, items without FTS rows or the reverse, orphans."""
    problems = []
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("sqlite integrity_check failed")
    n_items = db.execute("SELECT count(*) FROM items").fetchone()[0]
    n_fts = db.execute("SELECT count(*) FROM items_fts").fetchone()[0]
    if n_items != n_fts:
        problems.append(f"{n_items} items but {n_fts} lexical rows")
    orphans = db.execute("SELECT count(*) FROM items WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} items without a document")
    dupes = db.execute(
        "SELECT count(*) FROM (SELECT doc_id, ordinal FROM items GROUP BY doc_id, ordinal HAVING count(*) > 1)"
    ).fetchone()[0]
    if dupes:
        problems.append(f"{dupes} items stored twice")
    return problems
