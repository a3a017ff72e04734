from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "republished-article.txt"


@pytest.mark.skipif(not EXAMPLE.exists(), reason="needs /work/shared/examples")
def test_lone_republished_article_is_credited_to_the_outlet_outside_the_corpus(tmp_path):
    from newstrace.api import run

    corpus = run(EXAMPLE, tmp_path / "x.duckdb")
    [doc] = corpus.sql("SELECT doc_id FROM documents")
    prov = corpus.document(doc["doc_id"])["provenance"]
    assert prov["family_id"] is None and prov["parent_doc_id"] is None
    assert prov["origin_doc_id"] is None
    assert prov["origin_outlet"] == "sputniknews.com"
    assert prov["credit_status"] == "credited"
    assert any("Sourse: sputniknews.com" in e for e in prov["evidence"])
