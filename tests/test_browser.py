"""report.html in a real browser: headless Chromium (Debian's chromium and
chromedriver, driven by Selenium) opens the report of the sample articles.

It checks that every conflict card renders with its chart, that clicking a
claim-table header sorts the rows and typing in the filter box hides the
others, and that the page logs no console errors; a screenshot goes to
tests/artifacts/report.png. At 1400 and 420 px wide (a phone) the page has
no horizontal scroll, every conflict's points lie inside its chart and on
screen, sources are named and linked to their articles, and a reviewed
conflict looks different from an open one (report-420.png). Without Selenium, chromium or chromedriver the
test is skipped and says why (`.ci/run` installs them; `pip install -e
'.[browser]'` and `apt-get install chromium chromium-driver` by hand).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

from .conftest import SOURCES

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,2000")


def _binary(env: str, *names: str) -> str | None:
    for name in (os.environ.get(env), *names):
        if name and (found := shutil.which(name)):
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium not installed (pip install -e '.[browser]')")
    chrome = _binary("CLAIMCHECK_CHROMIUM", "chromium", "chromium-browser", "google-chrome")
    driver_path = _binary("CLAIMCHECK_CHROMEDRIVER", "chromedriver")
    if not chrome or not driver_path:
        pytest.skip("no chromium/chromedriver on PATH "
                    "(apt-get install chromium chromium-driver)")
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except WebDriverException as exc:
        pytest.skip(f"chromium could not be started: {exc.msg or exc}".splitlines()[0])
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """report.html and findings.json from a check of the sample articles, each
    with a URL in sources.csv, and the first conflict reviewed."""
    tmp = tmp_path_factory.mktemp("browser")
    src = tmp / "sources"
    shutil.copytree(SOURCES, src)
    meta = (src / "sources.csv").read_text(encoding="utf-8").splitlines()
    (src / "sources.csv").write_text("\n".join(
        [meta[0]] + [f"{line}https://example.org/{line.split('.')[0]}" for line in meta[1:]])
        + "\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", str(src), "--claims-dir", str(tmp / "claims"),
                                 "--reports-dir", str(tmp / "reports"), "--quiet"])
    assert r.exit_code == 0, r.output
    doc = json.loads((tmp / "reports" / "findings.json").read_text(encoding="utf-8"))
    first = [f for f in doc["findings"] if f["type"] == "conflict"][0]["finding_id"]
    r = CliRunner().invoke(cli, ["review", first, "--verdict", "explained", "--note",
                                 "bundled vs raw", "--by", "Ana", "--reports-dir",
                                 str(tmp / "reports"), "--quiet"])
    assert r.exit_code == 0, r.output
    doc = json.loads((tmp / "reports" / "findings.json").read_text(encoding="utf-8"))
    return tmp / "reports" / "report.html", doc


@pytest.fixture(scope="module")
def page(browser, report):
    html, doc = report
    browser.get(html.as_uri())
    return browser, doc


def by_css(driver, css):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, css)


def column_values(driver, col: int) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#claims tbody tr'))"
        ".map(r => r.cells[arguments[0]].textContent.trim());", col)


def test_every_conflict_card_renders_with_its_chart(page):
    driver, doc = page
    conflicts = [f["finding_id"] for f in doc["findings"] if f["type"] == "conflict"]
    cards = by_css(driver, "section.finding.conflict")
    assert sorted(c.get_attribute("id") for c in cards) == sorted(conflicts)
    for card in cards:
        assert card.is_displayed()
        charts = card.find_elements("css selector", "svg.chart")
        assert charts, f"{card.get_attribute('id')} has no chart"
        for chart in charts:
            size = chart.size
            assert size["width"] > 50 and size["height"] > 20
            assert chart.find_elements("css selector", "circle, rect, line")


def test_clicking_a_header_sorts_the_claim_table(page):
    driver, _ = page
    heads = by_css(driver, "#claims thead th")
    names = [h.text.strip() for h in heads]
    col = names.index("value")
    rows_before = len(column_values(driver, col))
    assert rows_before > 5

    def number(text):  # formatted: 29,200,000 / 55%
        return float(text.replace(",", "").replace("%", ""))
    heads[col].click()
    asc = [number(v) for v in column_values(driver, col)]
    assert asc == sorted(asc)
    assert heads[col].get_attribute("data-dir") == "asc"
    heads[col].click()
    desc = [number(v) for v in column_values(driver, col)]
    assert desc == sorted(desc, reverse=True) and desc != asc
    assert "29,200,000" in column_values(driver, col)
    text_col = names.index("article")
    heads[text_col].click()
    ids = column_values(driver, text_col)
    # sorted as the browser compares text (localeCompare: quotes do not count)
    assert ids == sorted(ids, key=lambda t: t.strip("“”").lower()) and len(ids) == rows_before


def test_typing_in_the_filter_hides_other_rows(page):
    driver, _ = page
    from selenium.webdriver.common.keys import Keys
    box = by_css(driver, "#claim-filter")[0]
    total = len(by_css(driver, "#claims tbody tr"))
    word = "million"
    box.clear()
    box.send_keys(word)
    shown = [r for r in by_css(driver, "#claims tbody tr") if r.is_displayed()]
    assert 0 < len(shown) < total
    # the filter searches every column, shown or behind "Show all columns" (the sentence)
    assert all(word in r.get_attribute("textContent").lower() for r in shown)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    assert len([r for r in by_css(driver, "#claims tbody tr") if r.is_displayed()]) == total


def test_no_console_errors_and_a_screenshot(page):
    driver, _ = page
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    driver.execute_script("window.scrollTo(0, 0)")
    target = ARTIFACTS / "report.png"
    assert driver.save_screenshot(str(target))
    assert target.stat().st_size > 10_000


def test_key_claim_columns_first_and_the_rest_behind_a_toggle(page):
    driver, _ = page
    heads = by_css(driver, "#claims thead th")
    names = [h.text.strip() for h in heads if h.is_displayed()]
    assert names == ["article", "figure as written", "subject", "metric", "period", "value"]
    by_css(driver, "#claim-columns summary")[0].click()
    shown = [h.text.strip() for h in by_css(driver, "#claims thead th") if h.is_displayed()]
    assert "qualifier" in shown and "claim_id" in shown and len(shown) > 15
    by_css(driver, "#claim-columns summary")[0].click()
    assert len([h for h in by_css(driver, "#claims thead th") if h.is_displayed()]) == 6


@pytest.mark.parametrize("width", [1400, 420])
def test_layout_names_links_and_review_state_at_width(browser, report, width):
    html, doc = report
    browser.set_window_size(width, 1000)
    browser.get(html.as_uri())
    inner = browser.execute_script("return window.innerWidth")
    scroll = browser.execute_script("return document.documentElement.scrollWidth")
    assert scroll <= inner, f"horizontal scroll at {width}px: {scroll} > {inner}"
    # every conflict's points are inside its chart and on screen
    for card in by_css(browser, "section.finding.conflict"):
        for chart in card.find_elements("css selector", "svg.chart"):
            box = chart.rect
            assert box["x"] >= 0 and box["x"] + box["width"] <= inner
            for point in chart.find_elements("css selector", "circle.point"):
                p = point.rect
                assert box["x"] <= p["x"] and p["x"] + p["width"] <= box["x"] + box["width"] + 1
            labels = " ".join(t.text for t in chart.find_elements("css selector", "text"))
            assert "The Mission Haven" in labels or "“" in labels  # sources by name
            assert chart.find_elements("css selector", "text.axis-title")
    # sources by name, linked to their articles; never only the file stem
    links = {a.text: a.get_attribute("href") for a in by_css(browser, "#sources a")}
    assert links["The Mission Haven"] == "https://example.org/004_4f7b432355490b56"
    assert len(links) == 3
    cites = " ".join(c.text for c in by_css(browser, "blockquote cite"))
    assert "The Mission Haven" in cites and "004_4f7b432355490b56" not in cites
    assert {a.get_attribute("href") for a in by_css(browser, "blockquote cite a")} >= \
        {"https://example.org/004_4f7b432355490b56"}  # quotes link to their articles
    # "New since the last check" links to the cards
    new = by_css(browser, "section.new a")
    assert new and all(a.get_attribute("href").split("#")[1] for a in new)
    # open and reviewed conflicts look different
    reviewed = [f["finding_id"] for f in doc["findings"] if f.get("review")]
    opened = [f["finding_id"] for f in doc["findings"]
              if f["type"] == "conflict" and not f.get("review")]
    assert reviewed and opened
    a = by_css(browser, f"#{reviewed[0]}")[0]
    b = by_css(browser, f"#{opened[0]}")[0]
    assert "reviewed" in a.get_attribute("class") and "open" in b.get_attribute("class")
    style = "return getComputedStyle(arguments[0])[arguments[1]]"
    assert browser.execute_script(style, a, "backgroundColor") != \
        browser.execute_script(style, b, "backgroundColor")
    assert browser.execute_script(style, a, "borderLeftStyle") == "dashed"
    assert f"claimcheck review {opened[0]} --verdict" in b.text
    assert "Generated at" in by_css(browser, "p.generated")[0].text
    if width == 420:
        ARTIFACTS.mkdir(exist_ok=True)
        assert browser.save_screenshot(str(ARTIFACTS / "report-420.png"))
