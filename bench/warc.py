"""WARC ingestion speed: build a WARC of the shared pages, read it back, extract.

Writes (warcio, gzip) the 181 scrapinghub pages 6 times over under distinct URLs
(1,086 response records, plus a request record before each) in a temp dir, then:
reading only (read_warc), reading + extract_html, with pages/s and peak memory
(ru_maxrss of the process, and tracemalloc's peak for one read-only pass).

    python bench/warc.py [--copies 6]
"""

from __future__ import annotations

import argparse
import gzip
import io
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import EXTRACTION  # noqa: E402

from newstrace.clean.html import extract_html  # noqa: E402
from newstrace.ingest.warc import read_warc  # noqa: E402


def build(path: Path, copies: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    files = sorted((EXTRACTION / "scrapinghub-aeb" / "html").glob("*.html.gz"))
    n = 0
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for c in range(copies):
            for f in files:
                url = f"https://site{c}.example/{f.name[:16]}"
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", f"site{c}.example")],
                                       is_http_request=True)
                w.write_record(w.create_warc_record(url, "request", http_headers=req))
                h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                     protocol="HTTP/1.1")
                body = gzip.open(f).read()
                w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                    http_headers=h))
                n += 1
    return n


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=6)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        n = build(path, args.copies)
        size = path.stat().st_size / 1e6
        print(f"WARC: {n} response records ({2 * n} records), {size:.1f} MB gzip; "
              f"RSS after build {rss_mb():.0f} MB")
        t, c = time.perf_counter(), time.process_time()
        count = sum(1 for _ in read_warc(str(path)))
        read_s, read_cpu = time.perf_counter() - t, time.process_time() - c
        rss_read = rss_mb()
        tracemalloc.start()
        for _ in read_warc(str(path)):
            pass
        peak_read = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        t, c = time.perf_counter(), time.process_time()
        done = errors = 0
        for doc in read_warc(str(path)):
            if doc.error:
                errors += 1
                continue
            extract_html(doc.body, doc.url)
            done += 1
        full_s, full_cpu = time.perf_counter() - t, time.process_time() - c
        print(f"{'step':28s} {'records':>8s} {'pages/s':>9s} {'CPU pages/s':>12s} {'MB/s':>7s} {'peak RSS MB':>12s}")
        print(f"{'read_warc only':28s} {count:8d} {count / read_s:9.1f} {count / read_cpu:12.1f} {size / read_s:7.1f} "
              f"{rss_read:12.0f}")
        print(f"{'read_warc + extract_html':28s} {done:8d} {done / full_s:9.1f} {done / full_cpu:12.1f} "
              f"{size / full_s:7.1f} {rss_mb():12.0f}")
        print(f"tracemalloc peak, one read-only pass: {peak_read:.1f} MB "
              f"(largest page {max(len(gzip.open(f).read()) for f in (EXTRACTION / 'scrapinghub-aeb' / 'html').glob('*.gz')) / 1e6:.1f} MB); errors {errors}")


if __name__ == "__main__":
    main()
