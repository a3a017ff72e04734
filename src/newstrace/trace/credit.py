"""Credit status of a copy: credited, uncredited or miscredited."""

from __future__ import annotations

from .members import Info
from .outlets import same_outlet


def credit_status(m: Info, origin_outlet: str | None, family_sites: list[str]) -> tuple[str, str]:
    """(status, evidence). Credited: a credit names the origin outlet or a family member's
    site (its parent or another ancestor). Miscredited: credits name only other outlets.
    A loose mention the cleaner did not read as a credit counts only when it names the
    family (otherwise it is a link). Copyright lines that are the site's own footer were
    left out when the member was built (members.own_footer); the rest are credits."""
    named_family, named_other = [], []
    for mention, line, form in m.credits:
        hits_family = (origin_outlet and same_outlet(mention, origin_outlet)) or any(
            same_outlet(mention, s) for s in family_sites if s and s != m.site)
        if hits_family:
            named_family.append(line)
        elif form != "mention":
            named_other.append(line)
    if not named_family and origin_outlet:  # a line every copy carries, naming the origin
        named_family = [line for mention, line, _ in m.carried if same_outlet(mention, origin_outlet)]
    if named_family:
        return "credited", f"credit line names the source: {named_family[0]}"
    if named_other:
        return "miscredited", f"credit line names an outlet outside the family: {named_other[0]}"
    return "uncredited", "no credit line names another outlet"
