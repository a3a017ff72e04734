"""Times of day and time zones written next to a date ("Nov 18, 2019 / 10:07 AM EST",
"11:11 PM EST Nov 19, 2019"), read onto the ISO date `dates` found: `with_clock`,
`with_zone`; `time_line` tells a line that is only a clock time.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_DIGIT = re.compile(r"\d")


def hh_mm(hh: str, mi: str, ap: str | None) -> str:
    """"HH:MM" of a clock time, 12-hour ones ("9:24", "pm") read."""
    h = int(hh)
    if ap and ap[0].lower() == "p" and h < 12:
        h += 12
    elif ap and ap[0].lower() == "a" and h == 12:
        h = 0
    return f"{h:02d}:{mi}"


_ZONES = {"Z": 0, "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
          "SAST": 2, "CAT": 2, "EAT": 3, "WAT": 1, "PKT": 5, "IST": 5.5, "NPT": 5.75, "ICT": 7, "WIB": 7,
          "WITA": 8, "WIT": 9, "SGT": 8, "HKT": 8, "PHT": 8, "AWST": 8, "JST": 9, "KST": 9, "ACST": 9.5,
          "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13, "HST": -10, "AKST": -9, "AKDT": -8,
          "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
# "IST" is read as India's (+05:30), "CST" as US Central: the commonest use in news pages
_US_ZONES = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}  # an hour more in US summer time
_ZONE_RE = re.compile(r"(?::[0-5]\d(?:\.\d+)?)?\s*\(?(?:(?P<z>Z|[A-Z]{2,4})(?![\w+-])|(?P<off>(?:UTC|GMT)[+-](?:0?\d|1[0-4])(?::?[0-5]\d)?"
                      r"|[+-](?:0\d|1[0-4]):?[0-5]\d)(?!\d))")


_CHINA_TLDS = (".cn", ".hk", ".tw", ".mo")
_CHINA_SITES = ("xinhuanet.com", "cgtn.com", "news.cn", "scmp.com", "taipeitimes.com", "rthk.hk")


def china_site(site: str | None) -> bool:
    """Whether a site is Chinese (mainland, Hong Kong, Macau, Taiwan): its "CST" is UTC+8."""
    host = (site or "").lower().rstrip(".")
    return host.endswith(_CHINA_TLDS) or any(host == s or host.endswith("." + s) for s in _CHINA_SITES)


def with_zone(iso: str, after: str, *, china: bool = False) -> str:
    """`iso` (a date and time the page shows) with the UTC offset of the zone written right
    after it: ("2019-11-19T22:31", " CST") -> "2019-11-19T22:31-06:00". The clock time is
    kept as the page shows it; without a known zone `iso` comes back as it is. `china`:
    the page is Chinese, where "CST" is China Standard Time (+08:00), not US Central."""
    m = _ZONE_RE.match(after)
    if m is None or len(iso) != 16 or "T" not in iso:
        return iso
    if m.group("off"):  # "+0530", "UTC+03:00", "GMT+8"
        sign, hh, mm = re.match(r"\D*([+-])(\d{1,2}):?(\d\d)?", m.group("off")).groups()
        return f"{iso}{sign}{int(hh):02d}:{mm or '00'}"
    zone = m.group("z")
    if zone == "CST" and china:
        return f"{iso}+08:00"
    if zone in _ZONES:
        hours = _ZONES[zone]
    elif zone in _US_ZONES:
        hours = _US_ZONES[zone] + _us_summer(iso)
    else:
        return iso
    minutes = round(abs(hours) * 60)
    return f"{iso}{'-' if hours < 0 else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def _us_summer(iso: str) -> int:
    """1 from the second Sunday of March to the first Sunday of November, else 0."""
    day = date.fromisoformat(iso[:10])
    march, nov = date(day.year, 3, 8), date(day.year, 11, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7)
    end = nov + timedelta(days=(6 - nov.weekday()) % 7)
    return int(start <= day < end)


_AP = r"(?:\s*(?P<ap>(?i:[ap]\.?m\.?))(?![A-Za-z]))?"
CLOCK_WORDS = ("at", "um", "à", "às", "alle", "ore")  # "at 9:24 pm", "um 14:30", "alle 10:00"
_AT = "|".join(CLOCK_WORDS)
# a zone written after a clock time: "EST", "GMT+3", "+05:30" (case kept: "EST", not "est")
_ZONE_TEXT = r"(?:[A-Z]{1,4}|(?:UTC|GMT)[+-]\d{1,2}(?::?\d\d)?|[+-]\d\d:?\d\d)"
# a clock time right after a day: "Nov 18, 2019 / 10:07 AM", "-- 19:14 GMT", "@17:19", " at 9:24 pm"
_CLOCK_AFTER = re.compile(rf"\s*(?:,|[-–—]{{1,2}}|/|\||@|·|•)?\s*(?:(?:{_AT}|kl\.?)\s+)?"
                          rf"(?P<hh>[01]?\d|2[0-3])(?:[:h](?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d)(?=\s*(?:[ap]\.?m|[Uu]hr|$)))"
                          rf"(?![\d.,]\d){_AP}", re.I)
# a clock time right before a day: "11:11 PM EST Nov 19, 2019", "1:39 am EST, Wednesday, November 20, 2019",
# "10:31 EST, 19 November 2019", "Fri 6:45 PM, Feb 16, 2018", "at 5:36 PM CST on Nov 18, 2019"
CLOCK_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(|:,]))(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::[0-5]\d)?{_AP}"
    rf"(?P<zone>\s*\(?{_ZONE_TEXT}\)?)?"
    r"\s*,?\s*(?:(?i:on)\s+)?(?:(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,?\s*)?$")
_TIME_LINE = re.compile(rf"(?:(?:{_AT})\s+)?(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?"
                        rf"(?-i:\s*\(?{_ZONE_TEXT}\)?)?", re.I)


def with_clock(iso: str, before: str, after: str, *, china: bool = False) -> str:
    """`iso` (a day or day and time the page shows) with the time of day and zone written
    next to it: right after it ("Nov 18, 2019 / 10:07 AM EST") or right before it ("11:11 PM
    EST Nov 19, 2019"); `before` / `after`: the text on either side. Zone as in `with_zone`."""
    if len(iso) != 10 or not (_DIGIT.search(after) or _DIGIT.search(before)):
        return with_zone(iso, after, china=china)
    m = _CLOCK_AFTER.match(after)
    if m is not None:
        return with_zone(f"{iso}T{hh_mm(m['hh'], m['mi'] or m['mi2'], m['ap'])}", after[m.end():], china=china)
    m = CLOCK_BEFORE.search(before[-60:])
    if m is not None:
        return with_zone(f"{iso}T{hh_mm(m['hh'], m['mi'], m['ap'])}", m['zone'] or "", china=china)
    return iso


def time_line(text: str) -> bool:
    """A line that is only a clock time, maybe with "at" and a zone ("9:24 pm ET"): a day's
    time cut onto its own line."""
    return len(text) <= 24 and _TIME_LINE.fullmatch(text.strip()) is not None

