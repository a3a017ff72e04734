"""Check that text-mode cleaning gives identical results before and after a code change.

One command: `python bench/clean_identity.py save REF.pkl` (on the untouched code), then
`python bench/clean_identity.py check REF.pkl` (on the changed code).

Texts: all page dumps of both variants, plus a seeded fuzz of perturbed dumps
(line subsets, shuffles, blank and whitespace lines, non-ASCII and astral
characters, very long lines, CRLF, tabs, invisible characters) and some tiny
texts. Per text it stores the `classify_lines` results (with and without
site-common lines) and hashes of the page fields, feature matrix and model scores.
"""

from __future__ import annotations

import hashlib
import pickle
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from metric import EXTRACTION  # noqa: E402

from newstrace.clean import text as cleaner  # noqa: E402
from newstrace.clean import train_text  # noqa: E402
from newstrace.clean.lines import build_page  # noqa: E402

N_FUZZ = 3000
ODD = ["é", "ß", "İ", "ﬁ", "Σ", "ς", "日本語の記事", "기사", "中文新闻", "😀", "𝐀𝐁", "\u200b", "\ufeff",
       "\u00a0", "\u2028", "\t", "\r", "©", "…", "«", "»", "—", "·", "|", "•", "Привет", "مرحبا",
       "12:45", "2019", "1999", "http://x.com", "@user", "(c) ", "Read more", "Sign up", "says:",
       "12 Comments", "By ", "0", "201", "3.5 (10 votes)", "ΑΒΓ", "ǅ", "\x0b", "\x0c", "\x1c", "\x85"]


def texts() -> list[tuple[str, str]]:
    rows = train_text.load_rows(EXTRACTION / "textdump.jsonl")
    dumps = [r[v] for r in rows for v in train_text.VARIANTS]
    out = [(f"dump{k}", t) for k, t in enumerate(dumps)]
    tiny = ["", " ", "\n", "\n\n \t\n", "a", "x\n", "\u200b", "😀", "ß", "İstanbul\nİİİ",
            "Title\nTitle", "0\n1\n2", "Hello world.\n" * 3, "\r\n\r\n", "a" * 5000, "\t\tb  \n"]
    out += [(f"tiny{k}", t) for k, t in enumerate(tiny)]
    rng = random.Random(20261129)
    for k in range(N_FUZZ):
        lines = rng.choice(dumps).split("\n")
        op = k % 8
        if op == 0:  # random subset in order
            lines = [ln for ln in lines if rng.random() < rng.uniform(0.2, 0.9)]
        elif op == 1:  # shuffle a slice
            a = rng.randrange(len(lines))
            b = min(len(lines), a + rng.randint(1, 60))
            part = lines[a:b]
            rng.shuffle(part)
            lines = part
        elif op == 2:  # blank / whitespace lines inserted
            for _ in range(rng.randint(1, 20)):
                lines.insert(rng.randrange(len(lines) + 1), rng.choice(["", " ", "\t", "  \u200b", "\r"]))
        elif op == 3:  # odd characters sprinkled
            for _ in range(rng.randint(1, 40)):
                i = rng.randrange(len(lines))
                s = lines[i]
                p = rng.randrange(len(s) + 1)
                lines[i] = s[:p] + rng.choice(ODD) + s[p:]
        elif op == 4:  # very long lines
            j = rng.randrange(len(lines))
            lines.insert(j, " ".join(lines[j:j + rng.randint(5, 200)]))
        elif op == 5:  # CRLF / tabs / indents
            lines = [rng.choice(["", " ", "\t", "   "]) + ln + rng.choice(["", "\r", " ", "\t "])
                     for ln in lines]
        elif op == 6:  # a short page from a few lines, with duplicates
            lines = [rng.choice(lines) for _ in range(rng.randint(1, 12))]
        else:  # case changes
            lines = [ln.upper() if rng.random() < 0.2 else ln.lower() if rng.random() < 0.2 else ln
                     for ln in lines]
        out.append((f"fuzz{k}", "\n".join(lines)))
    return out


def result(text: str, common: set[int]) -> tuple:
    page = build_page(text)
    xh = hashlib.sha1(page.X.tobytes()).hexdigest() + str(page.X.shape)
    other = (page.texts, page.starts, page.ends, page.keys, page.counts.tolist(), page.title.tolist(),
             None if page.teaser is None else page.teaser.tolist())
    xh += hashlib.sha1(repr(other).encode()).hexdigest()
    if page.texts:
        xh += hashlib.sha1(cleaner.load_model().scores(page).tobytes()).hexdigest()
    plain = cleaner.classify_lines(text)
    with_common = cleaner.classify_lines(text, common_lines=common)
    return xh, page.main, plain, with_common


def run() -> dict:
    items = texts()
    common = cleaner.common_site_lines([t for name, t in items if name.startswith("dump")][:40],
                                       min_share=0.05, min_docs=2)
    return {name: result(t, common) for name, t in items}


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    got = run()
    if mode == "save":
        path.write_bytes(pickle.dumps(got))
        print(f"saved {len(got)} texts to {path}")
        return
    ref = pickle.loads(path.read_bytes())
    bad = [k for k in ref if ref[k] != got.get(k)]
    print(f"compared {len(ref)} texts ({sum(k.startswith('dump') for k in ref)} dumps): "
          f"{len(ref) - len(bad)} equal, {len(bad)} differ {bad[:10]}")
    sys.exit(1 if bad or set(got) != set(ref) else 0)


if __name__ == "__main__":
    main()
