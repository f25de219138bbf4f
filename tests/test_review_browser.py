"""The review page in a real browser (issue 15): headless Chromium driven by Selenium opens
the page, shows the first doubtful cell beside its highlighted page, takes a correction from
the keyboard, and the next compile or extract carries it."""

from __future__ import annotations

import csv
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pandas as pd
import pytest
from click.testing import CliRunner

from foiextract.cli import main
from foiextract.review import build_review, review_server

from .conftest import CORPORA
from .test_review import page_data

BATCH = CORPORA / "london-scr-dhr-batch"
REQUEST = BATCH / "request.md"
PDF = BATCH / "tower_hamlets_FOI13579.pdf"

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                 if p), None)
DRIVER = shutil.which("chromedriver")
try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    SELENIUM = True
except ImportError:
    SELENIUM = False

pytestmark = [
    pytest.mark.skipif(not SELENIUM, reason="selenium is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                       reason="Chromium and chromedriver are not installed "
                              "(apt-get install chromium chromium-driver)"),
]
# Flags that let Chromium run headless as root in a container, with no network of its own.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900")


@pytest.fixture(scope="module")
def downloads() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="foiextract-downloads-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[Any]:
    profile = tempfile.mkdtemp(prefix="foiextract-chromium-")
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = str(CHROMIUM)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    try:
        driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    except WebDriverException as err:
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"Chromium could not start: {err.msg}")
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _until(check: Callable[[], Any], seconds: float = 10.0) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _open(browser: Any, url: str) -> None:
    browser.get(url)
    assert _until(lambda: browser.execute_script("return document.body.dataset.ready")), url


def _keys(browser: Any, *keys: str) -> None:
    ActionChains(browser).send_keys(*keys).perform()


def _text(browser: Any, element_id: str) -> str:
    return str(browser.find_element(By.ID, element_id).text)


def _compile(out: Path, *paths: Path) -> None:
    result = CliRunner().invoke(main, ["compile", *map(str, paths), "-r", str(REQUEST),
                                       "-o", f"{out}/"])
    assert result.exit_code == 0, result.output


def test_a_doubtful_cell_corrected_by_keyboard_changes_the_next_compile(
        browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "batch"
    _compile(out, PDF)
    answers = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False)
    first = answers[answers["needs_review"] == "True"].iloc[0]
    page = build_review(str(out))
    server = review_server(page, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        _open(browser, f"http://127.0.0.1:{server.server_address[1]}/index.html")
        assert _text(browser, "title").endswith(first["name"])
        assert _text(browser, "question") == first["question"]
        assert _text(browser, "reason") == first["review_reason"]
        image = browser.find_element(By.ID, "page")
        assert _until(lambda: browser.execute_script(
            "return arguments[0].complete && arguments[0].naturalWidth", image)) > 500
        box = browser.find_element(By.ID, "box")
        inside = browser.execute_script(
            "const a = arguments[0].getBoundingClientRect(),"
            " b = arguments[1].getBoundingClientRect();"
            "return b.width > 20 && b.height > 5 && b.left >= a.left && b.right <= a.right"
            " && b.top >= a.top && b.bottom <= a.bottom;", image, box)
        assert inside, "the answer's box is not drawn on its page"
        shot = tmp_path / "review.png"
        browser.save_screenshot(str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 30_000
        _keys(browser, "e")
        assert browser.switch_to.active_element.get_attribute("id") == "new-value"
        _keys(browser, "42", Keys.ENTER)
        saved = out / "corrections.csv"
        assert _until(lambda: saved.is_file() and "42" in saved.read_text("utf-8"))
        assert _until(lambda: "saved" in _text(browser, "status"))
        assert _text(browser, "progress").startswith("Reviewed 1 /")
    finally:
        server.shutdown()
        server.server_close()
    with open(saved, encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["key"], row["field"], row["old_value"], row["new_value"]) == \
        (first["cell_key"], "value", first["value"], "42")
    _compile(out, PDF)
    after = pd.read_csv(out / "answers.csv", dtype=str, keep_default_na=False).set_index("cell_key")
    assert (after.loc[first["cell_key"], "value"], after.loc[first["cell_key"], "corrected"]) == \
        ("42", "True")
    dataset = pd.read_csv(out / "dataset.csv", dtype=str, keep_default_na=False)
    assert dataset.loc[0, first["name"]] == "42"


def test_opened_from_disk_it_exports_corrections_and_lists_a_stale_one(
        browser: Any, tmp_path: Path, downloads: Path) -> None:
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["extract", str(PDF), "-o", str(out)]).exit_code == 0
    corrections = out / "corrections.csv"
    corrections.write_text("key,field,old_value,new_value,who,when,note\n"
                           "0000000000000000-p-000000000000,value,3,4,ann,2026-12-03,gone\n",
                           "utf-8")
    page = build_review(str(out))
    data = page_data(page.path)
    first, second = [i for i in data["items"] if i["doubtful"]][:2]
    _open(browser, Path(page.path).resolve().as_uri())
    assert "0000000000000000-p-000000000000" in _text(browser, "stale")
    assert _text(browser, "title") == first["title"]
    _keys(browser, "c")  # the kind: down the list from the kind it has to not_held
    kinds = data["kinds"]
    steps = kinds.index("not_held") - kinds.index(first["kind"])
    _keys(browser, *([Keys.ARROW_DOWN] * steps or [Keys.ARROW_UP] * -steps), Keys.ENTER)
    assert _until(lambda: _text(browser, "title") == second["title"])
    _keys(browser, "x")  # not an answer: the pair is dropped on the next run
    assert _until(lambda: _text(browser, "title") != second["title"])
    for old in downloads.glob("corrections*.csv"):
        old.unlink()
    browser.find_element(By.ID, "export").click()
    exported = _until(lambda: next(iter(downloads.glob("corrections*.csv")), None))
    assert exported is not None, "nothing was downloaded"
    _until(lambda: "(" not in exported.name and exported.stat().st_size > 0)
    shutil.copy(exported, corrections)
    result = CliRunner().invoke(main, ["extract", str(PDF), "-o", str(out)])
    assert result.exit_code == 0
    assert "0000000000000000-p-000000000000" in result.output  # the stale one, warned about
    pairs = pd.read_csv(out / "pairs.csv", dtype=str, keep_default_na=False)
    assert second["key"] not in set(pairs["pair_key"])
    relabelled = pairs.set_index("pair_key").loc[first["key"]]
    assert (relabelled["kind"], relabelled["corrected"]) == ("not_held", "True")
    report = pd.read_csv(out / "corrections_report.csv", dtype=str, keep_default_na=False)
    assert dict(zip(report["key"], report["status"])) == {
        "0000000000000000-p-000000000000": "stale", first["key"]: "applied",
        second["key"]: "applied"}


def test_every_flagged_cell_of_the_london_batch_shows_its_source(browser: Any,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "london"
    _compile(out, BATCH)
    page = build_review(str(out))
    _open(browser, Path(page.path).resolve().as_uri())
    seen = []
    for _ in range(page.doubtful):
        title = _text(browser, "title")
        shown = browser.find_elements(By.ID, "page") or browser.find_elements(By.ID, "lines")
        assert shown, f"{title}: no source shown"
        seen.append(title)
        _keys(browser, "j")
    assert len(set(seen)) == page.doubtful
    browser.save_screenshot(str(tmp_path / "london.png"))
