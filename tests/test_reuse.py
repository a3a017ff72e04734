"""Text reuse: copies, borrowed paragraphs, chains, boilerplate, noise, determinism."""

from __future__ import annotations

import random

import pytest

from newstrace.reuse import (
    ReuseInputError,
    ReuseOptions,
    candidates,
    families,
    find_reuse,
    merge_counts,
    signatures,
    tokenize,
    verify,
)
from newstrace.reuse.passages import trim_spill

VOCAB = (
    "the of and to in a is that for on with as was by at from his her they said "
    "government minister police city council report market price company year week "
    "people official court election vote law school water energy health hospital "
    "budget plan project river road bridge train storm rain fire village farmers "
    "workers union strike talks deal agreement leader party state region border "
    "army troops attack peace summit trade export import bank rate inflation growth "
    "museum festival music film book author artist players team match season coach"
).split()


def prose(rng: random.Random, paragraphs: int, words: tuple[int, int] = (45, 80)) -> list[str]:
    out = []
    for _ in range(paragraphs):
        sents, left = [], rng.randint(*words)
        while left > 0:
            k = min(left, rng.randint(8, 18))
            sent = " ".join(rng.choice(VOCAB) for _ in range(k))
            sents.append(sent.capitalize() + ".")
            left -= k
        out.append(" ".join(sents))
    return out


def story(seed: int, paragraphs: int = 6) -> list[str]:
    return prose(random.Random(seed), paragraphs)


def ocr(text: str, rate: float, seed: int) -> str:
    """Character errors plus column wrapping with hyphenated line ends."""
    rng = random.Random(seed)
    chars = []
    for ch in text:
        if ch.isalpha() and rng.random() < rate:
            chars.append(rng.choice("ceo1lrnm"))
        else:
            chars.append(ch)
    lines, line = [], ""
    for w in "".join(chars).split(" "):
        if len(line) + len(w) > 50 and len(w) > 6:
            lines.append(f"{line} {w[:3]}-")
            line = w[3:]
        elif len(line) + len(w) > 50:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return "\n".join([*lines, line])


def family_of(result, doc_id: str, role: str = "copy") -> str | None:
    for m in result.members:
        if m.doc_id == doc_id and m.role == role:
            return m.family_id
    return None


def pairs_of(result) -> set[tuple[str, str]]:
    return {(a.a, a.b) for a in result.alignments}


def test_exact_copy_has_full_spans():
    text = "\n\n".join(story(1))
    other = "\n\n".join(story(2))
    res = find_reuse([("b", text), ("a", text), ("c", other)])
    spans = [a for a in res.alignments if (a.a, a.b) == ("a", "b")]
    assert len(spans) == 1
    al = spans[0]
    assert al.a_start == 0 and al.b_start == 0
    assert al.a_end == len(text) and al.b_end == len(text)
    assert al.identity == 1.0
    assert family_of(res, "a") == family_of(res, "b") == "a"
    assert family_of(res, "c") is None
    assert {m.coverage for m in res.members} == {1.0}


def test_borrowed_paragraph_spans_cover_it_in_both_texts():
    seed = story(3)
    filler = prose(random.Random(4), 5)
    borrowed = seed[3]
    roundup = filler[:2] + [borrowed] + filler[2:]
    seed_text, roundup_text = "\n\n".join(seed), "\n\n".join(roundup)
    res = find_reuse([("seed", seed_text), ("roundup", roundup_text), ("x", "\n\n".join(story(5)))])
    assert pairs_of(res) == {("roundup", "seed")}
    (al,) = res.alignments
    r0 = roundup_text.index(borrowed)
    s0 = seed_text.index(borrowed)
    assert abs(al.a_start - r0) <= 1 and abs(al.a_end - (r0 + len(borrowed))) <= 1
    assert abs(al.b_start - s0) <= 1 and abs(al.b_end - (s0 + len(borrowed))) <= 1
    roles = {m.doc_id: m.role for m in res.members}
    assert "partial" in roles.values()
    assert family_of(res, "roundup") != family_of(res, "seed") or roles["roundup"] == "partial"


@pytest.mark.parametrize(("words", "whole", "end", "linked"), [
    (28, False, ".", True),  # a passage of 25 words or more links anywhere
    (22, False, ".", False),  # 22 shared words inside other paragraphs do not
    (22, True, ".", True),  # ... but as a whole paragraph in both texts they do
    (22, True, "?", False),  # a question (interview and FAQ templates) does not
    (12, True, ".", True),  # ... from 10 words
    (9, True, ".", False),  # not under 10 words
])
def test_a_borrowed_paragraph_links_from_25_words_or_whole_from_10(words, whole, end, linked):
    """A roundup quoting one paragraph of a story is reuse; a stock sentence is not."""
    borrowed = prose(random.Random(7), 1, (words, words))[0][:-1] + end
    seed = story(8)
    roundup = prose(random.Random(9), 4)
    if whole:
        seed.insert(3, borrowed)
        roundup.insert(2, borrowed)
    else:
        seed[3] = f"{seed[3]} {borrowed} {seed[4]}"
        roundup[2] = f"{roundup[2]} {borrowed} {roundup[3]}"
    res = find_reuse([("seed", "\n\n".join(seed)), ("roundup", "\n\n".join(roundup))])
    assert (pairs_of(res) == {("roundup", "seed")}) is linked
    assert ({m.role for m in res.members} == {"partial"}) is linked


@pytest.mark.parametrize("spill", ["after", "before"])
def test_a_borrowed_paragraph_links_when_the_match_runs_into_a_neighbour_alike(spill):
    """The next paragraph starts with the same word in both texts ("It is ..." and "It's
    ..."): the matched words run one word past the borrowed paragraph's end (or before its
    start when the previous ones end alike). It is still a whole paragraph in both."""
    borrowed = prose(random.Random(7), 1, (20, 20))[0]
    seed, roundup = story(8), prose(random.Random(9), 4)
    if spill == "after":
        seed[3], roundup[2] = "It " + seed[3], "It " + roundup[2]
    else:
        seed[2], roundup[1] = seed[2][:-1] + " today.", roundup[1][:-1] + " today."
    seed.insert(3, borrowed)
    roundup.insert(2, borrowed)
    res = find_reuse([("seed", "\n\n".join(seed)), ("roundup", "\n\n".join(roundup))])
    assert pairs_of(res) == {("roundup", "seed")}
    (al,) = res.alignments
    spill_words = "It" if spill == "after" else "today."
    assert spill_words in ("\n\n".join(roundup))[al.a_start:al.a_end]  # the match ran over


def test_trim_spill_leaves_out_a_few_words_of_a_neighbouring_line_only():
    text = "First line ends today.\n\nThe borrowed paragraph is here.\n\nIt goes on."
    start, end = text.index("today."), text.index(" goes")
    assert text[slice(*trim_spill(text, start, end))] == "The borrowed paragraph is here."
    inside = text.index("borrowed"), text.index(" is here")
    assert trim_spill(text, *inside) == inside  # no line end inside: as it is
    long_tail = text + " and on and on"
    whole = 0, long_tail.index(" and on and")
    assert trim_spill(long_tail, *whole) == (0, long_tail.rindex("\n") - 1)
    assert trim_spill(text, 0, len(text)) == (0, len(text))


def test_a_short_paragraph_shared_whole_is_a_candidate_however_its_shingles_are_sampled():
    """One shingle in four is sampled: a 12-word paragraph often has fewer than the two a
    candidate pair needs. The whole paragraph is a key of its own, so the pair is found."""
    for k in range(50):
        borrowed = prose(random.Random(100 + k), 1, (12, 12))[0]
        ids = ["seed", "roundup"]
        texts = ["\n\n".join(story(200 + k, 3) + [borrowed] + story(300 + k, 2)),
                 "\n\n".join(story(400 + k, 2) + [borrowed] + story(500 + k, 1))]
        if candidates(signatures(ids, texts, ReuseOptions(paragraph_keys=False))).num_rows:
            continue  # enough of its shingles were sampled: try another paragraph
        assert candidates(signatures(ids, texts)).num_rows == 1
        assert pairs_of(find_reuse(list(zip(ids, texts, strict=True)))) == {("roundup", "seed")}
        assert find_reuse(list(zip(ids, texts, strict=True)),
                          ReuseOptions(paragraph_keys=False)).alignments == []
        return
    pytest.fail("no paragraph with too few sampled shingles among 50")


def test_paragraph_keys_need_the_whole_line_in_the_same_order():
    a = "Troops attack the peace summit as trade and export talks stall again."
    b = "The peace summit troops attack as trade and export talks stall again."
    keys_a = signatures(["a"], [a], ReuseOptions(sample=10**9)).column("hash").to_pylist()
    keys_b = signatures(["b"], [b], ReuseOptions(sample=10**9)).column("hash").to_pylist()
    keys_a2 = signatures(["a2"], ["Intro line.\n" + a], ReuseOptions(sample=10**9))
    assert len(keys_a) == 2 and not set(keys_a) & set(keys_b)
    assert set(keys_a) <= set(keys_a2.column("hash").to_pylist())
    short = signatures(["s"], ["Too short to be a key here."], ReuseOptions(sample=10**9))
    assert short.num_rows == 0


def test_a_text_repeating_itself_aligns_with_its_copy():
    """A page whose body appears twice (plan A / plan B, a scraped second copy) matches its
    copy along each repeat: one passage over the whole text, the pair a full copy."""
    body = "\n\n".join(story(20, 4))
    twice = body + "\n\n" + body
    copy = "\n\n".join(prose(random.Random(21), 1)) + "\n\n" + twice
    res = find_reuse([("page", twice), ("copy", copy)])
    spans = [a for a in res.alignments if (a.a, a.b) == ("copy", "page")]
    assert len(spans) == 1
    assert spans[0].b_start == 0 and spans[0].b_end == len(twice)
    assert {m.role for m in res.members} == {"copy"}
    assert {m.coverage for m in res.members if m.doc_id == "page"} == {1.0}


def test_a_sentence_repeated_in_one_text_counts_once():
    """A 14-word sentence a page prints twice is still one 14-word borrowing: no link."""
    shared = prose(random.Random(22), 1, (14, 14))[0]
    a, b, c = story(23, 3), story(24, 3), story(25, 3)
    page = a[:2] + [f"{a[2]} {shared} {b[0]}"] + b[1:2] + [f"{b[2]} {shared} {c[0]}"]
    other = story(26, 3) + [f"{c[1]} {shared} {c[2]}"] + story(27, 2)
    res = find_reuse([("page", "\n\n".join(page)), ("other", "\n\n".join(other))])
    assert res.alignments == [] and res.members == []


def test_partial_coverage_counts_only_text_shared_with_the_copies():
    """Two stories of one site, each copied, share the site's promo paragraph: each story's
    pages are partial members of the other family, covering the promo, not their whole text."""
    promo = prose(random.Random(30), 1, (40, 40))[0]
    one, two = story(31, 5), story(32, 5)
    one.insert(2, promo)
    two.insert(3, promo)
    docs = [(f"a{i}", "\n\n".join(one)) for i in range(3)] + [
        (f"b{i}", "\n\n".join(two)) for i in range(2)]
    res = find_reuse(docs)
    fam = {m.doc_id: m.family_id for m in res.members if m.role == "copy"}
    assert fam["a0"] == fam["a1"] == fam["a2"] != fam["b0"] == fam["b1"]
    parts = [m for m in res.members if m.role == "partial"]
    assert {m.doc_id for m in parts} == {"a0", "a1", "a2", "b0", "b1"}
    assert all(m.coverage < 0.25 for m in parts)


def test_chain_of_two_stories_is_not_one_family():
    a, c = story(10), story(11)
    b = a + c  # a compilation: shares all of A and all of C, while A and C share nothing
    res = find_reuse([("A", "\n\n".join(a)), ("B", "\n\n".join(b)), ("C", "\n\n".join(c))])
    assert ("A", "C") not in pairs_of(res)
    fa, fc = family_of(res, "A"), family_of(res, "C")
    assert not (fa is not None and fa == fc)


def test_related_posts_and_disclaimer_make_no_link():
    related = "\n".join(
        ["Related posts", "Storm closes bridge as river rises", "Council votes on new budget plan",
         "Farmers protest over water prices", "Coach names team for summit match",
         "Museum opens festival of film and music"]
    )
    disclaimer = (
        "Disclaimer: The views and opinions expressed in this article are those of the authors "
        "and do not necessarily reflect the official policy or position of this publication. "
        "Nothing here is financial advice. Readers should consult a licensed adviser before acting."
    )
    docs = [(f"d{i}", "\n\n".join(story(100 + i, 4)) + "\n\n" + related + "\n\n" + disclaimer)
            for i in range(6)]
    res = find_reuse(docs)
    assert res.alignments == []
    assert res.members == []
    # without the edge rule the disclaimer alone would be long enough to link
    assert find_reuse(docs, ReuseOptions(edge_tokens=0)).alignments
    # the same boilerplate does not stop a real copy from being found
    docs.append(("d0-copy", docs[0][1]))
    res = find_reuse(docs)
    assert pairs_of(res) == {("d0", "d0-copy")}


def test_ocr_noised_copy_is_found():
    text = "\n\n".join(story(20, 8))
    noisy = "PARIS (AP) — " + ocr(text, 0.03, seed=1)
    res = find_reuse([("orig", text), ("scan", noisy), ("other", "\n\n".join(story(21, 8)))])
    assert family_of(res, "orig") == family_of(res, "scan") == "orig"
    assert family_of(res, "other") is None
    cov = {m.doc_id: m.coverage for m in res.members}
    assert cov["orig"] > 0.8
    idents = [a.identity for a in res.alignments]
    assert all(0.9 < i < 1.0 for i in idents)  # about 3% of the letters differ


def test_hyphenated_line_break_joins_the_word():
    tok = tokenize(["the exam-\nple text", "the example text", "The EXAMPLE Text"])
    h = tok.hashes.tolist()
    assert h[0:3] == h[3:6] == h[6:9]


def test_same_result_in_any_input_order():
    rng = random.Random(7)
    docs = []
    for s in range(6):
        paras = story(30 + s)
        docs.append((f"s{s}", "\n\n".join(paras)))
        docs.append((f"s{s}c", ocr("\n\n".join(paras[: 4 + s % 3]), 0.02, seed=s)))
        docs.append((f"r{s}", "\n\n".join(prose(rng, 3) + [paras[2]])))
    first = find_reuse(docs)
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    second = find_reuse(shuffled, ReuseOptions(batch_docs=5))
    assert first == second
    assert len({m.family_id for m in first.members if m.role == "copy"}) == 6


def test_stage_functions_compose_to_find_reuse():
    docs = []
    for s in range(4):
        paras = story(50 + s)
        docs += [(f"s{s}", "\n\n".join(paras)), (f"c{s}", "\n\n".join(paras[:4]))]
    ids, texts = [d[0] for d in docs], [d[1] for d in docs]
    sig = signatures(ids, texts)
    assert sig.column_names == ["doc", "hash", "pos"]
    pairs = candidates(sig)
    halves = [candidates(signatures(ids[i::2], texts[i::2]), minimum=1) for i in (0, 1)]
    assert pairs.num_rows == 4
    # a shard of the hash space holds all rows of its hashes: shards add up
    shard = sig.column("hash").to_numpy() >> 63
    parts = [candidates(sig.filter(shard == k), minimum=1) for k in (0, 1)]
    assert merge_counts(parts).to_pylist() == pairs.to_pylist()
    assert all(h.num_rows == 0 for h in halves)  # s_k and c_k sit in different halves
    alignments = verify(pairs, dict(docs))
    members = families(alignments, {d: len(t) for d, t in docs})
    assert find_reuse(docs).alignments == alignments
    assert find_reuse(docs).members == members


def test_duplicate_ids_raise_a_named_error():
    with pytest.raises(ReuseInputError, match="appears twice"):
        find_reuse([("a", "x y z"), ("a", "x y z")])


def test_empty_and_tiny_inputs():
    assert find_reuse([]).alignments == []
    res = find_reuse([("a", ""), ("b", "short text"), ("c", "short text")])
    assert res.alignments == [] and res.members == []


def test_partial_links_do_not_chain_stories_together():
    s1, s2, s3 = story(60), story(61), story(62)
    rng = random.Random(63)
    r1 = prose(rng, 3) + [s1[2]] + prose(rng, 2) + [s2[4]]
    r2 = prose(rng, 3) + [s2[1]] + prose(rng, 2) + [s3[3]]
    docs = [(k, "\n\n".join(v)) for k, v in
            {"s1": s1, "s2": s2, "s3": s3, "r1": r1, "r2": r2}.items()]
    res = find_reuse(docs)
    assert pairs_of(res) == {("r1", "s1"), ("r1", "s2"), ("r2", "s2"), ("r2", "s3")}
    assert {m.role for m in res.members} == {"partial"}
    fams: dict[str, set[str]] = {}
    for m in res.members:
        fams.setdefault(m.family_id, set()).add(m.doc_id)
    assert not any({"s1", "s3"} <= f for f in fams.values())
    assert all(len(f) <= 3 for f in fams.values())


def test_shingles_in_too_many_documents_are_templates():
    template = "\n\n".join(story(70, 2))
    docs = [(f"d{i}", "\n\n".join(story(80 + i, 3)) + "\n\n" + template) for i in range(5)]
    ids, texts = [d[0] for d in docs], [d[1] for d in docs]
    assert candidates(signatures(ids, texts)).num_rows == 10
    assert candidates(signatures(ids, texts), ReuseOptions(max_df=4)).num_rows == 0


def test_cjk_text_is_tokenised_per_character():
    rng = random.Random(90)
    kana = [chr(c) for c in range(0x3042, 0x3093)]
    paras = ["".join(rng.choice(kana) for _ in range(120)) + "。" for _ in range(4)]
    text = "\n\n".join(paras)
    tok = tokenize([text])
    assert tok.hashes.size == 480
    res = find_reuse([("ja1", text), ("ja2", "東京（共同）\n\n" + text)])
    (al,) = res.alignments
    assert (al.a_start, al.a_end) == (0, len(text))
    assert al.b_start == len("東京（共同）\n\n")


def test_spilled_shards_give_the_same_result(tmp_path):
    docs = []
    for s in range(5):
        paras = story(200 + s)
        docs += [(f"s{s}", "\n\n".join(paras)), (f"c{s}", ocr("\n\n".join(paras[:5]), 0.02, s))]
    opts = ReuseOptions(shards=3, spill_dir=str(tmp_path))
    from newstrace.reuse.shards import candidate_pairs

    texts = [t for _, t in sorted(docs)]
    a, b = candidate_pairs(texts, opts)
    a2, b2 = candidate_pairs(texts, ReuseOptions(shards=1))
    assert a.tolist() == a2.tolist() and b.tolist() == b2.tolist() and a.size == 5
    assert find_reuse(docs, opts) == find_reuse(docs)
    assert list(tmp_path.iterdir()) == []  # the scratch files are gone
