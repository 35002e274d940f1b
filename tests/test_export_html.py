"""hw export --format html: the printable report, read with html5lib as a browser
would. Same sections as the Markdown export, in its order; pictures as inline SVG
with a text alternative; nothing that can run or load; and user text of every
shape, hostile or huge, shown as typed and never turned into markup.

(tests/test_report_browser.py renders the same reports in Chromium.)
"""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import test_export
from helpers import ENV, hw_in, phq9, run_hw
from html_reading import (
    CSP,
    NS,
    SVG,
    element_text,
    find_all,
    headings,
    hostile_texts,
    local,
    make_home,
    parse,
    skeleton,
    tags_of,
    tame_texts,
    text_nodes,
)
from hwjournal.display import clean
from test_export import headings as md_headings
from test_week import MON, SAT, SUN, WED

# The filled week of the Markdown export's tests (2026-W47), as a fixture here too.
filled = test_export.filled
week_home = test_export.week_home

MD = MarkdownIt("commonmark").enable("table")
HOSTILE = hostile_texts("http://127.0.0.1:9")

# Every element and attribute the report's own template writes.
OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2",
    "h3", "h4", "dl", "dt", "dd", "div", "section", "ul", "li", "bdi", "strong", "figure",
    "figcaption", "span", "table", "thead", "tbody", "tr", "th", "td", "q", "article",
    "svg", "rect", "text", "tspan", "line", "polyline", "circle",
}  # fmt: skip
OUR_ATTRIBUTES = {
    "lang", "charset", "http-equiv", "content", "name", "class", "id", "dir", "scope",
    "viewBox", "width", "height", "role", "preserveAspectRatio", "x", "y", "x1", "x2", "y1",
    "y2", "rx", "fill", "text-anchor", "points", "cx", "cy", "r",
}  # fmt: skip


def export_html(*args: str) -> str:
    result = run_hw("export", "--format", "html", *args, env=ENV)
    assert result.code == 0, result.err
    assert result.out.startswith("<!DOCTYPE html>")
    return result.out


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    home = make_home(tmp_path_factory.mktemp("hostile") / "home", HOSTILE)
    return run_hw("export", "-f", "html", "--week", "2026-W47",
                  env={**ENV, "HW_HOME": str(home)}).out  # fmt: skip


@pytest.fixture(scope="module")
def tame_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    home = make_home(tmp_path_factory.mktemp("tame") / "home", tame_texts(len(HOSTILE)))
    return run_hw("export", "-f", "html", "--week", "2026-W47",
                  env={**ENV, "HW_HOME": str(home)}).out  # fmt: skip


# ---------------------------------------------------------------- content and order


def test_the_report_has_the_markdown_exports_sections_in_its_order(week_home: Path) -> None:
    html = parse(export_html("--week", "2026-W47"))
    markdown = MD.parse(run_hw("export", "--week", "2026-W47", env=ENV).out)
    assert headings(html) == md_headings(markdown)
    assert [text for level, text in headings(html) if level == 2] == [
        "For attention", "Screening scores", "Homework", "What got in the way",
        "The days at a glance", "Entries, day by day", "Cognitive reframe log",
    ]  # fmt: skip


def test_the_report_holds_the_weeks_words_and_figures(week_home: Path) -> None:
    html = parse(export_html("--week", "2026-W47"))
    text = " ".join(element_text(html.find(NS + "body")).split())
    for words in (
        "16–22 November 2026 (2026-W47)",
        "I always get it wrong",  # a reframe log row
        "Late shift",  # a skip's reason
        "no time",  # its barrier, as people say it
        "Saturday 21 November 2026, PHQ-9 mood questionnaire",  # the alert
        "2 private entries withheld.",
        "Average mood:",
        "A screening score to talk over with your therapist, never a diagnosis.",
    ):
        assert words in text, words
    assert "Chest tight.\nStayed home." in text_nodes(html)  # line breaks kept
    assert "Secret Person" not in text and "Private words" not in text
    homework = find_all(html, "section")[2]
    assert homework.get("id") == "homework"
    cells = [element_text(td) for td in find_all(homework, "td")]
    assert cells[:2] == ["Cognitive reframe log", "daily"]
    assert cells[3:] == ["7", "2", "1", "4", "29%"]  # due, done, skipped, not recorded, %


def test_include_private_brings_the_private_entries_in(week_home: Path) -> None:
    html = parse(export_html("--week", "2026-W47", "--include-private"))
    text = element_text(html.find(NS + "body"))
    assert "Private words" in text and "withheld" not in text


def test_an_empty_week_says_so() -> None:
    html = parse(export_html("--week", "2026-W47"))
    assert [t for _, t in headings(html)] == [
        "Therapy homework, week 47 of 2026", "The days at a glance",
    ]  # fmt: skip
    assert "Nothing was recorded in these days." in element_text(html)
    mood = find_all(html, "svg")[0]
    assert element_text(mood.find(SVG + "title")) == "Mood through the days: no mood was recorded."


# ---------------------------------------------------------------- pictures


def test_every_picture_is_inline_svg_with_a_title(week_home: Path) -> None:
    html = parse(export_html("--week", "2026-W47"))
    pictures = find_all(html, "svg")
    assert pictures and not find_all(html, "img")
    for svg in pictures:
        assert svg.get("role") == "img"
        title = svg.find(SVG + "title")
        assert title is not None and element_text(title).strip(), svg.attrib
    titles = [element_text(svg.find(SVG + "title")) for svg in pictures]
    assert titles[0].startswith(
        "PHQ-9 mood questionnaire, scores from 22 May 2026 to 22 November 2026: "
    )
    assert "12 (moderate) on 9 Nov; 9 (mild) on 21 Nov, this week." in titles[0]
    assert "Bands: minimal 0–4, mild 5–9, moderate 10–14" in titles[0]
    assert "Cognitive reframe log: 2 of 7 done, 1 skipped, 4 not recorded." in titles
    mood = "Mood through the days, 1 (very low) to 5 (very good): Monday 3.5, Tuesday no mood,"
    assert any(t.startswith(mood) for t in titles)


def _points(svg) -> list[tuple[float, bool]]:
    return [(float(c.get("cy")), "this" in c.get("class")) for c in svg.iter(SVG + "circle")]


def test_a_measure_chart_holds_its_six_months_of_scores(hw_home: Path) -> None:
    phq9(hw_home, "2026-05-21", [3] * 9)  # 27, a day before the six months: left out
    phq9(hw_home, "2026-05-22", [2] * 9)  # 18, the first day of the six months
    phq9(hw_home, "2026-08-01", [1] * 9, "--private")  # left out unless private is asked for
    phq9(hw_home, SAT, [1, 1, 1, 1, 0, 0, 0, 0, 0])  # 4, this week
    charts = [s for s in find_all(parse(export_html("--week", "2026-W47")), "svg")
              if "chart" in s.get("class", "") and "mood" not in s.get("class")]  # fmt: skip
    assert len(charts) == 1
    title = element_text(charts[0].find(SVG + "title"))
    assert "18 (moderately severe) on 22 May; 4 (minimal) on 21 Nov, this week." in title
    assert [marked for _, marked in _points(charts[0])] == [False, True]
    (low_y, _), (high_y, _) = _points(charts[0])[1], _points(charts[0])[0]
    assert low_y > high_y  # a lower score sits lower
    with_private = [s for s in find_all(parse(export_html("--week", "2026-W47",
                    "--include-private")), "svg") if "measure" in s.get("class", "") or
                    (s.find(SVG + "title") is not None and "PHQ-9" in
                     element_text(s.find(SVG + "title")))]  # fmt: skip
    assert "9 (mild) on 1 Aug" in element_text(with_private[0].find(SVG + "title"))


def test_the_status_line_is_printed_when_the_measure_has_one(week_home: Path) -> None:
    from hwjournal.export import data as export_data
    from hwjournal.export import html
    from hwjournal.journal import Journal

    journal = Journal.open(str(week_home / "journal.db"), create=False)
    data = export_data.build(
        journal, dt.date(2026, 11, 16), dt.date(2026, 11, 22), week_start="monday",
        today=dt.date(2026, 11, 30), label="2026-W47",
    )  # fmt: skip
    journal.close()
    assert [m.template for m in data.measures] == ["phq-9"]
    assert [s.total for s in data.measures[0].scores] == [12, 9]
    data.measures[0].status_text = "9 (mild) · no reliable change since 12 (moderate) on 9 Nov"
    caption = find_all(parse(html.render(data)), "figcaption")[0]
    assert element_text(caption) == (
        "PHQ-9 mood questionnaire 9 (mild) · no reliable change since 12 (moderate) on 9 Nov"
    )


def test_the_measures_status_over_six_months_reaches_the_report(hw_home: Path) -> None:
    phq9(hw_home, "2026-09-02", [2, 2, 2, 2, 2, 2, 1, 1, 1])  # 15, moderately severe
    phq9(hw_home, SAT, [1, 1, 1, 1, 1, 1, 1, 1, 1])  # 9, mild: 6 lower, beyond noise
    captions = [element_text(c) for c in find_all(parse(export_html("--week", "2026-W47")),
                "figcaption")]  # fmt: skip
    assert any(
        "reliable improvement" in c and "15 (moderately severe) on 2026-09-02" in c
        for c in captions
    ), captions


# ---------------------------------------------------------------- nothing runs, nothing loads


def test_the_page_can_run_nothing_and_load_nothing(hostile_report: str) -> None:
    html = parse(hostile_report)
    metas = find_all(html, "meta")
    policy = [m for m in metas if m.get("http-equiv")]
    assert [(m.get("http-equiv"), m.get("content")) for m in policy] == [
        ("Content-Security-Policy", CSP)
    ]
    head = html.find(NS + "head")
    assert head[1] is policy[0]  # right after the charset, before anything it governs
    for forbidden in ("script", "img", "iframe", "link", "object", "embed", "base", "form", "a"):
        assert not find_all(html, forbidden), forbidden
    for el in html.iter():
        for name, value in el.attrib.items():
            assert not name.startswith("on"), (el.tag, name)
            assert name not in ("href", "src", "style", "action", "data"), (el.tag, name)
            assert "http" not in value and "//" not in value and "javascript" not in value
    (style,) = find_all(html, "style")
    css = element_text(style)
    assert "@import" not in css and "url(" not in css and "http" not in css
    assert "@font-face" not in css


# ---------------------------------------------------------------- user text stays text


def test_no_element_or_attribute_comes_from_user_text(hostile_report: str, tame_report: str):
    hostile, tame = parse(hostile_report), parse(tame_report)
    assert skeleton(hostile) == skeleton(tame)
    for el in hostile.iter():
        assert local(el.tag) in OUR_TAGS, el.tag
        assert set(el.attrib) <= OUR_ATTRIBUTES, (el.tag, el.attrib)


def test_every_hostile_string_reads_back_as_the_text_typed(hostile_report: str) -> None:
    nodes = text_nodes(parse(hostile_report))
    joined = "\n".join(nodes)
    for text in HOSTILE:
        shown = clean(text)  # control characters as their visible symbols, as on screen
        assert any(shown in node for node in nodes), text
    for tag in tags_of(HOSTILE):
        assert clean(tag) in joined
    # the skip reason and the long answer: every line, in one text node each
    assert clean("\n".join(HOSTILE)) in nodes
    assert "\x1b" not in hostile_report and "\x07" not in hostile_report


def test_user_text_in_the_title_name_and_bands_stays_text(hostile_report: str) -> None:
    html = parse(hostile_report)
    facts = {element_text(d.find(NS + "dt")): element_text(d.find(NS + "dd"))
             for d in find_all(html, "dl")[0]}  # fmt: skip
    assert facts["From"] == clean(HOSTILE[18])
    assert element_text(find_all(html, "h4")[0]) == clean(HOSTILE[14])
    svg_texts = find_all(html, "text")
    band_labels = [element_text(t) for t in svg_texts if t.get("class") == "band-label"]
    # cut to fit beside the chart; its title says them whole
    assert band_labels == [f"{clean(HOSTILE[15])[:19]}… 0–4", f"{clean(HOSTILE[16])[:19]}… 5–10"]
    chart = next(svg for svg in find_all(html, "svg") if svg.get("class") == "chart")
    title = element_text(chart.find(SVG + "title"))
    assert f"Bands: {clean(HOSTILE[15])} 0–4, {clean(HOSTILE[16])} 5–10." in title


def test_right_to_left_text_is_isolated_from_the_text_around_it(hostile_report: str) -> None:
    html = parse(hostile_report)
    for el in html.iter():
        own = el.text or ""
        if "\u202e" in own or "שלום" in own:
            isolated = local(el.tag) in ("bdi", "title", "text", "tspan") or el.get("dir") == "auto"
            assert isolated, el.tag


# ---------------------------------------------------------------- any size, any character


def test_a_megabyte_answer_and_every_plane_render_whole(hw_home: Path, tmp_path: Path) -> None:
    planes = "".join(chr(plane << 16 | 0x41) for plane in range(17))  # U+0041 … U+10_0041
    huge = "x" * (1 << 20)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"things": [huge, planes, "\x00\x01\x1f\x7f\x9f end"]}))
    hw_in(hw_home, "start", "gratitude", "--date", MON, "--no-input", "--answers-json",
          str(answers))  # fmt: skip
    hw_in(hw_home, "start", "reframe-log", "--date", MON, "--no-input", "-a", "thought=t",
          "-a", "reframe=r", "-a", "reaction=line\r\nbreaks\rkept")  # fmt: skip
    out = export_html("--week", "2026-W47")
    nodes = text_nodes(parse(out))
    assert huge in nodes and planes in nodes
    assert clean("\x00\x01\x1f\x7f\x9f end") in nodes
    assert "line\nbreaks\nkept" in nodes


def test_bad_input_is_refused_as_for_every_format(week_home: Path, tmp_path: Path) -> None:
    bad = run_hw("export", "-f", "html", "--since", SUN, "--until", WED, env=ENV)
    assert bad.code == 2 and bad.out == "" and "comes after" in bad.err
    target = tmp_path / "report.html"
    wrote = run_hw("export", "--week", "2026-W47", "-o", str(target), env=ENV)
    assert wrote.code == 0 and wrote.out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().startswith("<!DOCTYPE html>")  # html from the extension
    target.write_text("the therapist's notes")
    again = run_hw("export", "-f", "html", "--week", "2026-W47", "-o", str(target), env=ENV)
    assert again.code == 2 and again.out == "" and "--force" in again.err
    assert target.read_text() == "the therapist's notes"
    forced = run_hw("export", "-f", "html", "-o", str(target), "--force", "--week", "2026-W47",
                    env=ENV)  # fmt: skip
    assert forced.code == 0 and target.read_text().startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hwhome", "report.html"]


# ---------------------------------------------------------------- fuzzing


def _report_with(text: str) -> str:
    """The report of a one-entry week whose answer, title, prompt, tag and name are `text`."""
    from hwjournal.export import html
    from hwjournal.export.data import ExportData
    from hwjournal.journal import Entry
    from hwjournal.week import WeekData

    day = dt.date(2026, 11, 16)
    entry = Entry(
        1, "u", "t", text, day.isoformat(), "2026-11-16T10:00:00+00:00", mood=3, tags=[text],
        answers={"a": text, "b": [text, text]},
        steps=[{"id": "a", "type": "long", "prompt": text},
               {"id": "b", "type": "list", "prompt": text}],
    )  # fmt: skip
    week = WeekData(day, day + dt.timedelta(days=6), day, label="2026-W47", entries=[entry])
    return html.render(ExportData(week, "2026-11-30T10:00:00+00:00", "0", name=text))


@settings(max_examples=50, deadline=None)
# (a blank name is left out of the report: not this test's point)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("<>&\"'/=!-[]{}%`\r\n\t;:ab ")),
                                  st.characters()), min_size=1, max_size=40)
       .filter(str.strip))  # fmt: skip
def test_any_text_is_text_and_changes_no_structure(text: str) -> None:
    tree = parse(_report_with(text))
    assert skeleton(tree) == skeleton(parse(_report_with("x")))
    expected = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    expected = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in expected)
    answers = [element_text(p) for p in find_all(tree, "p") if p.get("class") == "text"]
    assert answers == [expected]


def test_a_span_longer_than_a_week_lists_a_row_a_day(week_home: Path) -> None:
    html = parse(export_html("--since", "2026-11-01", "--until", "2026-11-30"))
    glance = next(s for s in find_all(html, "section") if s.get("id") == "glance")
    (table,) = find_all(glance, "table")
    rows = [[element_text(c) for c in tr] for tr in find_all(table, "tr")]
    assert rows[0] == ["Day", "Entries", "Mood (1–5)"]
    assert len(rows) == 31 and rows[16] == ["Mon 16 Nov", "2", "3.5"]
    (mood,) = find_all(glance, "svg")
    assert mood.get("viewBox") == "0 0 800 104"  # as wide as a week's, however long
    assert not [t for t in find_all(mood, "text") if t.get("class") == "value"]
    title = element_text(mood.find(SVG + "title"))
    assert "1 Nov no mood" in title and "16 Nov 3.5" in title
    chart = next(s for s in find_all(html, "svg") if "PHQ-9" in element_text(s))
    assert "9 (mild) on 21 Nov, in these days." in element_text(chart.find(SVG + "title"))
