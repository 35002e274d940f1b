"""hw export --from FILE: a client's hw export rendered by their therapist's hw with the
same exporters as the client's own journal, read in memory; and, with hw caseload,
nothing written anywhere (no journal, config or cache, in HW_HOME, the home folder,
the XDG folders or the working folder) but `-o`'s file.

The client is test_export's filled week (2026-W47, 16 to 22 November) with the
config's name set; their file covers 1 to 22 November, so the PHQ-9 of 9 November
that the week's measure status looks back to is in it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest

from helpers import ENV, HW, hw_in, run_hw
from test_export import MD, assert_only_our_structure, filled, headings  # noqa: F401

MADE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d with hw")
WEEK = ("--week", "2026-W47")


@pytest.fixture
def client(filled: Path, tmp_path: Path) -> Path:  # noqa: F811
    home = tmp_path / "client-home"
    home.mkdir()
    for path in filled.glob("journal.db*"):
        shutil.copy(path, home / path.name)
    hw_in(home, "config", "set", "name", "Ana Lima")
    return home


def as_client(home: Path, *args: str) -> str:
    return hw_in(home, "export", *args).out


@pytest.fixture
def sent(client: Path, tmp_path: Path) -> Path:
    """What the client sends: hw-json of 1 to 22 November, private entries left out."""
    path = tmp_path / "ana.json"
    as_client(client, "--format", "json", "--since", "2026-11-01", "--until", "2026-11-22",
              "-o", str(path))  # fmt: skip
    return path


@pytest.fixture
def sent_all(client: Path, tmp_path: Path) -> Path:
    """The same, private entries in."""
    path = tmp_path / "all.json"
    as_client(client, "--format", "json", "--since", "2026-11-01", "--until", "2026-11-22",
              "--include-private", "-o", str(path))  # fmt: skip
    return path


def as_therapist(*args: str, code: int = 0, home: Path | None = None):
    env = {**ENV, "HW_HOME": str(home or Path("/nonexistent/therapist-home"))}
    result = run_hw("export", *args, env=env)
    assert result.code == code, result.err
    return result


def same(text: str) -> str:
    """An export without the moment it was made (the client's export and the file were
    made moments apart)."""
    return MADE.sub("(made)", text)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_same_exporters_render_the_file_as_the_client_sees_their_week(
    client: Path, sent_all: Path, fmt: str
) -> None:
    for private in ((), ("--include-private",)):
        theirs = as_client(client, *WEEK, "--format", fmt, *private)
        ours = as_therapist("--from", str(sent_all), *WEEK, "--format", fmt, *private).out
        assert same(ours) == same(theirs)
        assert "Ana Lima" in ours


def test_csv_has_the_same_rows_but_for_the_journal_ids(client: Path, sent_all: Path) -> None:
    theirs = as_client(client, *WEEK, "--format", "csv").splitlines()
    ours = as_therapist("--from", str(sent_all), *WEEK, "--format", "csv").out.splitlines()
    assert [row.split(",", 1)[1] for row in ours] == [row.split(",", 1)[1] for row in theirs]


def test_without_a_range_it_is_the_files_last_week_parsed_as_markdown(sent: Path) -> None:
    out = as_therapist("--from", str(sent)).out
    assert out == as_therapist("--from", str(sent), *WEEK).out
    tokens = MD.parse(out)
    assert_only_our_structure(tokens)
    assert headings(tokens)[0] == (1, "Therapy homework, week 47 of 2026")
    assert "- From: Ana Lima" in out and "- Dates: 16–22 November 2026 (2026-W47)" in out
    assert "Private words" not in out  # the client withheld it: it is not in the file


def test_private_entries_in_the_file_show_only_with_include_private(sent_all: Path) -> None:
    withheld = as_therapist("--from", str(sent_all))
    assert "Private words" not in withheld.out and "withheld" in withheld.err
    assert "Private words" in as_therapist("--from", str(sent_all), "--include-private").out


def test_what_the_client_withheld_is_counted_where_its_days_are_known(
    client: Path, sent: Path, tmp_path: Path
) -> None:
    week = tmp_path / "week.json"
    as_client(client, "--format", "json", *WEEK, "-o", str(week))
    out = as_therapist("--from", str(week)).out
    assert "2 private entries withheld." in out  # as the client's own export says
    partly = as_therapist("--from", str(sent), *WEEK)
    assert "withheld" not in partly.out
    assert "left 2 private entries out of the file" in " ".join(partly.err.split())


def test_html_from_the_file_parses_and_names_the_client(sent: Path) -> None:
    out = as_therapist("--from", str(sent), "--format", "html").out
    document = html5lib.parse(out, namespaceHTMLElements=False)
    csp = document.find(".//meta[@http-equiv='Content-Security-Policy']")
    assert csp is not None
    assert "Ana Lima" in "".join(document.find(".//header").itertext())


def test_json_keeps_the_name_and_week_start_the_file_had(sent: Path) -> None:
    data = json.loads(as_therapist("--from", str(sent), "--format", "json").out)
    assert (data["name"], data["week_start"]) == ("Ana Lima", "monday")
    assert data["range"] == {"start": "2026-11-16", "end": "2026-11-22"}


def test_an_old_file_is_named_by_its_stem(sent: Path, tmp_path: Path) -> None:
    data = json.loads(sent.read_text())
    del data["name"], data["week_start"]
    old = tmp_path / "ana-lima-2026.json"
    old.write_text(json.dumps(data))
    assert "- From: ana-lima-2026" in as_therapist("--from", str(old)).out


def test_a_range_partly_inside_shows_that_part_and_says_so(sent: Path) -> None:
    result = as_therapist("--from", str(sent), "--since", "2026-11-20", "--until", "2026-11-30")
    assert "- Dates: 20–22 November 2026" in result.out
    assert "covers 2026-11-01 to 2026-11-22, so this shows 2026-11-20 to 2026-11-22 only" in (
        " ".join(result.err.split())
    )


def test_a_range_wholly_outside_exits_2_and_says_so(sent: Path) -> None:
    result = as_therapist("--from", str(sent), "--week", "2026-W49", code=2)
    assert result.out == ""
    assert "nothing of 2026-11-30 to 2026-12-06 is in it" in " ".join(result.err.split())


@pytest.mark.parametrize(
    ("content", "said"),
    [("not json at all", "this is not valid JSON"), ('{"format": "x"}', "not an hw export")],
)
def test_a_bad_file_exits_2_without_talk_of_importing(
    tmp_path: Path, content: str, said: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = as_therapist("--from", str(bad), code=2)
    assert said in result.err and "import" not in result.err and "Traceback" not in result.err
    assert as_therapist("--from", "/dev/null", code=2).err.startswith("Cannot read /dev/null")


# ---------------------------------------------------------------- nothing written


def listing(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under root, with its size and modification time."""
    return {
        str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


def test_nothing_is_written_anywhere_but_the_output_file(sent: Path, tmp_path: Path) -> None:
    root = tmp_path / "therapist"
    for folder in ("home", "hwhome", "work", "xdg-data", "xdg-config", "xdg-cache",
                   "xdg-state", "runtime", "clients"):  # fmt: skip
        (root / folder).mkdir(parents=True)
    shutil.copy(sent, root / "clients" / "ana.json")
    env = {
        "PATH": "/usr/bin:/bin", "TZ": "UTC", "COLUMNS": "80", "HOME": str(root / "home"),
        "HW_HOME": str(root / "hwhome"), "XDG_DATA_HOME": str(root / "xdg-data"),
        "XDG_CONFIG_HOME": str(root / "xdg-config"), "XDG_CACHE_HOME": str(root / "xdg-cache"),
        "XDG_STATE_HOME": str(root / "xdg-state"), "XDG_RUNTIME_DIR": str(root / "runtime"),
    }  # fmt: skip
    before = listing(root)
    runs = [
        ["caseload", "../clients"], ["caseload", "../clients", "--json"],
        ["caseload", "../clients/ana.json", "--plain"],
        *(["export", "--from", "../clients/ana.json", "-f", f] for f in ("markdown", "html", "csv",
                                                                         "json")),
    ]  # fmt: skip
    for env_home in (env, {k: v for k, v in env.items() if k != "HW_HOME"}):
        for args in runs:
            done = subprocess.run([HW, *args], cwd=root / "work", env=env_home,
                                  capture_output=True, text=True)  # fmt: skip
            assert done.returncode == 0, (args, done.stderr)
            assert listing(root) == before, args
    done = subprocess.run([HW, "export", "--from", "../clients/ana.json", "-o", "ana.md"],
                          cwd=root / "work", env=env, capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    after = listing(root)
    assert set(after) - set(before) == {"work/ana.md"}
    assert (root / "work" / "ana.md").stat().st_mode & 0o777 == 0o600
    changed = ("work", "work/ana.md")  # the new file, and the folder that holds it
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }


def test_hw_json_says_name_null_without_one_and_the_week_start_in_use() -> None:
    data = json.loads(run_hw("export", "--format", "json", *WEEK, env=ENV).out)
    assert (data["name"], data["week_start"]) == (None, "monday")
    assert run_hw("config", "set", "week_start", "sunday").code == 0
    data = json.loads(run_hw("export", "--format", "json", *WEEK, env=ENV).out)
    assert (data["name"], data["week_start"]) == (None, "sunday")
