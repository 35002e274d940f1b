"""Every command of hw, declared once: its options and arguments, with their types,
defaults, help and metavars, and the run_* function that does the work.

Both command lines are built from this table. The fast path (fast.py), which answers
shell prompts and cron without importing Typer or Rich, parses with it; the full
command line (typer_app.py) turns each entry into a Typer command. So a command's
run_* function is the only signature it has, and adding an option is one edit here
plus the code that uses it. A test drives both parsers with generated command lines
and checks they hand run_* the same values.

This module loads on every run, `hw due` in a shell prompt included: named tuples,
no dataclasses, no typing.
"""

from __future__ import annotations

from collections import namedtuple

from hwjournal import messages

# kinds of option: "flag" (no value), "value" (text), "int" (a whole number),
# "many" (text, repeatable: a list)

# Metavars of values that name a file. A file's name may be any bytes, so these alone
# may hold what is not UTF-8 (fast.check_values refuses it in any other value).
PATH_METAVARS = frozenset(("FILE", "PATH", "PATH...", "DEST", "[DEST]", "FILE|DIR..."))


class Opt(
    namedtuple(
        "Opt",
        "dest flags help kind default metavar choices complete",
        defaults=("value", None, None, (), None),
    )
):
    """One option. dest: the run_* argument it fills; flags: ("-n", "--number");
    kind: flag, value, int or many; default: what run_* gets when it is absent
    (a flag: False; many: None); choices: the values allowed, where only some are;
    complete: the name of a function in completion.py that offers values."""

    __slots__ = ()


class Arg(
    namedtuple("Arg", "dest metavar help required many complete", defaults=(True, False, None))
):
    """One positional argument. required=False: it may be left out (run_* gets None);
    many=True: it takes one or more words (a list)."""

    __slots__ = ()


class Command(
    namedtuple(
        "Command",
        "path run help options args dash_values",
        defaults=((), (), False),
    )
):
    """path: ("log",) or ("templates", "show"); run: "module:function" under
    hwjournal.commands; help: what `--help` says (its first line in the command list);
    dash_values: a value may start with '-'."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return " ".join(self.path)


class Group(
    namedtuple(
        "Group",
        "name help run options metavar",
        defaults=(None, (), None),
    )
):
    """A command with subcommands (`hw templates show`). run/options: what the group
    does alone (`hw assignments`); without run, the group alone shows its help."""

    __slots__ = ()


# Options shared by several commands, written once.
JSON = Opt("json", ("--json",), "Print JSON for scripts instead of a screen.", "flag")
SINCE = Opt("since", ("--since",), "From this date (included).", metavar="DATE")
UNTIL = Opt("until", ("--until",), "Up to this date (included).", metavar="DATE")
TEMPLATE = Opt("template", ("--template",), "Only this template.", metavar="ID")
ANSWER = Opt("answer", ("--answer", "-a"), "An answer as STEP_ID=VALUE; repeat for more.", "many")
MOOD = Opt("mood", ("--mood",), "How you feel, 1 (very low) to 5 (very good).", "int")
NO_INPUT = Opt(
    "no_input", ("--no-input",), "Never ask; fail if a required answer is missing.", "flag"
)
ENTRY_ID = Arg("entry_id", "ID", "The entry's id.")

EXPORT_FORMATS = ("markdown", "json", "csv", "html")  # a test checks these match hwjournal.export

# Global options: accepted before or after the command (up to a `--`), read once by
# fast.split_globals for both command lines and handed to every command in its Context
# (context.Context.from_globals); the Typer root declares them only so `hw --help` lists
# them. Each is a flag or takes a value ("flag" or "value" kind).
GLOBAL_JOURNAL = Opt("journal", ("--journal",), "Use the journal at this path.", metavar="PATH")
GLOBAL_PLAIN = Opt(
    "plain",
    ("--plain",),
    "Words and numbers only, no bars or box lines: for screen readers and braille "
    "displays (also HW_PLAIN=1 or TERM=dumb).",
    "flag",
)
GLOBAL_NO_PAGER = Opt(
    "no_pager", ("--no-pager",), "Print a long screen whole instead of opening a pager.", "flag"
)
GLOBALS = (GLOBAL_JOURNAL, GLOBAL_PLAIN, GLOBAL_NO_PAGER)
GLOBAL_VERSION = Opt("version", ("--version",), "Print hw's version.", "flag")

HELP = """A calm, local-only journal for therapy homework.

Everything stays on this computer. Start with: hw start values-compass"""

GROUPS = {
    "templates": Group("templates", "The exercises hw knows: list, show, new, validate."),
    "config": Group("config", "Your settings: show them, or set one."),
    "assignments": Group(
        "assignments",
        "The homework that is set. End one with: hw assignments end ID",
        run="assign:run_assignments",
        options=(Opt("all_", ("--all",), "Finished and ended assignments too.", "flag"), JSON),
        metavar="[end ID]",
    ),
}

COMMANDS = (
    Command(
        ("start",),
        "start:run_start",
        "Do an exercise: each step asked in turn, saved as one entry.",
        (
            ANSWER,
            Opt(
                "answers_json",
                ("--answers-json",),
                "A JSON object of step id to answer, from a file or - for stdin.",
                metavar="FILE",
            ),
            Opt("date", ("--date",), "The day this entry is for (default today).", metavar="DATE"),
            Opt("tag", ("--tag", "-t"), "A tag for the entry; repeat for more.", "many"),
            MOOD,
            Opt("private", ("--private",), "Keep this entry out of exports unless asked.", "flag"),
            Opt(
                "shared",
                ("--shared",),
                "Share an entry of a private-by-default exercise (--private wins).",
                "flag",
            ),
            NO_INPUT,
            JSON,
        ),
        (
            Arg(
                "template_id",
                "TEMPLATE",
                "The exercise, e.g. values-compass.",
                complete="templates",
            ),
        ),
    ),
    Command(
        ("resume",),
        "start:run_resume",
        "Go on with an unfinished entry, at its first unanswered step.",
        (ANSWER, MOOD, NO_INPUT, JSON),
        (Arg("entry_id", "[ID]", "The draft to go on with (default: the newest).", False),),
    ),
    Command(
        ("sos",),
        "sos:run_sos",
        "Where to turn right now, and your safety plan. Asks nothing.",
        (JSON,),
    ),
    Command(
        ("log",),
        "log:run_log",
        "Your entries, newest first.",
        (
            Opt(
                "n",
                ("-n", "--number"),
                "How many entries, newest first (0 for all).",
                "int",
                20,
                "N",
            ),
            SINCE,
            UNTIL,
            TEMPLATE,
            Opt("tag", ("--tag",), "Only entries with this tag.", metavar="TAG"),
            Opt(
                "search",
                ("--search",),
                "Only entries whose answers hold these words.",
                metavar="TEXT",
            ),
            Opt("drafts", ("--drafts",), "List unfinished drafts too.", "flag"),
            JSON,
        ),
    ),
    Command(
        ("show",),
        "log:run_show",
        "One entry, read back with the prompts it answered.",
        (JSON,),
        (ENTRY_ID,),
    ),
    Command(
        ("delete",),
        "log:run_delete",
        "Remove an entry for good, leaving no trace of its text in the journal.",
        (Opt("yes", ("--yes", "-y"), "Do not ask first.", "flag"), JSON),
        (ENTRY_ID,),
    ),
    Command(
        ("templates", "list"),
        "templates:run_list",
        "Every template, built-in and yours.",
        (
            Opt("modality", ("--modality",), "Only this modality, e.g. CBT.", metavar="M"),
            Opt("goal", ("--goal",), "Only templates serving this goal.", metavar="GOAL"),
            JSON,
        ),
    ),
    Command(
        ("templates", "show"),
        "templates:run_show",
        "A template's steps, why it works, and where it comes from.",
        (JSON,),
        (Arg("template_id", "ID", "The template's id.", complete="templates"),),
    ),
    Command(
        ("templates", "new"),
        "authoring:run_new",
        "Write a new template file of your own and open it in your editor.",
        (
            Opt(
                "from_id",
                ("--from",),
                "Start from a copy of this template instead of a blank one.",
                metavar="ID",
                complete="templates",
            ),
            Opt("force", ("--force",), "Replace a file of yours with the same id.", "flag"),
        ),
        (Arg("new_id", "NEW_ID", "The new template's id, like my-check-in."),),
    ),
    Command(
        ("templates", "validate"),
        "templates:run_validate",
        "Check template files; exit 1 if any does not validate.",
        (JSON,),
        (Arg("files", "PATH...", "The template files to check.", many=True),),
    ),
    Command(
        ("assign",),
        "assign:run_assign",
        "Set homework with a rhythm. With no end, it runs until ended.",
        (
            Opt("daily", ("--daily",), "Once every day (the default).", "flag"),
            Opt("weekly", ("--weekly",), "Once in each week, any day of it.", "flag"),
            Opt("days", ("--days",), "On these days, like mon,wed,fri.", metavar="DAYS"),
            Opt("once", ("--once",), "Once, any day between the start and the end.", "flag"),
            Opt("start", ("--start",), "The first day (default today).", metavar="DATE"),
            Opt("until", ("--until",), "The last day (included).", metavar="DATE"),
            Opt(
                "for_",
                ("--for",),
                "How long it runs: --for 7d from a Monday ends Sunday.",
                metavar="7d|2w",
            ),
            Opt("note", ("--note",), "A note to go with it, shown when due.", metavar="TEXT"),
            JSON,
        ),
        (
            Arg(
                "template_id",
                "TEMPLATE",
                "The exercise to assign, e.g. reframe-log.",
                complete="templates",
            ),
        ),
    ),
    Command(
        ("assignments", "end"),
        "assign:run_assignment_end",
        "End an assignment: nothing of it is due from today on.",
        (JSON,),
        (
            Arg(
                "assignment_id",
                "ID",
                "The assignment's id (see hw assignments).",
                complete="assignments",
            ),
        ),
    ),
    Command(
        ("due",),
        "due:run_due",
        "What is due today and not yet done or set aside.",
        (
            Opt("date", ("--date",), "What is due on this day instead of today.", metavar="DATE"),
            JSON,
            Opt("count", ("--count",), "Print only how many are due (for shell prompts).", "flag"),
        ),
    ),
    Command(
        ("skip",),
        "skip:run_skip",
        "Set a day's homework aside, noting what got in the way. No blame: it helps to know.",
        (
            Opt("date", ("--date",), "The day to set aside (default today).", metavar="DATE"),
            Opt(
                "barrier",
                ("--barrier",),
                "What got in the way: {barriers}. Asked in a terminal; 'other' without one.",
                metavar="BARRIER",
            ),
            Opt("reason", ("--reason",), "A few words on it, if you like.", metavar="TEXT"),
            JSON,
        ),
        (
            Arg(
                "target",
                "ASSIGNMENT_ID|TEMPLATE",
                "The assignment's id, or the exercise's id.",
                complete="skip_targets",
            ),
        ),
    ),
    Command(
        ("config", "show"),
        "config:run_show",
        "Every setting, its value, and what it can be.",
        (JSON,),
    ),
    Command(
        ("config", "set"),
        "config:run_set",
        "Change one setting; the rest of the file stays as it is.",
        (),
        (
            Arg("key", "KEY", "The setting's name (see hw config show).", complete="config_keys"),
            Arg(
                "value", "VALUE", "Its new value; template_dirs takes folders separated by commas."
            ),
        ),
        dash_values=True,  # a negative number is refused with what is allowed, not as a flag
    ),
    Command(
        ("week",),
        "week:run_week",
        "The week at a glance: entries, mood, homework and what got in the way.",
        (JSON,),
        (
            Arg(
                "week",
                "WEEK",
                "2026-W48, this, last, or a date inside the week (default: this).",
                False,
            ),
        ),
    ),
    Command(
        ("trends",),
        "trends:run_trends",
        """Change over months: your measures, mood and homework, pictures first.

The default is the last 6 months (or since your first entry, if that is later).
Each measure's status compares its first score in the range with its latest, by the
template's own thresholds: a screening measure to talk over, never a diagnosis.""",
        (
            Opt("since", ("--since",), "From this date (included).", metavar="DATE"),
            Opt(
                "months",
                ("--months",),
                "The last N months, up to --until (default 6).",
                metavar="N",
            ),
            UNTIL,
            Opt(
                "measure",
                ("--measure",),
                "Only this measure, e.g. phq-9.",
                metavar="ID",
                complete="templates",
            ),
            JSON,
        ),
    ),
    Command(
        ("export",),
        "export:run_export",
        "Your week for your therapist: Markdown to read, a printable HTML report, JSON or CSV.",
        (
            Opt(
                "week",
                ("--week",),
                "The week: 2026-W48, this, last, or a date in it (default: this).",
                metavar="WEEK",
            ),
            SINCE,
            UNTIL,
            Opt(
                "format",
                ("--format", "-f"),
                "markdown (default), html (a printable report), json (hw-json, for hw "
                "import) or csv.",
                choices=EXPORT_FORMATS,
            ),
            Opt(
                "output",
                ("--output", "-o"),
                "Write to FILE (readable by you only).",
                metavar="FILE",
            ),
            Opt("force", ("--force",), "Replace FILE if it exists.", "flag"),
            Opt("include_private", ("--include-private",), "Include private entries too.", "flag"),
            TEMPLATE,
            Opt(
                "from_file",
                ("--from",),
                messages.HELP_EXPORT_FROM,
                metavar="FILE",
                complete="client_files",
            ),
        ),
    ),
    Command(
        ("caseload",),
        "caseload:run_caseload",
        messages.HELP_CASELOAD,
        (JSON,),
        (
            Arg(
                "paths",
                "FILE|DIR...",
                messages.HELP_CASELOAD_PATHS,
                many=True,
                complete="client_files",
            ),
        ),
    ),
    Command(
        ("import",),
        "importing:run_import",
        """Bring in entries from an hw export, Daylio (CSV) or jrnl (JSON).

Nothing is added twice, so importing a file again is safe. A file with any record hw
cannot take is refused whole, naming it. Daylio rows become mood-checkin entries; jrnl
entries become journal entries whose one text is the title and body, tags kept without
their @, starred ones tagged starred.""",
        (
            Opt(
                "format",
                ("--format", "-f"),
                "hw-json, daylio or jrnl-json (default: told from the file).",
                metavar="FORMAT",
            ),
            Opt(
                "mood_map",
                ("--mood-map",),
                'Daylio: your own mood names as 1-5, like "great day=5,so-so=3".',
                metavar="MAP",
            ),
            JSON,
        ),
        (Arg("file", "FILE", "The file to bring in, or - to read stdin."),),
    ),
    Command(
        ("backup",),
        "backup:run_backup",
        "Copy the journal, whole and private, even while hw is writing to it.",
        (JSON,),
        (
            Arg(
                "dest",
                "[DEST]",
                "A new file, or a folder for a dated copy (default: next to the journal).",
                False,
            ),
        ),
    ),
    Command(
        ("check",),
        "check:run_check",
        "Check the journal is whole, current and private; says what to do if not.",
        (JSON,),
    ),
    Command(
        ("encrypt",),
        "encryption:run_encrypt",
        """Encrypt the journal with a passphrase; shows a recovery key once.

The whole file is encrypted: entries, search index and plans. The passphrase is asked
twice in a terminal, or read from HW_PASSPHRASE_COMMAND. Needs the encryption extra:
pip install 'hwjournal[encryption]'""",
    ),
    Command(
        ("unlock",),
        "encryption:run_unlock",
        "Open an encrypted journal for a while, so hw does not ask each time.",
        (
            Opt(
                "for_",
                ("--for",),
                "How long it stays unlocked, like 30m, 8h or 2d (default 8h).",
                metavar="DURATION",
            ),
            Opt(
                "recovery_key",
                ("--recovery-key",),
                "Open it with the recovery key instead, and set a new passphrase.",
                "flag",
            ),
        ),
    ),
    Command(
        ("lock",),
        "encryption:run_lock",
        "Forget the key of an unlocked journal now.",
    ),
    Command(
        ("passphrase",),
        "encryption:run_passphrase",
        "Change the passphrase of an encrypted journal (the journal is not rewritten).",
    ),
    Command(
        ("decrypt",),
        "encryption:run_decrypt",
        "Turn an encrypted journal back into a plain one.",
        (Opt("yes", ("--yes", "-y"), "Do not ask first.", "flag"),),
    ),
)

BY_NAME = {command.name: command for command in COMMANDS}


def fast_command(words: list[str]) -> tuple[Command | Group, int] | None:
    """The command a command line starts with, and how many of its words name it
    (`hw templates show ID`: two), or None: a group alone that only shows its help
    (`hw templates`), or a word that names no command."""
    if not words:
        return None
    group = GROUPS.get(words[0])
    if group is None:
        command = BY_NAME.get(words[0])
        return (command, 1) if command is not None else None
    command = BY_NAME.get(" ".join(words[:2]))
    if command is not None:
        return command, 2
    return (group, 1) if group.run is not None else None
