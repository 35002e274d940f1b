"""Plain screens for screen readers and braille displays (HW_PLAIN, TERM=dumb, --plain):
every screen read as text, on a journal made the way a person makes one (hw start
--answer, assignments, skips, a draft, an alert), holds no bars, box lines, shapes or
braille, no escape codes, and says its figures in words and numbers."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pexpect
import pytest

from helpers import REPO, finish, hw_here, run_hw, spawn_hw

# box drawing, blocks and geometric shapes; braille
PICTURES = re.compile("[\u2500-\u25ff\u2800-\u28ff]")
WEEK = "2026-W47"  # Monday 16 to Sunday 22 November 2026


def mon(n: int) -> str:
    return f"2026-11-{16 + n:02d}"


def build(home: Path) -> dict[str, str]:
    """A realistic week, through the command line; the env that reaches it."""
    env = {"HW_HOME": str(home), "TZ": "UTC", "TERM": "xterm"}

    def hw(*args: str) -> str:
        result = run_hw(*args, env=env)
        assert result.code == 0, (args, result.err)
        return result.out

    def start(template: str, day: str, *answers: str, mood: str | None = None) -> None:
        args = ["start", template, "--date", day, "--no-input"]
        args += [part for answer in answers for part in ("--answer", answer)]
        hw(*args, *(["--mood", mood] if mood else []))

    hw("config", "set", "crisis_contact", "Sam, 555 0100")
    hw("assign", "reframe-log", "--start", mon(0), "--note", "One thought a day, evenings")
    hw("assign", "mood-checkin", "--days", "mon,wed,fri", "--start", mon(0))
    hw("assign", "phq-9", "--weekly", "--start", "2026-11-02")
    hw("assign", "gratitude", "--once", "--start", mon(0), "--for", "7d")
    start("phq-9", "2026-11-09", *(f"q{i}=2" for i in range(1, 10)), "q9=0", mood="2")
    start("phq-9", mon(0), *(f"q{i}=1" for i in range(1, 10)), mood="3")  # q9=1 alerts
    start(
        "reframe-log",
        mon(0),
        "thought=I always mess things up at work",
        "emotion=anxious",
        "intensity_before=8",
        "reaction=Tight chest.\nI reread the email six times.",
        "distortions=Overgeneralization — this always happens to me",
        "reframe=One mistake in a week of good work",
        "intensity_after=5",
        mood="3",
    )
    start("mood-checkin", mon(0), "mood=3", "activities=work", "note=Long day.")
    hw("skip", "reframe-log", "--date", mon(1), "--barrier", "time", "--reason", "Late shift")
    start("gratitude", mon(3), "things=Warm tea", "things=A long call", mood="4")
    hw("skip", "reframe-log", "--date", mon(4), "--barrier", "overwhelmed")
    start("mood-checkin", mon(4), "mood=2", "activities=rest")
    start(
        "letter-never-sent",
        mon(6),
        "recipient=Dad",
        "charge_before=7",
        "letter=There are things I never said.",
        "revealed=That I am still angry.",
    )
    start("safety-plan", mon(6), "people_help=My sister", "professionals=Dr. Lee, 555 0199")
    # a draft, the way a person leaves one: Ctrl-C part way through
    child = spawn_hw("start", "gratitude", "--date", mon(6), env=env)
    child.expect("›")
    child.sendline("Sunshine")
    child.expect("›")
    child.sendline("")
    child.expect("What made it good")
    child.expect("›")
    time.sleep(0.3)
    child.sendcontrol("c")
    child.expect("kept as draft")
    assert finish(child) == 130
    return env


@pytest.fixture(scope="module")
def journal(build_once) -> dict[str, str]:
    """The built week, shared by the tests of this module that only read it."""
    home = build_once("plain", build)
    return {"HW_HOME": str(home), "TZ": "UTC", "TERM": "xterm"}


@pytest.fixture
def own_journal(build_once) -> dict[str, str]:
    """The built week for a test that writes to it: its own copy, so what it adds (an
    entry dated today, a skip) reaches no other test's screens."""
    home = build_once("plain", build)
    return {"HW_HOME": str(home), "TZ": "UTC", "TERM": "xterm"}


def plain(env: dict[str, str], *args: str, columns: int = 80, here: bool = False) -> str:
    """A screen in plain words, stdout and stderr both: everything a reader hears.
    `here`: through hw's exit point in this process (the same code and streams), for
    the many screens of one kind, where a process each would only add start-up time."""
    env = {**env, "HW_PLAIN": "1", "COLUMNS": str(columns)}
    result = hw_here(*args, env=env, settle=True) if here else run_hw(*args, env=env)
    assert result.code == 0, (args, result.err)
    return result.out + result.err


def ids(env: dict[str, str]) -> list[str]:
    listed = run_hw("log", "-n", "0", "--drafts", "--json", env=env).json()
    return [str(entry["id"]) for entry in listed]


SCREENS = [
    ["week", WEEK],
    ["week", "this"],
    ["log", "-n", "0", "--drafts"],
    ["templates", "list"],
    ["due"],
    ["due", "--date", mon(2)],
    ["assignments", "--all"],
    ["sos"],
    ["trends", "--since", "2026-10-01", "--until", mon(6)],
    ["config", "show"],
    ["check"],
]


def test_no_screen_has_a_picture_character_or_an_escape_code(journal):
    templates = [t["id"] for t in run_hw("templates", "list", "--json").json()]
    screens = [
        *SCREENS,
        *(["show", entry_id] for entry_id in ids(journal)),
        *(["templates", "show", template] for template in templates),
    ]
    for args in screens:
        shown = plain(journal, *args, here=True)
        assert shown.strip(), args
        assert not PICTURES.findall(shown), (args, PICTURES.findall(shown))
        assert "\x1b" not in shown, args
        assert not any(line != line.rstrip() for line in shown.splitlines()), args


def test_marks_are_words_too(journal):
    assert "ok: the file is whole" in plain(journal, "check")
    checked = plain(journal, "templates", "validate", str(REPO / "templates" / "gratitude.toml"))
    assert checked.startswith("ok: ")


def test_the_same_screens_drawn_for_the_eye_do_have_pictures(journal):
    # so the check above is a real one: without plain, bars and box lines are drawn
    drawn = run_hw("week", WEEK, env={**journal, "COLUMNS": "80"}).out
    assert PICTURES.search(drawn)
    assert PICTURES.search(run_hw("show", ids(journal)[-1], env=journal).out)
    assert PICTURES.search(
        run_hw("trends", "--since", "2026-10-01", "--until", mon(6), env=journal).out
    )


def test_trends_say_each_week_in_words(journal):
    shown = plain(journal, "trends", "--since", "2026-10-01", "--until", mon(6))
    assert "Homework" in shown and "Week of " in shown
    assert re.search(r"Week of \d+ \w+: \d+ of \d+ done", shown)


def test_the_week_says_its_figures_in_words(journal):
    shown = plain(journal, "week", WEEK)
    lines = shown.splitlines()
    assert "Monday 16 November: 3 entries, mood 3 of 5, so-so" in lines
    assert "Tuesday 17 November: no entries" in lines
    upcoming = plain(journal, "week", "2099-W01").splitlines()
    assert "Thursday 1 January: still to come" in upcoming
    assert "Cognitive reframe log: 1 of 7 done, 2 skipped, 4 not recorded" in lines
    assert "Mood check-in: 2 of 3 done, 1 not recorded" in lines
    assert any(line.strip().startswith("Tue 17: Cognitive reframe log — no time") for line in lines)
    assert re.search(r"Mood check-in, entry \d+: mood 3 of 5, so-so, written", shown)
    # the reframe log's table: one line an entry, each answer after its step
    row = " ".join(shown[shown.index("Monday 16 November, written") :].split())
    assert "Thought: I always mess things up at work; Emotion: anxious;" in row
    assert "Intensity before: 8 of 10; Reaction: Tight chest. I reread the email" in row
    assert "Distortions: Overgeneralization — this always happens to me;" in row


def test_tables_read_as_one_labelled_line_a_row(journal):
    wide = 300  # no line wrapped, so a row is a line
    log = plain(journal, "log", "-n", "0", "--drafts", columns=wide).splitlines()
    assert len(log) == len(ids(journal))
    assert all(re.match(r"entry \d+: 2026-11-\d\d; ", row) for row in log)
    assert any("; Mood check-in; mood 2 of 5, low; first answer: rest" in row for row in log)
    assignments = plain(journal, "assignments", "--all", columns=wide).splitlines()
    assert assignments[0].startswith(
        "assignment 1: Cognitive reframe log, note: One thought a day, evenings; every day; "
    )
    listing = plain(journal, "templates", "list", columns=wide).splitlines()
    assert "phq-9: PHQ-9 mood questionnaire; measure; about 3 minutes" in listing


def test_an_entry_reads_back_in_words(journal):
    phq = run_hw("log", "--template", "phq-9", "--json", env=journal).json()[0]
    shown = plain(journal, "show", str(phq["id"]))
    assert f"PHQ-9 mood questionnaire, entry {phq['id']}" in shown
    assert "1 of 3, Several days" in shown
    assert f"{mon(0)}, mood 3 of 5, so-so" in shown


@pytest.mark.parametrize(
    "env",
    [{"HW_PLAIN": "1"}, {"HW_PLAIN": "yes"}, {"TERM": "dumb"}],
    ids=["HW_PLAIN=1", "HW_PLAIN=yes", "TERM=dumb"],
)
def test_plain_is_asked_for_by_the_environment(journal, env):
    shown = run_hw("week", WEEK, env={**journal, **env}).out
    assert "Monday 16 November: 3 entries" in shown
    assert not PICTURES.search(shown)


@pytest.mark.parametrize("value", ["", "0"])
def test_hw_plain_empty_or_0_is_not_plain(journal, value):
    shown = run_hw("week", WEEK, env={**journal, "HW_PLAIN": value}).out
    assert PICTURES.search(shown)


@pytest.mark.parametrize("where", ["before", "after"])
def test_plain_is_a_global_option_before_or_after_the_command(journal, where):
    args = ["--plain", "week", WEEK] if where == "before" else ["week", WEEK, "--plain"]
    shown = run_hw(*args, env=journal)
    assert shown.code == 0, shown.err
    assert "Monday 16 November: 3 entries" in shown.out


# ---------------------------------------------------------------- at a terminal


def read(child) -> str:
    """What a pty showed before the last match, with its line ends as a reader gets them."""
    return child.before.replace("\r\n", "\n")


def recorded(child) -> io.StringIO:
    """Everything the pty will show from now on, kept to be read at the end."""
    child.logfile_read = io.StringIO()
    return child.logfile_read


def test_hw_alone_greets_in_words(journal):
    child = spawn_hw("--plain", env=journal)
    child.expect(pexpect.EOF)
    shown = read(child)
    assert finish(child) == 0
    assert "Due today" in shown and "Next:" in shown
    assert "Cognitive reframe log: hw start reframe-log — One thought a day" in shown
    assert not PICTURES.search(shown) and "\x1b" not in shown


def test_an_exercise_at_a_terminal_in_plain_words(own_journal):
    """Prompts, the labelled scale's list, an alert and the saved message: no pictures,
    no colour, and the alert as lines rather than a frame."""
    child = spawn_hw("--plain", "start", "phq-9", "--mood", "3", env=own_journal)
    session = recorded(child)
    child.expect("1 of 11")
    for step in range(1, 10):
        child.expect("›")
        child.sendline("1" if step == 9 else "0")
    child.expect("Where to turn now")
    child.expect("Pick one|option's number")
    child.expect("›")
    child.sendline("")
    child.expect("Ctrl-D")
    child.sendeof()
    child.expect("Saved as entry")
    assert finish(child) == 0
    shown = session.getvalue()
    lines = [line.rstrip() for line in shown.split("\r\n")]
    assert lines[lines.index("  0  Not at all") + 1] == "  1  Several days"
    assert "- Your crisis contact: Sam, 555 0100" in shown  # the alert, as lines
    assert "\r\n\r\nWhere to turn now:\r\n- If you might act" in shown  # set apart
    assert not PICTURES.search(shown), PICTURES.findall(shown)
    assert "\x1b[" not in shown


def test_a_timer_in_plain_words_does_not_count_down_on_screen(hw_home, every_type):
    child = spawn_hw("--plain", "start", "every-type", "--answer", "line=x", "--mood", "3")
    child.expect("Press Enter when you are ready")
    child.sendline("")
    for _ in range(7):  # skip the optional steps up to the timer
        child.expect("›|Ctrl-D")
        if "Ctrl-D" in child.after:
            child.sendeof()
        else:
            child.sendline("")
    child.expect("Breathe for a moment")
    child.expect("›")
    child.sendline("")
    child.expect("The timer is running")
    child.sendline("")  # stop it early
    child.expect("Stopped after")
    shown = read(child)
    child.expect("Ctrl-D")
    child.sendeof()
    child.expect("Saved as entry")
    assert finish(child) == 0
    assert " left" not in shown


def test_skip_asks_in_plain_words(own_journal):
    child = spawn_hw("--plain", "skip", "mood-checkin", "--date", mon(2), env=own_journal)
    session = recorded(child)
    child.expect("What got in the way")
    child.expect("›")
    child.sendline("1")
    child.expect("›")
    child.sendline("")
    child.expect("next session")
    assert finish(child) == 0
    shown = session.getvalue()
    assert "1  no time" in shown
    assert not PICTURES.search(shown) and "\x1b" not in shown
