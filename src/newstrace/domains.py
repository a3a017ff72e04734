"""Registrable domains: `news.bbc.co.uk` -> `bbc.co.uk`, `tribune.com.pk` stays itself.

The Public Suffix List shipped with `tld` (no network) says where a site's own part of
a host begins; its private part is used too, so `a.blogspot.com` and `b.blogspot.com`
are two sites. A host the list does not know keeps its last two labels.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tld import get_fld

# parent domains whose subdomains are separate news outlets (abcnews.go.com)
_SHARED = frozenset({"go.com"})


@lru_cache(maxsize=1 << 16)
def registrable(host: str) -> str:
    """The part of `host` that one owner registers."""
    host = host.lower().strip(".")
    parts = host.split(".")
    if len(parts) > 2 and ".".join(parts[-2:]) in _SHARED:
        return ".".join(parts[-3:])
    return get_fld(host, fix_protocol=True, fail_silently=True) or ".".join(parts[-2:])


def label(host: str) -> str:
    """`news.kna-agency.com` -> `knaagency`: the name part of a host, letters and digits."""
    return re.sub(r"[^a-z0-9]", "", registrable(host).split(".")[0])
