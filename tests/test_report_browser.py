"""The HTML report in a real browser: headless Chromium prints it to PDF (Letter,
and A4) and takes a screenshot; poppler's pdftotext reads the PDF back. A page of
hostile text runs no script and makes no request: a local server counts every
request, and the DOM after loading is the file's own.

Without Chromium these tests are skipped, except where HW_REQUIRE_BROWSER is set
(.ci/run sets it, after installing the browser): there a missing browser fails.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import struct
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import test_export
from helpers import ENV, hw_in, run_hw
from html_reading import hostile_texts, make_home, parse, skeleton, text_nodes
from test_week import MON

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--hide-scrollbars",
)  # fmt: skip
POINTS_PER_MM = 72 / 25.4
TOP_MARGIN_MM, RIGHT_MARGIN_MM, BOTTOM_MARGIN_MM = 15, 14, 16  # the report's @page margins

filled = test_export.filled
week_home = test_export.week_home


@pytest.fixture(scope="session")
def chromium() -> str:
    found = next((path for name in BROWSERS if (path := shutil.which(name))), None)
    missing = [] if found else ["chromium"]
    missing += [tool for tool in ("pdftotext", "pdfinfo") if not shutil.which(tool)]
    if missing:
        why = f"{', '.join(missing)} not installed (apt-get install chromium poppler-utils)"
        if os.environ.get("HW_REQUIRE_BROWSER"):
            pytest.fail(f"{why}: HW_REQUIRE_BROWSER is set, so the browser tests must run")
        pytest.skip(why)
    return found


def browse(chromium: str, page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    proc = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def print_pdf(chromium: str, page: Path, tmp: Path) -> Path:
    pdf = tmp / (page.stem + ".pdf")
    browse(chromium, page, tmp, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.read_bytes().startswith(b"%PDF")
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, in reading order."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return [" ".join(page.split()) for page in out.stdout.split("\f")[:-1]]


def words_with_boxes(pdf: Path, pages: int) -> list[tuple[int, str, float, float, float]]:
    """(page number, word, its right edge, its height, where the printable width ends)
    for every word of the first pages but the page header and footer in the margins."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-l", str(pages), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found = []
    for number, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.DOTALL), 1):
        width, height = (float(v) for v in re.findall(r'(?:width|height)="([\d.]+)"', page)[:2])
        limit = width - RIGHT_MARGIN_MM * POINTS_PER_MM
        for y_min, x_max, y_max, word in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
        ):
            top, bottom = float(y_min), float(y_max)
            if (
                top > TOP_MARGIN_MM * POINTS_PER_MM
                and bottom < height - BOTTOM_MARGIN_MM * POINTS_PER_MM
            ):
                found.append((number, word, float(x_max), bottom - top, limit))
    return found


def fits_the_width(chromium: str, pdf: Path, report: Path, tmp: Path, pages: int = 3) -> bool:
    """No word runs past the printable width, and nothing was shrunk to stay inside it:
    Chromium scales down a page whose content is too wide for the paper, so the title
    must be as tall as on paper too big to need that."""
    words = words_with_boxes(pdf, pages)
    roomy = print_pdf(chromium, on_paper(report, "400mm 600mm"), tmp)
    title = next(height for _, word, _, height, _ in words if word == "week")
    roomy_title = next(h for _, word, _, h, _ in words_with_boxes(roomy, 1) if word == "week")
    return abs(title - roomy_title) < 0.01 * roomy_title and all(
        right <= limit + 1 for _, _, right, _, limit in words
    )


def export_to(path: Path, *args: str, home: Path | None = None) -> Path:
    env = {**ENV, **({"HW_HOME": str(home)} if home else {})}
    result = run_hw("export", "-f", "html", "-o", str(path), *args, env=env)
    assert result.code == 0, result.err
    return path


def on_paper(report: Path, size: str) -> Path:
    """The same report on other paper: what a browser prints when that is its paper
    size (`size: auto`), which headless Chromium's Letter default cannot be told."""
    text = report.read_text()
    assert text.count("size: auto;") == 1
    other = report.with_name(f"{report.stem}-{size.replace(' ', '-')}.html")
    other.write_text(text.replace("size: auto;", f"size: {size};"))
    return other


# ---------------------------------------------------------------- paper


def test_a_week_prints_on_letter_with_the_glance_on_the_first_page(
    chromium: str, week_home: Path, tmp_path: Path
) -> None:
    report = export_to(tmp_path / "week.html", "--week", "2026-W47")
    pdf = print_pdf(chromium, report, tmp_path)
    info = pdf_info(pdf)
    assert info["Page size"].split()[:3] == ["612", "x", "792"]  # Letter
    pages = pdf_pages(pdf)
    assert len(pages) == int(info["Pages"]) >= 2
    first = pages[0]
    for words in ("Therapy homework, week 47 of 2026", "16–22 November 2026", "For attention",
                  "Screening scores", "Homework", "What got in the way", "The days at a glance",
                  "Average mood"):  # fmt: skip
        assert words in first, words
    everything = " ".join(pages)
    for answer in ("I always get it wrong", "Chest tight. Stayed home.", "Nobody wants me there",
                   "Late shift", "Tea"):  # fmt: skip
        assert answer in everything, answer
    assert "Private words" not in everything
    # a page after the first is headed with the dates, and every page numbered
    assert pages[1].startswith("Therapy homework · 16–22 November 2026")
    assert all(f"page {n} of {len(pages)}" in page for n, page in enumerate(pages, 1))
    assert fits_the_width(chromium, pdf, report, tmp_path)


def test_on_a4_nothing_runs_past_the_printable_width(
    chromium: str, week_home: Path, tmp_path: Path
) -> None:
    report = export_to(tmp_path / "week.html", "--week", "2026-W47", "--include-private")
    pdf = print_pdf(chromium, on_paper(report, "A4"), tmp_path)
    width, _, height = pdf_info(pdf)["Page size"].split()[:3]
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4
    assert fits_the_width(chromium, pdf, report, tmp_path, pages=10)
    assert "Private words" in " ".join(pdf_pages(pdf))


def test_no_entry_is_split_across_pages_when_it_fits_on_one(
    chromium: str, hw_home: Path, tmp_path: Path
) -> None:
    """Enough entries to fill pages: each entry's first and last answer share a page."""
    for n in range(14):
        hw_in(hw_home, "start", "mood-checkin", "--date", MON, "--no-input", "-a", "mood=3",
              "-a", f"activities=first{n}", "-a", "activities=rest",
              "-a", f"note=Line one of {n}.\nLine two.\nLine three.\nlast{n}")  # fmt: skip
    pdf = print_pdf(chromium, export_to(tmp_path / "many.html", "--week", "2026-W47"), tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) >= 3
    for n in range(14):
        assert any(f"first{n}" in page and f"last{n}" in page for page in pages), n


def test_a_megabyte_answer_prints_and_keeps_to_the_page(
    chromium: str, hw_home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"things": ["ab" * (1 << 19) + "THE-END", "after the long one"]}))
    hw_in(hw_home, "start", "gratitude", "--date", MON, "--no-input", "--answers-json",
          str(answers))  # fmt: skip
    pdf = print_pdf(chromium, export_to(tmp_path / "big.html", "--week", "2026-W47"), tmp_path)
    pages = pdf_pages(pdf)
    assert len(pages) > 100
    assert "The days at a glance" in pages[0]
    assert "THE-END" in "".join(pages[-3:]) and "after the long one" in pages[-1]
    assert all(right <= limit + 1 for _, _, right, _, limit in words_with_boxes(pdf, 5))


# ---------------------------------------------------------------- screen


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_a_screenshot_of_the_report(chromium: str, week_home: Path, tmp_path: Path) -> None:
    report = export_to(tmp_path / "week.html", "--week", "2026-W47")
    shot = tmp_path / "week.png"
    browse(chromium, report, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400")
    assert png_size(shot) == (1000, 1400)
    assert shot.stat().st_size > 30_000  # a page of text and pictures, not a blank one


# ---------------------------------------------------------------- nothing runs, nothing calls out


class Watch(http.server.BaseHTTPRequestHandler):
    seen: list[str]

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"body { display: none }")

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A local server that records every request made to it: (its origin, the paths)."""
    seen: list[str] = []
    handler = type("Handler", (Watch,), {"seen": seen})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()


def words(root) -> list[str]:
    return [text for text in text_nodes(root) if text.strip()]


def loaded_dom(chromium: str, page: Path, tmp: Path) -> str:
    """The DOM after loading, with time to run whatever the page would run."""
    return browse(chromium, page, tmp, "--virtual-time-budget=3000", "--dump-dom").stdout


def test_the_watchers_see_a_script_run_and_a_request_made(
    chromium: str, server: tuple[str, list[str]], tmp_path: Path
) -> None:
    """The checks below are real: on a page without the report's escaping and
    policy, the same browser runs the script and makes the request."""
    origin, seen = server
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p>"
        f'<img src="{origin}/control.png">'
        "<script>document.body.setAttribute('data-ran', 'yes')</script></body></html>"
    )
    dom = loaded_dom(chromium, page, tmp_path)
    assert 'data-ran="yes"' in dom
    assert "/control.png" in seen


def test_hostile_text_runs_no_script_and_makes_no_request(
    chromium: str, server: tuple[str, list[str]], tmp_path: Path
) -> None:
    origin, seen = server
    home = make_home(tmp_path / "home", hostile_texts(origin))
    report = export_to(tmp_path / "hostile.html", "--week", "2026-W47", home=home)
    before = parse(report.read_text())
    after = parse(loaded_dom(chromium, report, tmp_path))
    assert skeleton(after) == skeleton(before)
    assert words(after) == words(before)
    pdf = print_pdf(chromium, report, tmp_path)
    browse(chromium, report, tmp_path, f"--screenshot={tmp_path / 'hostile.png'}",
           "--window-size=1000,3000")  # fmt: skip
    assert seen == []
    text = " ".join(pdf_pages(pdf))
    assert "<script>document.title = 'pwned'</script>" in text  # shown, as typed
    assert "שלום עולם" in text
