"""An entry of a `columns` template (the reframe log) is a row of a log table in the
Markdown and HTML exports, described under its date rather than by a meta line: its
tags must be there too, or a therapist reading the export never sees them."""

from __future__ import annotations

from markdown_it import MarkdownIt

from helpers import ENV, run_hw
from html_reading import local, parse
from test_export import tables

DAY = "2026-11-03"  # a Tuesday in ISO week 2026-W45


def reframe_entry(*tags: str) -> None:
    args = ["start", "reframe-log", "--date", DAY, "--no-input", "--mood", "3"]
    args += ["-a", "thought=They will laugh at me", "-a", "emotion=scared"]
    args += ["-a", "intensity_before=7", "-a", "reframe=Most will not notice"]
    args += ["-a", "intensity_after=4"]
    for tag in tags:
        args += ["--tag", tag]
    done = run_hw(*args, env=ENV)
    assert done.code == 0, done.err


def test_markdown_log_rows_say_their_tags():
    reframe_entry("work", "meetings")
    reframe_entry()
    done = run_hw("export", "--week", DAY, env=ENV)
    assert done.code == 0, done.err
    tokens = MarkdownIt("commonmark").enable("table").parse(done.out)
    (log,) = [t for t in tables(tokens) if t[0][0] == "Date"]
    # under the date: mood and when it was filled in (whatever day the test runs),
    # then the tags
    when = [row[0].splitlines() for row in log[1:]]
    assert [lines[0] for lines in when] == ["3 Nov 2026", "3 Nov 2026"]
    assert [lines[1].startswith("mood 3/5, filled in ") for lines in when] == [True, True]
    assert [lines[2:] for lines in when] == [["tags: work, meetings"], []]


def test_html_log_rows_say_their_tags(tmp_path):
    reframe_entry("work", "meetings")
    reframe_entry()
    report = tmp_path / "report.html"
    done = run_hw("export", "--week", DAY, "--format", "html", "-o", str(report), env=ENV)
    assert done.code == 0, done.err
    root = parse(report.read_text(encoding="utf-8"))
    rows = [
        el for el in root.iter() if local(el.tag) == "th" and "when" in el.get("class", "").split()
    ]
    notes = [
        [span.text for span in row if local(span.tag) == "span" and span.get("class") == "notes"]
        for row in rows
    ]
    assert [len(spans) for spans in notes] == [2, 1]
    assert all(spans[0].startswith("mood 3/5, filled in ") for spans in notes)
    assert notes[0][1] == "tags: work, meetings"
