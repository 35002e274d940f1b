"""What the bad-input sweep (test_sweep*.py) feeds hw, and what it expects back.

Values are chosen by the kind of thing a slot holds, read from the one command spec
(spec.COMMANDS, spec.GROUPS): a whole number, a date, a week, an id, a length of time,
a path, or text. A command added to the spec is swept without an edit here; only a
command whose required argument has a name unknown below needs a base line in BASE.

Each value is either BAD (hw must refuse it: exit 1 or 2) or EDGE (hw may take it or
refuse it). Either way the answer must be calm: a sentence on stderr, never "did not
expect", never a traceback, and a refusal leaves the journal as it was.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from hwjournal import spec

EVERY = [*spec.COMMANDS, *(g for g in spec.GROUPS.values() if g.run is not None)]
TOO_BIG = "99999999999999999999999"  # past SQLite's integer range
INT64_PAST = str(2**63)  # one past it
INVALID_UTF8 = b"\xff\xfe caf\xe9".decode("utf-8", "surrogateescape")  # as argv gives it

# (value, must fail)
NUMBER = [
    ("-1", True),
    ("-" + TOO_BIG, True),
    ("", True),
    ("1e3", True),
    ("\x00", True),
    ("0", False),
    (TOO_BIG, False),
    (INT64_PAST, False),
]
DATE = [
    ("10000-01-01", True),
    ("2026-02-30", True),
    ("2026-13-01", True),
    ("0000-01-01", True),
    ("-1 days ago", True),
    ("999999999 days ago", True),
    ("", True),
    (" ", True),
    ("\x00", True),
    (INVALID_UTF8, True),
    ("0001-01-01", False),
    ("9999-12-31", False),
    ("99999 days ago", False),
]
WEEK = [
    ("2026-W00", True),
    ("2026-W54", True),
    ("10000-W01", True),
    ("0000-W01", True),
    ("", True),
    ("\x00", True),
    (INVALID_UTF8, True),
    ("0001-W01", False),
    ("9999-W52", False),
    ("0001-01-01", False),
    ("9999-12-31", False),
]
ID = [
    (TOO_BIG, True),
    (INT64_PAST, True),
    ("-" + INT64_PAST, True),
    (str(2**63 - 1), True),
    ("0", True),
    ("-1", True),
    ("", True),
    ("\x00", True),
    (INVALID_UTF8, True),
    ("1" * 5000, True),
    ("１", False),
    (" 1", False),
]
SPAN = [
    ("0d", True),
    ("-1d", True),
    (TOO_BIG + "d", True),
    (TOO_BIG + "w", True),
    ("7x", True),
    ("", True),
    ("\x00", True),
    ("3650d", False),
]
TEXT = [
    ("\x00", False),
    ("a\x00b", False),
    (INVALID_UTF8, True),
    ("", False),
    (" ", False),
    ("x" * 100_000, False),
    ("\u202e\u200b", False),
    (TOO_BIG, False),
]
# paths that need no device, FIFO or big file (those are test_sweep_files.py's)
PATH = [
    ("\x00", True),
    ("a\x00b", True),
    (INVALID_UTF8 + ".nowhere", False),
    ("", False),
    ("no/such/folder/file", False),
]
KINDS = {
    "number": NUMBER,
    "date": DATE,
    "week": WEEK,
    "id": ID,
    "span": SPAN,
    "text": TEXT,
    "path": PATH,
}

ID_DESTS = {"entry_id", "assignment_id", "target"}


def kind_of(slot: spec.Opt | spec.Arg) -> str | None:
    """What a slot holds, as far as the sweep is concerned; None: nothing to sweep."""
    if isinstance(slot, spec.Opt) and slot.kind == "flag":
        return None
    if isinstance(slot, spec.Opt) and slot.kind == "int":
        return "number"
    metavar = (slot.metavar or "").strip("[]")
    if metavar == "DATE":
        return "date"
    if metavar == "WEEK":
        return "week"
    if slot.dest in ID_DESTS:
        return "id"
    if metavar == "7d|2w":
        return "span"
    if slot.metavar in spec.PATH_METAVARS:
        return "path"
    return "text"


def words(command: spec.Command | spec.Group) -> list[str]:
    return list(getattr(command, "path", (command.name,)))


# A line each command runs well with, on the seeded journal (entry 1 complete, entry 2
# a draft, assignment 1 daily from the first day): its arguments, then its options.
# "{template}" is a template file, "{import}" a small jrnl export. Commands not named
# here get their required arguments from ARG_DEFAULTS.
BASE = {
    "start": (["mood-checkin"], ["--no-input", "-a", "mood=3"]),
    "resume": (["2"], ["--no-input", "-a", "mood=3"]),
    "delete": (["1"], ["--yes"]),
    "templates new": (["my-sweep"], []),
    "skip": (["1"], ["--date", "2026-01-07"]),
    "config set": (["week_start", "sunday"], []),
    "caseload": (["{client}"], []),
}
ARG_DEFAULTS = {
    "template_id": "mood-checkin",
    "entry_id": "1",
    "assignment_id": "1",
    "target": "1",
    "file": "{import}",
    "files": "{template}",
}


def base_line(command: spec.Command | spec.Group) -> tuple[list[str], list[str]]:
    """(arguments, options) of a line the command runs well with."""
    if command.name in BASE:
        args, options = BASE[command.name]
        return list(args), list(options)
    args = [ARG_DEFAULTS.get(a.dest, "x") for a in getattr(command, "args", ()) if a.required]
    return args, []


def slots(command: spec.Command | spec.Group) -> Iterator[spec.Opt | spec.Arg]:
    for slot in (*command.options, *getattr(command, "args", ())):
        if kind_of(slot) is not None:
            yield slot


def every_slot() -> list[tuple[spec.Command | spec.Group, spec.Opt | spec.Arg]]:
    return [(command, slot) for command in EVERY for slot in slots(command)]


def line_with(
    command: spec.Command | spec.Group, slot: spec.Opt | spec.Arg | None, value: str = ""
) -> list[str]:
    """The command's base line with `value` in `slot` (None: the base line itself): an
    option is added as --flag=VALUE (so a value starting with '-' stays a value), an
    argument takes its place, after `--` for the same reason."""
    args, options = base_line(command)
    if isinstance(slot, spec.Opt):
        flag = next((f for f in slot.flags if f.startswith("--")), slot.flags[0])
        options.append(f"{flag}={value}")
    elif slot is not None:
        dests = [a.dest for a in getattr(command, "args", ())]
        index = dests.index(slot.dest)
        args += ["x"] * (index + 1 - len(args))
        args[index] = value
    return [*words(command), *options, "--", *args] if args else [*words(command), *options]


# `hw sos` shows where to turn whatever else is wrong (SPEC): it never fails
NEVER_FAILS = {"sos"}


def calm_problems(code: int, err: str, must_fail: bool, out: str = "") -> list[str]:
    """What is wrong with how hw answered, if anything. The sentence is on stderr, or
    on stdout for a report that is the command's result (`hw check`)."""
    problems = []
    if "did not expect" in err:
        problems.append("an unexpected error")
    if "Traceback" in err:
        problems.append("a traceback")
    if code not in (0, 1, 2):
        problems.append(f"exit {code}")
    if must_fail and code == 0:
        problems.append("taken as good input (exit 0)")
    if code != 0 and len((err or out).split()) < 3:
        problems.append("no sentence saying what was wrong")
    return problems


# ---------------------------------------------------------------- paths

OUTPUTS = {"output", "dest"}  # slots hw writes to; every other path is read
JRNL = '{"tags": {}, "entries": [{"date": "2026-01-04", "time": "09:00", "title": "a day",\n'
JRNL += '"body": "", "tags": [], "starred": false}]}\n'
# a client's hw export, for hw caseload and hw export --from ("{client}")
CLIENT = '{"format": "hwjournal", "version": 1, "name": "Sweep", "week_start": "monday", '
CLIENT += '"range": {"start": "2026-01-05", "end": "2026-01-11"}, "entries": []}\n'
HUGE = 3 << 30  # bytes, in a sparse file: nothing is written
# Kinds of path a person might pick by mistake. Devices are reached through a link in
# the test's folder: were a check ever lost, SQLite would put its -journal file beside
# the link, never in /dev.
VALID = {  # what each path slot takes well, by its dest
    "answers_json": '{"mood": 3}\n',
    "files": (Path(__file__).parent.parent / "templates" / "mood-checkin.toml").read_text(),
    "file": JRNL,
    "paths": CLIENT,
    "from_file": CLIENT,
}
SAFE_KINDS = ["folder", "dev-null", "dangling-link", "unreadable", "binary", "not-utf8", "nul"]
RISKY_KINDS = ["fifo", "dev-zero", "huge"]  # may block, never end or fill memory


def make_path(kind: str, folder: Path, good: str) -> Path:
    """A path of this kind in `folder`; `good` is what the slot would take (an
    unreadable file holds it, so only the permission is wrong)."""
    path = folder / f"the-{kind}"
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind in ("dev-zero", "dev-null"):
        path.symlink_to(f"/dev/{kind[4:]}")
    elif kind == "dangling-link":
        path.symlink_to(folder / "nothing-here")
    elif kind == "unreadable":
        path.write_text(good)
        path.chmod(0)
    elif kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    elif kind == "not-utf8":
        path.write_bytes(b"caf\xe9, na\xefve\n" * 10)
    elif kind == "nul":
        path.write_bytes((good or "some text").encode().replace(b" ", b"\x00"))
    elif kind == "huge":
        with open(path, "wb") as fh:
            fh.truncate(HUGE)
    return path


def path_slots() -> list[tuple[spec.Command | spec.Group, spec.Opt | spec.Arg]]:
    return [(c, s) for c, s in every_slot() if kind_of(s) == "path"]


def path_must_fail(slot: spec.Opt | spec.Arg, kind: str, path: Path) -> bool:
    if slot.dest == "dest" and kind == "folder":
        return False  # a folder is where a dated backup goes
    if kind == "unreadable" and slot.dest not in OUTPUTS:
        return not os.access(path, os.R_OK)  # root reads it all the same
    return True


def journal_must_fail(command_name: str, kind: str, path: Path) -> bool:
    if command_name in NEVER_FAILS or kind == "dangling-link":
        return False  # a journal may be made where a link points
    if kind == "unreadable":
        return not os.access(path, os.R_OK)
    return True


def unreadable_problems(kind: str, path: Path, err: str) -> list[str]:
    """An unreadable file is said to be one, where it really is (not to root)."""
    if kind == "unreadable" and not os.access(path, os.R_OK) and "Permission denied" not in err:
        return ["does not say the file cannot be read"]
    return []


NOT_A_JOURNAL = ("not an hw journal", "not a journal file")
READ_WORDS = {  # what a refusal to read a path of each kind says (any of them)
    "folder": ("folder",),
    "dev-null": ("device",),
    "dev-zero": ("device",),
    "fifo": ("pipe",),
    "dangling-link": ("does not exist",),
    "binary": ("UTF-8",),
    "not-utf8": ("UTF-8",),
}
JOURNAL_WORDS = {
    "folder": ("folder",),
    "dev-null": ("not a journal file",),
    "dev-zero": ("not a journal file",),
    "fifo": ("not a journal file",),
    "binary": NOT_A_JOURNAL,
    "not-utf8": NOT_A_JOURNAL,
    "nul": NOT_A_JOURNAL,
    "huge": NOT_A_JOURNAL,
}


def words_problems(code: int, said: str, kind: str, slot: spec.Opt | spec.Arg | None) -> list[str]:
    """A refusal names what was wrong with the path: for a file hw would read, what
    kind of thing it is; for one it would write, that something is there already; for
    the journal (slot None), that it is not one."""
    if code == 0:
        return []
    if slot is None:
        expected = JOURNAL_WORDS.get(kind, ())
    elif slot.dest in OUTPUTS:
        expected = ("folder",) if kind == "folder" else ("already exists", "not a regular file")
    else:
        expected = READ_WORDS.get(kind, ())
    if expected and not any(word in said for word in expected):
        return [f"does not say what is wrong (one of {expected})"]
    return []
