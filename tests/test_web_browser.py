"""The UI and the static report in real headless Chromium (skipped without it).

Screenshots are kept under test-artifacts/web/.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

import pytest
from test_web_data import IDS, build_db

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and DRIVER.exists()),
                                reason="needs /usr/bin/chromium and chromium-driver")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("webui") / "fixture.duckdb")


@pytest.fixture(scope="module")
def server(db):
    from newstrace.web.server import make_server_for

    srv = make_server_for(db, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1280,1000"):
        opts.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="nt-chromium-") as profile:
        opts.add_argument(f"--user-data-dir={profile}")
        drv = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
        drv.set_page_load_timeout(30)
        try:
            yield drv
        finally:
            drv.quit()


def shot(drv, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = drv.execute_script("return document.documentElement.scrollHeight")
    drv.set_window_size(1280, min(max(height + 40, 800), 4000))
    drv.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    drv.set_window_size(1280, 1000)


def body_text(drv) -> str:
    from selenium.webdriver.common.by import By

    return drv.find_element(By.TAG_NAME, "body").text


def assert_inert(drv) -> None:
    """No payload ran and none of it became live markup."""
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    with pytest.raises(NoAlertPresentException):
        drv.switch_to.alert.text  # noqa: B018 - raises when no alert is open
    assert drv.execute_script("return window.__pwned === undefined")
    assert drv.find_elements(By.TAG_NAME, "script") == []
    assert drv.find_elements(By.TAG_NAME, "img") == []
    hrefs = [a.get_attribute("href") or "" for a in drv.find_elements(By.TAG_NAME, "a")]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert "<script>window.__pwned=1</script>" in body_text(drv)  # shown as text


def wait_url(browser, test, seconds: float = 15.0) -> None:
    """Wait until the browser has navigated (a click or submit returns before that)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, seconds).until(
        lambda d: test(d.current_url) and d.execute_script("return document.readyState")
        == "complete")


def test_server_pages(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    text = body_text(browser)
    assert "Corpus overview" in text and "wire.example" in text
    assert "20%" in text  # one copy in five credited
    assert browser.find_elements(By.CSS_SELECTOR, "svg rect.st-credited")
    shot(browser, "overview")

    browser.get(f"{server}/family/F1")
    text = body_text(browser)
    assert "Copy tree" in text and "mirror.example" in text
    nodes = browser.find_elements(By.CSS_SELECTOR, "svg path.node")
    assert len(nodes) == 5
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg path.node.st-miscredited")) == 1
    shot(browser, "family")
    browser.find_element(By.CSS_SELECTOR, "svg path.node.st-miscredited").click()
    wait_url(browser, lambda u: u.endswith("/doc/" + IDS["miscredited"]))
    text = body_text(browser)
    assert "Marlow under water" in text and "miscredited" in text
    assert "removed: counter" in text
    assert browser.find_elements(By.CSS_SELECTOR, "pre.raw .removed")
    shot(browser, "document")

    browser.get(f"{server}/doc/{IDS['lonely']}")
    assert browser.find_element(By.CSS_SELECTOR, "article h3.subhead").text == "Why it matters"
    caption = browser.find_element(By.CSS_SELECTOR, "article p.caption")
    assert caption.text == "Photo: the council chamber."
    assert "Not in any family" in body_text(browser)

    browser.get(f"{server}/family/F1")
    browser.find_element(By.CSS_SELECTOR, f"a[href$='member={IDS['credited']}&against=parent']").click()
    wait_url(browser, lambda u: "/compare/F1?" in u)
    marks = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "table.diff td.r .mark")]
    assert marks == ["four"]

    browser.get(f"{server}/")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("severe warnings")
    box.submit()
    wait_url(browser, lambda u: "/search?" in u)
    text = body_text(browser)
    assert "documents contain" in text and "Flood hits river town" in text
    shot(browser, "search")


def test_server_hostile_document_is_inert(server, browser):
    for path in (f"/doc/{IDS['hostile']}", "/family/F2", f"/doc/{IDS['hostile2']}",
                 "/search?q=pwned", "/documents"):
        browser.get(server + path)
        assert_inert(browser)
    browser.get(f"{server}/doc/{IDS['hostile']}")
    text = body_text(browser)
    assert "javascript:window.__pwned=1" in text  # the URL is text, not a link
    shot(browser, "hostile")


def test_report_from_file(db, browser, tmp_path):
    from selenium.webdriver.common.by import By

    from newstrace.web.report import write_report

    index = write_report(db, tmp_path / "report")
    browser.get(index.resolve().as_uri())
    assert "Corpus overview" in body_text(browser)
    browser.find_element(By.LINK_TEXT, "Families").click()
    wait_url(browser, lambda u: u.endswith("/families.html"))
    browser.find_element(By.LINK_TEXT, "F1").click()
    wait_url(browser, lambda u: u.startswith("file://") and u.endswith("/family/F1.html"))
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg path.node")) == 5
    browser.find_element(By.CSS_SELECTOR, "a[href='../outlet/wire.example.html']").click()
    wait_url(browser, lambda u: u.endswith("/outlet/wire.example.html"))
    assert "families originated" in body_text(browser)
    shot(browser, "report-outlet")
    for page in (f"doc/{IDS['hostile']}.html", "family/F2.html", "documents.html"):
        browser.get((tmp_path / "report" / page).as_uri())
        assert_inert(browser)
        csp = browser.find_element(By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']")
        assert "script-src 'none'" in csp.get_attribute("content")
    shot(browser, "report-hostile")
