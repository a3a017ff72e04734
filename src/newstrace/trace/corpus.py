"""The corpus-level passes of `trace_families`, cut into per-record steps.

An executor that cannot hold the corpus (Spark) runs them as maps and
aggregations; put back together they give what `trace_families` gives:

- footers: `networks.audit.footer_names` per article, counted per site,
  `footers_from_counts`;
- debris: `family_units` per family keyed by its `components` group; a unit in
  `limit` groups or more is dropped (`drop_units`);
- clocks: `new_credit_pairs` per family (in family order), `clocks.site_offsets`
  over all of them; `first_pass_pairs` per family (in family id order, then
  `clocks.unique_pairs`) and `site_offsets` again over both; `shift_clocks` per family;
- then `trace_split` per family, the best row per document (`better`),
  `trace_single` for the rest and `diff_articles` per copy.
"""

from __future__ import annotations

from collections.abc import Iterable

from .clocks import credit_pairs, shift_clocks
from .members import Info


def footers_from_counts(counts: Iterable[tuple[str, str, int, int]]) -> dict[str, frozenset[str]]:
    """`networks.audit.site_footers` from counts (site, copyright name, pages naming it,
    the site's pages): per site, the names that are its footer (`audit.is_footer`).
    Sites without a footer are left out (`footers_of` reads them as none)."""
    from ..networks.audit import is_footer

    out: dict[str, set[str]] = {}
    for site, name, n, pages in counts:
        if is_footer(n, pages):
            out.setdefault(site, set()).add(name)
    return {s: frozenset(v) for s, v in out.items()}


def family_units(members: Iterable[Info]) -> set[str]:
    return {u for m in members for u in m.units}


def components(links: Iterable[Iterable[str]]) -> dict[str, str]:
    """family id -> a representative, for the families linked through a shared document
    (each link: the families of one document). Families in no link are left out."""
    up: dict[str, str] = {}

    def find(x: str) -> str:
        while up.setdefault(x, x) != x:
            up[x] = up[up[x]]
            x = up[x]
        return x

    for fids in links:
        fids = list(fids)
        for f in fids[1:]:
            a, b = find(fids[0]), find(f)
            if a != b:
                up[max(a, b)] = min(a, b)
    return {f: find(f) for f in list(up)}


def new_credit_pairs(members: list[Info], earlier: Iterable[Iterable[str]] = ()
                     ) -> list[tuple[str, str, float]]:
    """The credit pairs (`clocks.credit_pairs`) a family adds after the families before
    it: `earlier` gives, per earlier family, the doc ids it shares with this one."""
    prefix = [[m for m in members if m.doc_id in set(docs)] for docs in earlier]
    prefix = [p for p in prefix if len(p) >= 2]
    if not prefix:
        return credit_pairs([members])
    return credit_pairs([*prefix, members])[len(credit_pairs(prefix)):]


def better(x: tuple, y: tuple) -> tuple:
    """Of two (rank, family id, row) for one document, the one `trace_families` keeps:
    the higher rank, then the first family id."""
    if x[0] != y[0]:
        return x if x[0] > y[0] else y
    return x if x[1] <= y[1] else y


__all__ = ["footers_from_counts", "family_units", "components",
           "new_credit_pairs", "shift_clocks", "better"]
