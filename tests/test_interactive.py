"""hw start and hw resume at a real pseudo-terminal: the installed hw, driven by
pexpect the way a person types."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pexpect

from helpers import REPO, finish, interrupt, run_hw, spawn_hw


def answer_up_to_reflection(child: pexpect.spawn) -> None:
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("A line of text")
    child.expect("›")
    child.sendline("")  # required: asked again
    child.expect("a few words are enough")
    child.sendline("hello there")
    child.expect("Some free writing")
    child.expect("Ctrl-D on an empty line")
    child.sendline("first line")
    child.sendline("")
    child.sendline("third")
    child.sendeof()
    child.expect("How strong")
    child.expect("›")
    child.sendline("11")
    child.expect("11 is outside 0 to 10")
    child.sendline("7")
    child.expect("Pick one")
    child.expect("›")
    child.sendline("2")
    child.expect("Pick any")
    child.expect("›")
    child.sendline("1, knitting")
    child.expect("List some things")
    child.expect("›")
    child.sendline("a")
    child.expect("›")
    child.sendline("b")
    child.expect("›")
    child.sendline("")
    child.expect("How many")
    child.expect("›")
    child.sendline("lots")
    child.expect("'lots' is not a number")
    child.sendline("3.5")
    child.expect("Did it help")
    child.expect("›")
    child.sendline("maybe")
    child.expect("answer y or n")
    child.sendline("y")
    child.expect("Breathe for a moment")
    child.expect("›")
    child.sendline("")  # start the timer
    child.expect("left")
    child.sendline("")  # and stop it early
    child.expect("Stopped after")


EXPECTED = {
    "line": "hello there",
    "story": "first line\n\nthird",
    "level": 7,
    "pick": "Green",
    "picks": ["Walk", "knitting"],
    "items": ["a", "b"],
    "count": 3.5,
    "ok": True,
}


def test_every_step_type_with_wrong_answers_asked_again(every_type):
    child = spawn_hw("start", "every-type", "--tag", "test")
    answer_up_to_reflection(child)
    child.expect("What did you notice")
    child.expect("Ctrl-D")
    child.sendline("It was calm.")
    child.sendeof()
    child.expect("How are you feeling right now")
    child.expect("›")
    child.sendline("9")
    child.expect("not a mood from 1 to 5")
    child.sendline("4")
    child.expect(r"Saved as entry (\d+)")
    entry_id = child.match.group(1)
    assert finish(child) == 0

    entry = run_hw("show", entry_id, "--json").json()
    breathe = entry["answers"].pop("breathe")
    assert isinstance(breathe, int) and 0 <= breathe <= 6
    assert entry["answers"] == {**EXPECTED, "reflection": "It was calm."}
    assert list(entry["answers"]) == [*EXPECTED, "reflection"]  # step order
    assert entry["status"] == "complete"
    assert entry["mood"] == 4
    assert entry["tags"] == ["test"]


def test_ctrl_c_keeps_a_draft_with_half_typed_text_and_resume_finishes_it(every_type):
    child = spawn_hw("start", "every-type")
    answer_up_to_reflection(child)
    child.expect("What did you notice")
    child.expect("Ctrl-D")
    child.sendline("I started to write")
    time.sleep(0.5)  # let hw read the line: the terminal drops unread input on Ctrl-C
    child.sendcontrol("c")
    child.expect(r"kept as draft (\d+)")
    draft_id = child.match.group(1)
    child.expect(f"hw resume {draft_id}")
    assert finish(child) == 130

    listed = run_hw("log", "--json").json()
    assert listed == []  # drafts are listed only with --drafts
    draft = run_hw("show", draft_id, "--json").json()
    assert draft["status"] == "draft"
    draft["answers"].pop("breathe")
    assert draft["answers"] == EXPECTED

    child = spawn_hw("resume")
    child.expect("Picking up where you left off")
    child.expect("What did you notice")
    child.expect("I started to write")  # the half-typed text is kept and shown
    assert "Enter now to skip" not in child.before  # kept text: Enter would not skip
    child.sendline("and then finished.")
    child.sendeof()
    child.expect("How are you feeling")
    child.sendline("")  # skipping the mood is fine
    child.expect(f"Saved as entry {draft_id}")
    assert finish(child) == 0

    done = run_hw("show", draft_id, "--json").json()
    assert done["status"] == "complete"
    assert done["answers"]["reflection"] == "I started to write\nand then finished."
    assert done["mood"] is None


def past_the_first_line(expect_first: str = "") -> pexpect.spawn:
    """every-type started with its mood given, up to just after its one required step
    ("A line of text", answered "only this")."""
    child = spawn_hw("start", "every-type", "--mood", "3")
    if expect_first:
        child.expect(expect_first)
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("A line of text")
    child.expect("›")
    child.sendline("only this")
    return child


def skip_to_the_reflection(child: pexpect.spawn) -> None:
    """From the scale step on, every optional step left empty and the timer skipped,
    up to the reflection's prompt."""
    child.expect("How strong")
    for prompt in ("Pick one", "Pick any", "List some things", "How many", "Did it help"):
        child.expect("›")
        child.sendline("")
        child.expect(prompt)
    child.expect("›")
    child.sendline("")
    child.expect("Breathe for a moment")
    child.expect("›")
    child.sendline("s")
    child.expect("Timer skipped")
    child.expect("What did you notice")


def test_an_optional_long_step_skips_on_enter_as_the_start_promised(every_type):
    """'Press Enter to skip a step marked optional', the start says: in free writing
    too, an Enter before any word skips it, and the hint says so. After a word, an
    empty line is part of the writing."""
    child = past_the_first_line(expect_first="Press Enter to skip a step marked optional")
    child.expect("Some free writing")
    child.expect("or Enter now to skip it")
    child.sendline("")  # Enter at once: skipped, and on to the next step
    skip_to_the_reflection(child)
    child.expect("or Enter now to skip it")
    child.sendline("a first thought")
    child.sendline("")  # after a word, an empty line is the writing's own
    child.sendline("and a second")
    child.sendeof()
    child.expect(r"Saved as entry (\d+)")
    entry_id = child.match.group(1)
    assert finish(child) == 0
    entry = run_hw("show", entry_id, "--json").json()
    assert "story" not in entry["answers"]
    assert entry["answers"]["reflection"] == "a first thought\n\nand a second"


def test_writing_pasted_with_a_blank_line_first_is_kept_not_skipped(every_type):
    """Enter alone skips an optional free-writing step; a paste that begins with a
    blank line is writing, and every line of it is kept."""
    child = past_the_first_line()
    child.expect("or Enter now to skip it")
    child.send("\nWhat happened today was hard.\nI wrote it down anyway.\n")
    time.sleep(0.5)  # let hw read the lines: Ctrl-D must come after them
    child.sendeof()
    skip_to_the_reflection(child)
    child.expect("Ctrl-D")
    child.sendeof()
    child.expect(r"Saved as entry (\d+)")
    entry_id = child.match.group(1)
    assert finish(child) == 0
    entry = run_hw("show", entry_id, "--json").json()
    assert entry["answers"]["story"] == "What happened today was hard.\nI wrote it down anyway."


def test_optional_steps_skip_on_enter_and_timer_skips_with_s(every_type):
    child = past_the_first_line()
    child.expect("Some free writing")
    child.expect("Ctrl-D")
    child.sendeof()  # Ctrl-D at once skips a long step
    skip_to_the_reflection(child)
    child.expect("Ctrl-D")
    child.sendeof()
    child.expect(r"Saved as entry (\d+)")  # --mood given: no check-in asked
    entry_id = child.match.group(1)
    assert finish(child) == 0
    entry = run_hw("show", entry_id, "--json").json()
    assert entry["answers"] == {"line": "only this"}
    assert entry["mood"] == 3


def test_answers_given_up_front_are_not_asked_again(every_type):
    child = spawn_hw(
        "start", "every-type", "--answer", "line=from a flag", "--answer", "level=2", "--mood", "5"
    )
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("Some free writing")  # 'line' was given: not asked
    child.sendeof()
    child.expect("Pick one")  # 'level' was given: not asked
    interrupt(child, r"kept as draft (\d+)")
    draft_id = child.match.group(1)
    assert finish(child) == 130
    draft = run_hw("show", draft_id, "--json").json()
    assert draft["answers"] == {"line": "from a flag", "level": 2}


def test_ctrl_c_before_any_answer_saves_nothing(every_type):
    child = spawn_hw("start", "every-type")
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("A line of text")
    interrupt(child, "nothing was saved")
    assert finish(child) == 130
    assert run_hw("log", "--drafts", "--json").json() == []


def test_values_compass_end_to_end_at_a_terminal():
    """The main job, as the README shows it: every step answered by its type."""
    path = REPO / "templates" / "values-compass.toml"
    steps = tomllib.loads(path.read_text())["steps"]
    child = spawn_hw("start", "values-compass")
    expected = {}
    for step in steps:
        if step["type"] == "info":
            if step.get("pause"):
                child.expect("Press Enter when you are ready")
                child.sendline("")
            continue
        child.expect_exact(step["prompt"])
        if step["type"] == "long":
            child.expect("Ctrl-D on an empty line")
            child.sendline(f"Words for {step['id']}")
            child.sendeof()
            expected[step["id"]] = f"Words for {step['id']}"
        elif step["type"] == "list":
            child.expect("›")
            child.sendline("honesty")
            child.expect("›")
            child.sendline("patience")
            child.expect("›")
            child.sendline("")
            expected[step["id"]] = ["honesty", "patience"]
        elif step["type"] == "choice":
            child.expect("›")
            child.sendline("1")
            expected[step["id"]] = step["options"][0]
        else:
            assert step["type"] == "text", step
            child.expect("›")
            child.sendline(f"A small step for {step['id']}")
            expected[step["id"]] = f"A small step for {step['id']}"
    child.expect("How are you feeling right now")
    child.expect("›")
    child.sendline("4")
    child.expect(r"Saved as entry (\d+)")
    entry_id = child.match.group(1)
    assert finish(child) == 0
    entry = run_hw("show", entry_id, "--json").json()
    assert entry["template"] == "values-compass"
    assert entry["status"] == "complete"
    assert entry["mood"] == 4
    assert entry["answers"] == expected


def test_delete_asks_first_at_a_terminal(hw):
    made = hw("start", "gratitude", "--answer", "things=the sun", "--json")
    entry_id = str(made.json()["id"])
    child = spawn_hw("delete", entry_id)
    child.expect(r"for good\? It cannot be undone")
    child.sendline("n")
    child.expect("Nothing was deleted")
    assert finish(child) == 0
    assert hw("show", entry_id).code == 0

    child = spawn_hw("delete", entry_id)
    child.expect("cannot be undone")
    child.sendline("y")
    child.expect("gone from the journal for good")
    child.expect("Backups made before now still hold it")
    assert finish(child) == 0
    assert hw("show", entry_id).code == 2


def test_long_answers_open_the_editor_when_the_config_says_so(hw_home, tmp_path):
    hw_home.mkdir(parents=True, exist_ok=True)
    (hw_home / "config.toml").write_text("editor = true\nmood_checkin = false\n")
    editor = tmp_path / "fake-editor"
    seen = tmp_path / "seen"
    editor.write_text(
        "#!/bin/sh\n"
        f"echo \"$1\" >> '{seen}'\n"
        "printf 'Dear me,\\n\\nwritten in an editor.\\n' >> \"$1\"\n"
    )
    editor.chmod(0o755)
    child = spawn_hw(
        "start",
        "self-compassion-letter",
        "--answer",
        "situation=a hard day",
        env={"EDITOR": str(editor), "TMPDIR": str(tmp_path)},
    )
    while True:
        index = child.expect(
            ["Opening your editor", "›", "Press Enter when you are ready", r"Saved as entry (\d+)"]
        )
        if index == 3:
            break
        if index in (1, 2):
            child.sendline("")
    entry_id = child.match.group(1)
    assert finish(child) == 0
    entry = run_hw("show", entry_id, "--json").json()
    assert entry["answers"]["letter"] == "Dear me,\n\nwritten in an editor."
    edited = [Path(line) for line in seen.read_text().splitlines()]
    assert edited and all(p.is_relative_to(tmp_path) for p in edited)
    assert not any(p.exists() for p in edited), "the editor's file is removed"


def test_a_lost_terminal_keeps_the_draft(every_type):
    child = spawn_hw("start", "every-type")
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("A line of text")
    child.expect("›")
    child.sendline("written before the hang-up")
    child.expect("Some free writing")
    child.kill(1)  # SIGHUP, as when the terminal window is closed
    child.expect(pexpect.EOF)
    child.close()
    drafts = run_hw("log", "--drafts", "--json").json()
    assert [d["answers"] for d in drafts] == [{"line": "written before the hang-up"}]
    assert drafts[0]["status"] == "draft"


def test_ctrl_c_keeps_a_half_typed_line_and_resume_puts_it_back(every_type):
    child = spawn_hw("start", "every-type")
    child.expect("Press Enter when you are ready")
    child.sendline("")
    child.expect("A line of text")
    child.expect("›")
    child.send("half typed thou")
    time.sleep(0.5)
    child.sendcontrol("c")
    child.expect(r"kept as draft (\d+)")
    draft_id = child.match.group(1)
    assert finish(child) == 130
    draft = run_hw("show", draft_id, "--json").json()
    assert draft["status"] == "draft"
    assert draft["answers"] == {}
    assert "half typed thou" in run_hw("show", draft_id).out

    child = spawn_hw("resume", draft_id)
    child.expect("A line of text")
    child.expect("half typed thou")  # back on the line, ready to finish
    child.sendline("ght")
    child.expect("Some free writing")
    child.sendcontrol("c")
    assert finish(child) == 130
    assert run_hw("show", draft_id, "--json").json()["answers"] == {"line": "half typed thought"}
