"""hw import FILE: bring in what was written elsewhere (an hw export, Daylio, jrnl).

The file is read and checked whole first (importing.py); then everything new is
written in one transaction, so a refused file or a crash leaves the journal as
it was. Records already in the journal (matched by uid) are left alone, which
makes importing the same file twice harmless.
"""

import json as jsonlib
import os
import sys
from collections.abc import Callable
from typing import Any

from hwjournal import importing, messages, paths, templates
from hwjournal.context import Context, print_json
from hwjournal.errors import UsageError
from hwjournal.importing import Batch, ImportProblem
from hwjournal.journal import Entry, Journal, _entry_params

CHUNK = 2000  # rows per executemany: small enough for a smooth progress bar
PROGRESS_FROM = 5000  # entries; smaller imports are over before a bar could help

ENTRY_FIELDS = tuple(_entry_params(Entry(None, "", "", "", "", "")))
INSERT_SKIP = (
    "INSERT INTO skips (uid, assignment_id, date, barrier, reason, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)

Counts = dict[str, int]


def read_source(source: str) -> bytes:
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            return stream.read()
        return sys.stdin.read().encode("utf-8", "surrogatepass")
    if not os.path.exists(source):
        raise UsageError(f"No such file: {source}.", "Check the path and try again.")
    if os.path.isdir(source):
        raise UsageError(
            f"{source} is a folder.", "Give the file itself, e.g. hw import ~/daylio_export.csv"
        )
    try:
        with open(source, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise UsageError(
            messages.IMPORT_CANNOT_READ.format(source=source, problem=exc.strerror)
        ) from None


def mood_template(ctx: Context) -> templates.Template:
    """Daylio rows become entries of the built-in mood check-in, steps and all."""
    path = os.path.join(paths.builtin_templates_dir(), f"{importing.DAYLIO_TEMPLATE}.toml")
    return templates.load_file(path)


def write_batch(
    journal: Journal,
    batch: Batch,
    on_progress: Callable[[int, int], None] | None = None,
    titles: dict[str, str] | None = None,
) -> tuple[Counts, Counts]:
    """Write what is new in one transaction. Returns (added, already present) counts."""
    added = {"entries": 0, "assignments": 0, "skips": 0}
    already = {"entries": 0, "assignments": 0, "skips": 0}
    with journal.transaction() as db:
        assignment_ids: dict[str, int] = dict(db.execute("SELECT uid, id FROM assignments"))
        columns = {row[1] for row in db.execute("PRAGMA table_info(assignments)")}
        for record in batch.assignments:
            if record.uid in assignment_ids:
                already["assignments"] += 1
                continue
            values = {
                "uid": record.uid,
                "template": record.template,
                "schedule": record.schedule,
                "days": jsonlib.dumps(record.days),
                "start": record.start,
                "until": record.until,
                "ended": record.ended,
                "note": record.note,
                "created_at": record.created_at,
            }
            if "title" in columns:  # the template's title, for hw due (schema 3 on)
                values["title"] = (titles or {}).get(record.template, record.template)
            cursor = db.execute(
                f"INSERT INTO assignments ({', '.join(values)}) "
                f"VALUES ({', '.join('?' for _ in values)})",
                tuple(values.values()),
            )
            assignment_ids[record.uid] = cursor.lastrowid
            added["assignments"] += 1

        skip_uids = {uid for (uid,) in db.execute("SELECT uid FROM skips")}
        skip_rows = []
        for number, skip in enumerate(batch.skips, 1):
            if skip.uid in skip_uids:
                already["skips"] += 1
                continue
            assignment_id = assignment_ids.get(skip.assignment_uid)
            if assignment_id is None:
                raise ImportProblem(
                    f"skip {number}",
                    "its assignment is neither in the file nor in your journal",
                )
            skip_uids.add(skip.uid)
            skip_rows.append(
                (skip.uid, assignment_id, skip.date, skip.barrier, skip.reason, skip.created_at)
            )
        db.executemany(INSERT_SKIP, skip_rows)
        added["skips"] = len(skip_rows)

        entry_uids = {uid for (uid,) in db.execute("SELECT uid FROM entries")}
        rows = []
        encoded: dict[int, str] = {}
        for entry, link in zip(batch.entries, batch.links, strict=True):
            if entry.uid in entry_uids:
                already["entries"] += 1
                continue
            entry_uids.add(entry.uid)
            entry.assignment_id = assignment_ids.get(link) if link else None
            rows.append(_entry_row(entry, encoded))
        _insert_entries(journal, rows, on_progress)
        added["entries"] = len(rows)
    return added, already


def _entry_row(entry: Entry, encoded: dict[int, str]) -> tuple[Any, ...]:
    """The entry as Journal.add would store it; a steps snapshot shared by many
    entries is encoded once."""
    steps = entry.steps
    entry.steps = []
    try:
        params = _entry_params(entry)
    finally:
        entry.steps = steps
    key = id(steps)
    if key not in encoded:
        encoded[key] = jsonlib.dumps(steps, ensure_ascii=False, separators=(",", ":"))
    params["steps"] = encoded[key]
    return tuple(params.values())


def _insert_entries(
    journal: Journal,
    rows: list[tuple[Any, ...]],
    on_progress: Callable[[int, int], None] | None,
) -> None:
    """Plain inserts, with the search index filled in one pass at the end (the
    journal's search_index_deferred): the per-row trigger would make a big import
    several times slower."""
    columns = ", ".join(ENTRY_FIELDS)
    marks = ", ".join("?" for _ in ENTRY_FIELDS)
    insert = f"INSERT INTO entries ({columns}) VALUES ({marks})"
    with journal.search_index_deferred():
        for start in range(0, len(rows), CHUNK):
            journal.db.executemany(insert, rows[start : start + CHUNK])
            if on_progress:
                on_progress(min(start + CHUNK, len(rows)), len(rows))


def assignment_titles(ctx: Context, batch: Batch) -> dict[str, str]:
    """Titles for the templates of imported assignments: from the file's own entries,
    else from the template, else the template id."""
    wanted = {a.template for a in batch.assignments}
    titles = {e.template: e.title for e in batch.entries if e.template in wanted and e.title}
    for template_id in wanted - set(titles):
        try:
            titles[template_id] = templates.find(template_id, ctx.config.template_dirs).title
        except UsageError:
            titles[template_id] = template_id
    return titles


def _progress_bar(total: int) -> Any:
    """A bar on stderr for a big import, only when a person is watching."""
    try:
        if total < PROGRESS_FROM or not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from hwjournal import display

    return Progress(
        TextColumn("[hw.label]Importing[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        console=display.console(stderr=True),
        transient=True,
    )


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word if count == 1 else word + 's'}"


def _describe(counts: Counts) -> str:
    parts = [_plural(counts["entries"], "entry").replace("entrys", "entries")]
    for key, word in (("assignments", "assignment"), ("skips", "skip")):
        if counts[key]:
            parts.append(_plural(counts[key], word))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def run_import(
    ctx: Context,
    file: str,
    format: str | None = None,
    mood_map: str | None = None,
    json: bool = False,
) -> int:
    if format is not None and format not in importing.FORMATS:
        raise UsageError(
            messages.IMPORT_FORMAT_UNKNOWN.format(format=format), messages.IMPORT_FORMAT_HINT
        )
    mapping = importing.parse_mood_map(mood_map)
    source = "stdin" if file == "-" else file
    text = importing.decode(read_source(file), source)
    batch = importing.load(
        text, source, format, mapping, mood_template(ctx) if format in (None, "daylio") else None
    )
    titles = assignment_titles(ctx, batch)
    journal = ctx.open_journal(write=True)
    bar = _progress_bar(len(batch.entries))
    if bar is None:
        added, already = write_batch(journal, batch, titles=titles)
    else:
        with bar:
            task = bar.add_task("import", total=len(batch.entries))
            added, already = write_batch(
                journal,
                batch,
                lambda done, total: bar.update(task, completed=done, total=total),
                titles,
            )
    journal.close()

    if json:
        print_json(
            {
                "format": batch.format,
                "source": source,
                "added": added,
                "already_present": already,
            }
        )
        return 0
    lines = []
    nothing_new = not any(added.values())
    if nothing_new and not any(already.values()):
        lines.append(messages.IMPORT_EMPTY.format(source=source))
    elif nothing_new:
        lines.append(messages.IMPORT_NOTHING.format(source=source))
    else:
        lines.append(messages.IMPORT_DONE.format(added=_describe(added), source=source))
        if any(already.values()):
            lines.append(messages.IMPORT_ALREADY.format(already=_describe(already)))
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    return 0


def register(app: Any) -> None:
    from typing import Annotated

    import typer

    @app.command("import")
    def import_(
        file: Annotated[
            str,
            typer.Argument(metavar="FILE", help="The file to bring in, or - to read stdin."),
        ],
        format: Annotated[
            str | None,
            typer.Option(
                "--format",
                "-f",
                help="hw-json, daylio or jrnl-json (default: told from the file).",
            ),
        ] = None,
        mood_map: Annotated[
            str | None,
            typer.Option(
                "--mood-map",
                help='Daylio: your own mood names as 1-5, like "great day=5,so-so=3".',
            ),
        ] = None,
        json: Annotated[
            bool, typer.Option("--json", help="Print JSON for scripts instead of a screen.")
        ] = False,
    ) -> None:
        """Bring in entries from an hw export, Daylio (CSV) or jrnl (JSON).

        Nothing is added twice, so importing a file again is safe. A file with any
        record hw cannot take is refused whole, naming it. Daylio rows become
        mood-checkin entries; jrnl entries become journal entries whose one text is
        the title and body, tags kept without their @, starred ones tagged starred.
        """
        from hwjournal.cli import state

        raise typer.Exit(run_import(state, file, format, mood_map, json))
