"""One definition of each command-line option of the hot commands.

The Typer commands (the full command line) and the fast path (fast.py, which
answers shell prompts and cron without importing Typer or Rich) both read these,
so the two cannot drift; a test checks they agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Opt:
    dest: str
    flags: tuple[str, ...]
    help: str
    kind: str = "value"  # "flag" (no value), "value", "many" (repeatable value), "int"


@dataclass(frozen=True)
class Command:
    name: str
    options: tuple[Opt, ...]
    positionals: tuple[str, ...] = ()
    optional_positionals: tuple[str, ...] = ()


JSON = Opt("json", ("--json",), "Print JSON for scripts instead of a screen.", "flag")
DATE = Opt("date", ("--date",), "The day, as YYYY-MM-DD, today, yesterday or 'N days ago'.")
SINCE = Opt("since", ("--since",), "From this date (included).")
UNTIL = Opt("until", ("--until",), "Up to this date (included).")
TEMPLATE = Opt("template", ("--template",), "Only this template.")
TAG = Opt("tag", ("--tag",), "Only entries with this tag.")

LOG = Command(
    "log",
    (
        Opt("n", ("-n", "--number"), "How many entries, newest first (0 for all).", "int"),
        SINCE,
        UNTIL,
        TEMPLATE,
        TAG,
        Opt("search", ("--search",), "Only entries whose answers hold these words."),
        Opt("drafts", ("--drafts",), "List unfinished drafts too.", "flag"),
        JSON,
    ),
)

SHOW = Command("show", (JSON,), positionals=("entry_id",))

DUE = Command(
    "due",
    (
        Opt("date", ("--date",), "What is due on this day instead of today."),
        JSON,
        Opt("count", ("--count",), "Print only how many are due (for shell prompts).", "flag"),
    ),
)

START = Command(
    "start",
    (
        Opt("answer", ("--answer", "-a"), "An answer as STEP_ID=VALUE; repeat for more.", "many"),
        Opt(
            "answers_json",
            ("--answers-json",),
            "A JSON object of step id to answer, from a file or - for stdin.",
        ),
        Opt("date", ("--date",), "The day this entry is for (default today)."),
        Opt("tag", ("--tag", "-t"), "A tag for the entry; repeat for more.", "many"),
        Opt("mood", ("--mood",), "How you feel, 1 (very low) to 5 (very good).", "int"),
        Opt("private", ("--private",), "Keep this entry out of exports unless asked.", "flag"),
        Opt(
            "no_input", ("--no-input",), "Never ask; fail if a required answer is missing.", "flag"
        ),
        JSON,
    ),
    positionals=("template_id",),
)

GLOBAL_JOURNAL = Opt("journal", ("--journal",), "Use the journal at this path.")
