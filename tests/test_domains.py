"""Registrable domains from the Public Suffix List: outlets under two-level suffixes
(com.ua, com.pk, or.jp) are told apart, and every module reads a host the same way."""

from newstrace.clean.credits import normalise_domain
from newstrace.clean.html_credits import plain_credit
from newstrace.domains import label, registrable
from newstrace.trace.outlets import canonical, same_outlet


def test_two_level_suffixes_keep_the_outlet():
    assert registrable("www.interfax.com.ua") == "interfax.com.ua"
    assert registrable("news.bbc.co.uk") == "bbc.co.uk"
    assert registrable("edition.cnn.com") == "cnn.com"
    assert label("nhk.or.jp") == "nhk" and label("news.kna-agency.com") == "knaagency"


def test_outlets_on_one_suffix_are_different_outlets():
    assert not same_outlet("interfax.com.ua", "unian.com.ua")
    assert not same_outlet("tribune.com.pk", "dawn.com.pk")
    assert same_outlet("https://www.tribune.com.pk/story/1", "tribune.com.pk")
    assert same_outlet("Interfax", "interfax.com.ua")
    assert canonical("https://tass.com.ru.example.org.eg/x") == "example.org.eg"


def test_shared_parents_and_hosted_blogs_are_separate_sites():
    assert registrable("abcnews.go.com") == "abcnews.go.com"
    assert not same_outlet("alpha.blogspot.com", "beta.blogspot.com")
    assert registrable("localhost") == "localhost" and registrable("Sputnik") == "sputnik"


def test_cleaner_and_trace_agree_on_a_host():
    for host in ("www.unian.com.ua", "pna.gov.ph", "mena.org.eg", "www.theguardian.co.uk"):
        assert normalise_domain(host) == registrable(host)


def test_a_bare_domain_credit_on_a_sister_outlet_under_the_same_suffix_counts():
    """`unian.com.ua` on a page of `interfax.com.ua` names another outlet (the old
    name-part reading gave both "com" and took it for the page's own site)."""
    credit = ("unian.com.ua", "unian.com.ua", "domain")
    assert plain_credit("unian.com.ua", credit, "interfax.com.ua")
    own = ("interfax.com.ua", "interfax.com.ua", "domain")
    assert not plain_credit("interfax.com.ua", own, "www.interfax.com.ua")


def test_hosts_without_a_latin_name_part_are_not_one_outlet():
    """Two hosts whose name part has no latin letters or digits both have the label "":
    that empty label is no key they share."""
    from newstrace.trace.outlets import outlet_keys

    assert "" not in outlet_keys("https://xn--80a.ru/a") | outlet_keys("--.com")
    assert not same_outlet("_.com", "--.net")
    credit = ("_.org", "_.org", "domain")
    assert plain_credit("_.org", credit, "--.net")
