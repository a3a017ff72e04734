"""How much of the trace's error is the pages' clocks? A diagnosis, not a method.

The provenance simulator gives each site a clock (15% off by hours) and a zone (40%
of sites write local time without it), and some pages no date. This traces the
tuning seeds' corpora (cleaned once, cached by bench/tune_trace.py) as they are,
then again with dates replaced by the simulator's true times:

- `shown`: every page that shows a date gets its true time (perfect knowledge of
  every site's clock and zone; pages without a date stay without);
- `big sites`: the same, only at sites with 5 or more pages in the corpus (what a
  corpus-wide estimate of site clocks could at best learn);
- `all`: every page gets its true time, undated ones too.

    .venv/bin/python bench/clock_oracle.py --cache /tmp/ntt   # tuning seeds only

Never pass the held-out seeds of bench/provenance.py here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import provenance as pb  # noqa: E402
import tune_trace as tt  # noqa: E402

from newstrace.clean.dates import WEAK_DATE  # noqa: E402
from newstrace.records import Found  # noqa: E402
from newstrace.trace import TraceOptions, trace_families  # noqa: E402

MODES = ("as shown", "shown", "big sites", "all")


def with_true_times(data: dict, mode: str) -> dict:
    """Articles with dates replaced by the simulator's true times, per `mode`."""
    arts = data["articles"]
    if mode == "as shown":
        return arts
    pages = Counter(a.site for a in arts.values())
    out = {}
    for d, a in arts.items():
        t = data["truth"].get(d)
        shown = a.published is not None and a.published.evidence != WEAK_DATE
        if t and t.true_time and (mode == "all" or shown) and (
                mode != "big sites" or pages[a.site] >= 5):
            a = replace(a, published=Found(t.true_time, "true time (diagnosis)"))
        out[d] = a
    return out


def one(args: tuple[int, str]) -> tuple[float, float, float]:
    seed, mode = args
    data = tt.prepared(seed)
    prov, _ = trace_families(with_true_times(data, mode), data["members"], data["alignments"],
                             options=TraceOptions(edits=False))
    s = pb.score(pb.predictions(prov, data["members"]), data["truth"], set())
    return s["origin outlet"], s["parent"], s["credit status"]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=tt.TUNING)
    ap.add_argument("--cache", type=Path, default=tt.CACHE,
                    help="cleaned corpora (rebuild after cleaning changes: an empty folder)")
    args = ap.parse_args(argv)
    tt.CACHE = args.cache
    if tt.HELD_OUT & set(args.seeds):
        sys.exit("held-out seeds are for bench/provenance.py only")
    print(f"{'dates':<12}{'origin':>8}{'parent':>8}{'credit':>8}   (mean of seeds {args.seeds})")
    with Pool(2) as pool:
        for mode in MODES:
            r = pool.map(one, [(s, mode) for s in args.seeds])
            print(f"{mode:<12}" + "".join(f"{sum(x[i] for x in r) / len(r):>8.4f}" for i in range(3)))


if __name__ == "__main__":
    main()
