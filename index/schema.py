"""The SQLite schema of a knowledge base, its version and the steps that bring an older one up to date.

SQLite is the source of truth (vectors included); the FAISS file is rebuilt from it when
needed. WAL mode, foreign keys on; `connect` creates or migrates the schema.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from index.errors import StoreError

SCHEMA_VERSION = 4

# What brings a knowledge base from version n-1 to n. A new database gets SCHEMA (which
# already holds every change); an older one runs the steps it lacks, in one transaction.
MIGRATIONS: dict[int, list[str]] = {
    # 2: an item can be stored only once per document, enforced by SQLite itself
    2: ["CREATE UNIQUE INDEX IF NOT EXISTS items_doc_ordinal ON items(doc_id, ordinal)"],
    # 3: the activity's own lemmas, which re-ranking reads (NULL in older rows: read from the text then)
    3: ["ALTER TABLE items ADD COLUMN activity_lemmas TEXT"],
    # 4: the last year a document's period covers («на 2021–2025 годы»), so a year filter finds its later years
    4: [
        "ALTER TABLE documents ADD COLUMN year_end INTEGER",
        "UPDATE documents SET year_end = json_extract(meta, '$.period.end_year')",
    ],
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    kind TEXT, title TEXT, issuer TEXT, region TEXT, municipality TEXT,
    date TEXT, number TEXT, year INTEGER, year_end INTEGER,
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
    vector BLOB NOT NULL,
    activity_lemmas TEXT
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


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    """A connection with explicit transactions (BEGIN/COMMIT by `Store.transaction`), schema up to date."""
    if read_only:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db.row_factory = sqlite3.Row
        return db
    path.parent.mkdir(parents=True, exist_ok=True)
    # Waits up to 30 s for another process's write (a long reindex) instead of failing at once.
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
    db.row_factory = sqlite3.Row
    try:
        _prepare(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Create, check or migrate the schema; nothing is written to a file that is not ours."""
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    version = get_meta(db, "schema_version") if has_meta else None
    if version is None:  # a new knowledge base, unless the file already holds something else
        others = db.execute("SELECT count(*) FROM sqlite_master WHERE name != 'meta'").fetchone()[0]
        if others:
            raise StoreError(f"{path} — база SQLite, но не база знаний Praktika (нет версии схемы): она не изменена")
        version_row = f"INSERT INTO meta(key, value) VALUES ('schema_version', '{SCHEMA_VERSION}');"
        db.executescript(f"BEGIN IMMEDIATE;{SCHEMA}{version_row}COMMIT;")  # tables and version at once
    elif not version.isdigit():
        raise StoreError(f"база знаний {path}: непонятная версия схемы «{version}»")
    elif int(version) > SCHEMA_VERSION:
        raise StoreError(f"база знаний {path} новее этой версии Praktika (схема {version}, здесь {SCHEMA_VERSION})")
    else:
        check(db)  # before any change: a file with our version but not our tables is left as it is
        if int(version) < SCHEMA_VERSION:
            migrate(db, int(version))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")


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
        raise StoreError(f"базу знаний не удалось перевести со схемы {version} на {SCHEMA_VERSION}: {e}") from e


TABLES = frozenset(re.findall(r"CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)", SCHEMA))


def check(db: sqlite3.Connection) -> None:
    """Every table of the schema is there (a file with our meta table but not our tables is not ours)."""
    found = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if missing := sorted(TABLES - found):
        raise StoreError(f"в базе знаний нет таблиц: {', '.join(missing)}; файл повреждён или не от Praktika")


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
