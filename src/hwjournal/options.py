"""One definition of each command-line option of the hot commands.

The Typer commands (the full command line) and the fast path (fast.py, which
answers shell prompts and cron without importing Typer or Rich) both read these,
so the two cannot drift; a test checks they agree.
"""

from __future__ import annotations

from collections import namedtuple

# Named tuples rather than dataclasses: these load on every fast-path run, and
# dataclasses costs more to import than `hw due` takes to answer.


class Opt(namedtuple("Opt", "dest flags help kind choices", defaults=("value", ()))):
    """One option. dest (str): the run_* argument it fills; flags (tuple[str, ...]);
    help (str); kind (str): "flag" (no value), "value", "many" (repeatable value), "int";
    choices (tuple[str, ...]): the values allowed, where only some are (the fast path
    leaves any other value to the full command line, which explains the choices)."""

    __slots__ = ()


class Command(
    namedtuple("Command", "name options positionals optional_positionals", defaults=((), ()))
):
    """A command's options (tuple[Opt, ...]) and the names of its positional arguments
    (positionals: required, optional_positionals: may be left out), as run_* takes them."""

    __slots__ = ()


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

WEEK = Command("week", (JSON,), optional_positionals=("week",))

EXPORT_FORMATS = ("markdown", "json", "csv")  # a test checks these match hwjournal.export

EXPORT = Command(
    "export",
    (
        Opt("week", ("--week",), "The week: 2026-W48, this, last, or a date in it."),
        SINCE,
        UNTIL,
        Opt("format", ("--format", "-f"), "markdown, json or csv.", "value", EXPORT_FORMATS),
        Opt("output", ("--output", "-o"), "Write to FILE (readable by you only)."),
        Opt("force", ("--force",), "Replace FILE if it exists.", "flag"),
        Opt("include_private", ("--include-private",), "Include private entries too.", "flag"),
        TEMPLATE,
    ),
)

GLOBAL_JOURNAL = Opt("journal", ("--journal",), "Use the journal at this path.")
