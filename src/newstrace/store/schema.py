"""The DuckDB schema: one table per record type, versioned.

Nested fields (spans, credits, quotes...) are stored as JSON text so that
every table exports as-is to Parquet, JSONL and CSV.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

TABLES: dict[str, str] = {
    "documents": """
        doc_id VARCHAR PRIMARY KEY,
        source VARCHAR,       -- input file
        locator VARCHAR,      -- record inside the file ('' = whole file, 'line 3', 'record 7')
        kind VARCHAR,         -- html | text
        url VARCHAR,
        site VARCHAR,
        fetched_at VARCHAR,
        published VARCHAR,    -- as the input said
        title VARCHAR,        -- as the input said
        extra VARCHAR,        -- JSON: input fields newstrace does not use
        status VARCHAR,       -- ok | failed
        error VARCHAR,        -- why it failed (names file, record and fix)
        chars BIGINT,         -- length of the raw body
        body VARCHAR          -- the raw body (kept for audits and the UI)
    """,
    "articles": """
        doc_id VARCHAR PRIMARY KEY,
        site VARCHAR,
        url VARCHAR,
        title VARCHAR,
        title_evidence VARCHAR,
        published VARCHAR,          -- ISO date or datetime
        published_evidence VARCHAR,
        lang VARCHAR,
        byline VARCHAR,
        dateline_place VARCHAR,
        dateline_agency VARCHAR,
        credit_outlet VARCHAR,      -- first credit's outlet
        credit_domain VARCHAR,
        text VARCHAR,               -- the clean body, paragraphs joined by blank lines
        chars BIGINT,
        method VARCHAR,             -- which cleaner produced it
        dateline VARCHAR,           -- JSON {text, place, agency, date, start, end}
        credits VARCHAR,            -- JSON [{outlet, domain, form, line, start, end, link}] (raw offsets; link: an HTML credit's href)
        paragraphs VARCHAR,         -- JSON [{start, end, kind}] into text
        subheads VARCHAR,
        captions VARCHAR,
        quotes VARCHAR,             -- JSON [{text, speaker, kind, start, end}]
        entities VARCHAR,           -- JSON [{text, label, start, end}]
        counters VARCHAR,           -- JSON [{label, value, line, start, end}] (raw offsets)
        removed VARCHAR,            -- JSON [{text, start, end, reason}] (raw offsets)
        fields VARCHAR              -- JSON {title|byline|published: {value, evidence, start, end}}
    """,
    "alignments": """
        a VARCHAR, b VARCHAR,
        a_start BIGINT, a_end BIGINT, b_start BIGINT, b_end BIGINT,
        score DOUBLE, identity DOUBLE
    """,
    "families": """
        family_id VARCHAR, doc_id VARCHAR, role VARCHAR, coverage DOUBLE
    """,
    "provenance": """
        doc_id VARCHAR PRIMARY KEY,
        family_id VARCHAR,
        origin_doc_id VARCHAR,      -- null when the origin is not in the corpus
        origin_outlet VARCHAR,
        parent_doc_id VARCHAR,
        credit_status VARCHAR,      -- origin | credited | uncredited | miscredited
        confidence DOUBLE,
        evidence VARCHAR            -- JSON list of plain-words reasons
    """,
    "edits": """
        doc_id VARCHAR, parent_doc_id VARCHAR, op VARCHAR,
        text VARCHAR, parent_text VARCHAR, start BIGINT, "end" BIGINT
    """,
    "networks": """
        network VARCHAR, outlet VARCHAR, score DOUBLE,
        evidence VARCHAR            -- JSON list of plain-words reasons
    """,
    "audit": """
        doc_id VARCHAR, origin_doc_id VARCHAR, field VARCHAR, finding VARCHAR, detail VARCHAR
    """,
    "progress": """
        source VARCHAR PRIMARY KEY, records_done BIGINT, done BOOLEAN
    """,
    "stages": """
        name VARCHAR PRIMARY KEY, input_digest VARCHAR, rows BIGINT
    """,
    "meta": """
        key VARCHAR PRIMARY KEY, value VARCHAR
    """,
}

# Tables a user reads and exports (the rest is bookkeeping).
PUBLIC = ("documents", "articles", "alignments", "families", "provenance", "edits",
          "networks", "audit")


def create_all(con) -> None:
    for name, cols in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")
    con.execute(
        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
    )
