"""Load time of a 500-response batch's review page in headless Chromium, beside a trivial page.

Run from the repository root::

    python benchmarks/bench_review.py [--responses 500] [--repeat 5]

The London batch in ``corpora/`` is compiled once; its responses are then copied under
new names until there are ``--responses`` of them (each copy its own file, so the page
embeds each text letter's blocks and renders each PDF's pages, as a real batch would), its
answers table repeated for each copy under the copy's authority and source, and the review
page built from that. Each load is timed from ``driver.get`` until the page says it is
ready (its queue listed, the first cell and its source shown), in the same headless
Chromium that loads a trivial page as the baseline; the best of ``--repeat`` loads of each.
The target: the review page ready in under 2 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from foiextract.compile import compile_responses
from foiextract.keys import answer_key
from foiextract.review import build_review

ROOT = Path(__file__).resolve().parent.parent
BATCH = ROOT / "corpora" / "london-scr-dhr-batch"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1400,900")


def batch_output(folder: Path, responses: int) -> Path:
    """A compile output of ``responses`` responses: the London batch's, copied round."""
    batch = compile_responses(str(BATCH), request=str(BATCH / "request.md"))
    answers = batch.answers
    authorities = list(dict.fromkeys(answers["authority"]))
    letters = folder / "letters"
    letters.mkdir()
    frames = []
    for n in range(responses):
        authority = authorities[n % len(authorities)]
        rows = answers[answers["authority"] == authority].copy()
        source = str(rows["source"].iloc[0])
        copy = letters / f"{n:04d}-{os.path.basename(source)}"
        shutil.copy(source, copy)
        name = f"{authority} ({n // len(authorities) + 1})"
        rows["authority"] = name
        rows["source"] = str(copy)
        rows["cell_key"] = [answer_key(name, "", int(item)) for item in rows["item"]]
        frames.append(rows)
    out = folder / "batch"
    out.mkdir()
    pd.concat(frames).to_csv(out / "answers.csv", index=False)
    return out


def browser() -> Any:
    """Headless Chromium through Selenium, with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        sys.exit("Chromium is not installed: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='bench-review-')}")
    options.binary_location = chromium
    return webdriver.Chrome(options=options, service=Service(driver))


def load_time(driver: Any, url: str, repeat: int) -> float:
    """The best of ``repeat`` loads of ``url``: seconds until ``body[data-ready]``."""
    best = float("inf")
    for _ in range(repeat):
        driver.get("about:blank")
        start = time.perf_counter()
        driver.get(url)
        while not driver.execute_script("return document.body && document.body.dataset.ready"):
            time.sleep(0.005)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Build the batch's page, time both loads and print them and their ratio."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--responses", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-review-") as work:
        folder = Path(work)
        out = batch_output(folder, args.responses)
        started = time.perf_counter()
        page = build_review(str(out))
        built = time.perf_counter() - started
        trivial = folder / "trivial.html"
        trivial.write_text("<!DOCTYPE html><html><body><p>ready</p>"
                           "<script>document.body.dataset.ready = 'true'</script></body></html>")
        driver = browser()
        try:
            base = load_time(driver, trivial.as_uri(), args.repeat)
            review = load_time(driver, Path(page.path).as_uri(), args.repeat)
        finally:
            driver.quit()
        size = os.path.getsize(page.path) / 1e6
        images = len(os.listdir(os.path.join(page.folder, "pages")))
    print(f"{args.responses} responses: {page.items} cells, {page.doubtful} to review; "
          f"page {size:.1f} MB + {images} page images, built in {built:.1f} s")
    print(f"trivial page ready     : {base * 1000:7.0f} ms")
    print(f"review page ready      : {review * 1000:7.0f} ms  (target < 2000 ms)")
    print(f"ratio review / trivial : {review / base:.1f}x")


if __name__ == "__main__":
    main()
