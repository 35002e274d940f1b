"""hw import FILE: bring in what was written elsewhere (an hw export, Daylio, jrnl).

Everything new is written in one transaction, so a refused file or a crash
leaves the journal as it was. An hw export streams: its entries are read,
checked and written a thousand at a time inside that transaction, and the first
bad one rolls everything back (so a 100,000-entry file never sits in memory).
Daylio and jrnl files are read and checked whole first (importing/), then
written. Records already in the journal (matched by uid) are left alone, which
makes importing the same file twice harmless.
"""

import io
import itertools
import json as jsonlib
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import IO, Any

from hwjournal import importing, messages, paths, templates
from hwjournal.context import Context, print_json
from hwjournal.errors import UsageError
from hwjournal.importing import AssignmentRecord, Batch, ImportProblem, SkipRecord
from hwjournal.importing.hwjson import HwJsonStream
from hwjournal.importing.jsonstream import JsonStream
from hwjournal.journal import Entry, Journal, _entry_params

CHUNK = 1000  # entries checked and written at a time; also the executemany size
PROGRESS_FROM = 5000  # entries; smaller imports are over before a bar could help
SNAPSHOTS_ENCODED = 64  # steps snapshots whose JSON text is kept for reuse

ENTRY_FIELDS = tuple(_entry_params(Entry(None, "", "", "", "", "")))
INSERT_ENTRY = (
    f"INSERT INTO entries ({', '.join(ENTRY_FIELDS)}) "
    f"VALUES ({', '.join('?' for _ in ENTRY_FIELDS)})"
)
INSERT_SKIP = (
    "INSERT INTO skips (uid, assignment_id, date, barrier, reason, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
# Entries of a streamed file that counted toward an assignment: the assignments come
# after the entries in an export, so the link is made at the end, in one UPDATE.
LINKS_TABLE = (
    "CREATE TEMP TABLE IF NOT EXISTS import_links "
    "(entry_uid TEXT PRIMARY KEY, link_uid TEXT, file_id INTEGER)"
)
LINK_ENTRIES = """
    UPDATE entries SET assignment_id = (
        SELECT a.id FROM temp.import_links l JOIN assignments a ON a.uid = l.link_uid
        WHERE l.entry_uid = entries.uid)
    WHERE uid IN (SELECT entry_uid FROM temp.import_links)
"""

Counts = dict[str, int]
Encoded = dict[int, tuple[Any, str]]


def _counts() -> Counts:
    return {"entries": 0, "assignments": 0, "skips": 0}


def open_source(source: str) -> IO[bytes]:
    """The file (or stdin, for -) to read as bytes, a piece at a time."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            return stream
        return io.BytesIO(sys.stdin.read().encode("utf-8", "surrogatepass"))
    if not os.path.exists(source):
        raise UsageError(f"No such file: {source}.", "Check the path and try again.")
    if os.path.isdir(source):
        raise UsageError(
            f"{source} is a folder.", "Give the file itself, e.g. hw import ~/daylio_export.csv"
        )
    try:
        return open(source, "rb")
    except OSError as exc:
        raise UsageError(
            messages.IMPORT_CANNOT_READ.format(source=source, problem=exc.strerror)
        ) from None


def _source_size(raw: IO[bytes]) -> int | None:
    try:
        return os.fstat(raw.fileno()).st_size or None
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def mood_template(ctx: Context) -> templates.Template:
    """Daylio rows become entries of the built-in mood check-in, steps and all."""
    path = os.path.join(paths.builtin_templates_dir(), f"{importing.DAYLIO_TEMPLATE}.toml")
    return templates.load_file(path)


def _write_assignments(
    db: sqlite3.Connection,
    assignments: list[AssignmentRecord],
    titles: dict[str, str],
    added: Counts,
    already: Counts,
) -> dict[str, int]:
    """Insert the new assignments; returns every assignment's id by uid."""
    assignment_ids: dict[str, int] = dict(db.execute("SELECT uid, id FROM assignments"))
    columns = {row[1] for row in db.execute("PRAGMA table_info(assignments)")}
    for record in assignments:
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
            values["title"] = titles.get(record.template, record.template)
        cursor = db.execute(
            f"INSERT INTO assignments ({', '.join(values)}) "
            f"VALUES ({', '.join('?' for _ in values)})",
            tuple(values.values()),
        )
        assignment_ids[record.uid] = cursor.lastrowid
        added["assignments"] += 1
    return assignment_ids


def _write_skips(
    db: sqlite3.Connection,
    skips: list[SkipRecord],
    assignment_ids: dict[str, int],
    added: Counts,
    already: Counts,
) -> None:
    skip_uids = {uid for (uid,) in db.execute("SELECT uid FROM skips")}
    skip_rows = []
    for number, skip in enumerate(skips, 1):
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


def write_batch(
    journal: Journal,
    batch: Batch,
    on_progress: Callable[[int, int], None] | None = None,
    titles: dict[str, str] | None = None,
) -> tuple[Counts, Counts]:
    """Write what is new in one transaction. Returns (added, already present) counts."""
    added, already = _counts(), _counts()
    with journal.transaction() as db:
        assignment_ids = _write_assignments(db, batch.assignments, titles or {}, added, already)
        _write_skips(db, batch.skips, assignment_ids, added, already)
        entry_uids = {uid for (uid,) in db.execute("SELECT uid FROM entries")}
        rows = []
        encoded: Encoded = {}
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


class _Bar:
    """The progress of a streamed import: shown on stderr once PROGRESS_FROM entries
    are in, only when a person is watching; it follows the bytes read."""

    def __init__(self, total_bytes: int | None) -> None:
        self.total = total_bytes
        self.progress: Any = None
        self.task: Any = None
        self.wanted = _stderr_is_terminal()

    def update(self, entries: int, bytes_read: int) -> None:
        if not self.wanted or entries < PROGRESS_FROM:
            return
        if self.progress is None:
            from rich.progress import BarColumn, Progress, TextColumn

            from hwjournal import display

            self.progress = Progress(
                TextColumn("[hw.label]Importing[/]"),
                BarColumn(),
                TextColumn("{task.fields[entries]:,} entries"),
                console=display.console(stderr=True),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("import", total=self.total, entries=entries)
        self.progress.update(self.task, completed=bytes_read, entries=entries)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def write_stream(
    ctx: Context, reader: HwJsonStream, bar: _Bar | None = None
) -> tuple[Counts, Counts]:
    """Stream an hw export into the journal in one transaction: entries are checked and
    written CHUNK at a time (uids already present left alone), then the file's
    assignments and skips, then the links between them. A bad record anywhere raises
    and the transaction rolls back whole. The first chunk is checked before the
    journal is even opened, so a small bad file never creates one."""
    added, already = _counts(), _counts()
    titles: dict[str, str] = {}
    encoded: Encoded = {}
    entries = reader.entries()
    chunk = list(itertools.islice(entries, CHUNK))
    journal = ctx.open_journal(write=True)
    try:
        with journal.transaction() as db:
            db.execute(LINKS_TABLE)
            db.execute("DELETE FROM temp.import_links")
            with journal.search_index_deferred():
                while chunk:
                    _write_chunk(db, chunk, titles, encoded, added, already)
                    if bar is not None:
                        bar.update(reader.count, reader.stream.bytes_read)
                    chunk = list(itertools.islice(entries, CHUNK))
            assignments, skips, file_ids = reader.finish()
            for template_id in {a.template for a in assignments} - set(titles):
                titles[template_id] = _template_title(ctx, template_id)
            assignment_ids = _write_assignments(db, assignments, titles, added, already)
            _write_skips(db, skips, assignment_ids, added, already)
            db.executemany(
                "UPDATE temp.import_links SET link_uid = ? WHERE link_uid IS NULL AND file_id = ?",
                [(uid, file_id) for file_id, uid in file_ids.items()],
            )
            db.execute(LINK_ENTRIES)
            db.execute("DROP TABLE temp.import_links")
    finally:
        journal.close()
    return added, already


def _write_chunk(
    db: sqlite3.Connection,
    chunk: list[tuple[Entry, str | None, int | None]],
    titles: dict[str, str],
    encoded: Encoded,
    added: Counts,
    already: Counts,
) -> None:
    uids = [entry.uid for entry, _, _ in chunk]
    present = {
        uid
        for (uid,) in db.execute(
            f"SELECT uid FROM entries WHERE uid IN ({', '.join('?' for _ in uids)})", uids
        )
    }
    rows = []
    links = []
    for entry, link, file_id in chunk:
        if entry.title:
            titles[entry.template] = entry.title
        if entry.uid in present:
            already["entries"] += 1
            continue
        present.add(entry.uid)  # the same uid twice in one file goes in once
        entry.assignment_id = None
        rows.append(_entry_row(entry, encoded))
        if link or file_id is not None:
            links.append((entry.uid, link, file_id))
    db.executemany(INSERT_ENTRY, rows)
    db.executemany("INSERT INTO temp.import_links VALUES (?, ?, ?)", links)
    added["entries"] += len(rows)


def _entry_row(entry: Entry, encoded: Encoded) -> tuple[Any, ...]:
    """The entry as Journal.add would store it; a steps snapshot shared by many
    entries is encoded once (the cache holds the snapshot itself, so its id is
    never reused by another list while it is cached)."""
    steps = entry.steps
    entry.steps = []
    try:
        params = _entry_params(entry)
    finally:
        entry.steps = steps
    hit = encoded.get(id(steps))
    if hit is not None and hit[0] is steps:
        params["steps"] = hit[1]
    else:
        params["steps"] = jsonlib.dumps(steps, ensure_ascii=False, separators=(",", ":"))
        if len(encoded) < SNAPSHOTS_ENCODED:
            encoded[id(steps)] = (steps, params["steps"])
    return tuple(params.values())


def _insert_entries(
    journal: Journal,
    rows: list[tuple[Any, ...]],
    on_progress: Callable[[int, int], None] | None,
) -> None:
    """Plain inserts, with the search index filled in one pass at the end (the
    journal's search_index_deferred): the per-row trigger would make a big import
    several times slower."""
    with journal.search_index_deferred():
        for start in range(0, len(rows), CHUNK):
            journal.db.executemany(INSERT_ENTRY, rows[start : start + CHUNK])
            if on_progress:
                on_progress(min(start + CHUNK, len(rows)), len(rows))


def _template_title(ctx: Context, template_id: str) -> str:
    try:
        return templates.find(template_id, ctx.config.template_dirs).title
    except UsageError:
        return template_id


def assignment_titles(ctx: Context, batch: Batch) -> dict[str, str]:
    """Titles for the templates of imported assignments: from the file's own entries,
    else from the template, else the template id."""
    wanted = {a.template for a in batch.assignments}
    titles = {e.template: e.title for e in batch.entries if e.template in wanted and e.title}
    for template_id in wanted - set(titles):
        titles[template_id] = _template_title(ctx, template_id)
    return titles


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar(total: int) -> Any:
    """A bar on stderr for a big import, only when a person is watching."""
    if total < PROGRESS_FROM or not _stderr_is_terminal():
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


def _import_whole(
    ctx: Context,
    text: str,
    source: str,
    format: str | None,
    mapping: dict[str, int],
) -> tuple[str, Counts, Counts]:
    """Daylio, jrnl and unusual JSON: read and check the whole file, then write it."""
    batch = importing.load(
        text, source, format, mapping, mood_template(ctx) if format in (None, "daylio") else None
    )
    titles = assignment_titles(ctx, batch)
    journal = ctx.open_journal(write=True)
    try:
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
    finally:
        journal.close()
    return batch.format, added, already


def run_import(
    ctx: Context,
    *,
    file: str,
    format: str | None,
    mood_map: str | None,
    json: bool,
) -> int:
    if format is not None and format not in importing.FORMATS:
        raise UsageError(
            messages.IMPORT_FORMAT_UNKNOWN.format(format=format), messages.IMPORT_FORMAT_HINT
        )
    mapping = importing.parse_mood_map(mood_map)
    source = "stdin" if file == "-" else file
    raw = open_source(file)
    try:
        stream = JsonStream(raw, source)
        reader = None
        if format in (None, "hw-json") and stream.peek() == "{":
            reader = HwJsonStream(stream, source)
            if not reader.read_header():
                reader = None  # not an export laid out for streaming: read it whole
        if reader is None:
            kind, added, already = _import_whole(ctx, stream.text_so_far(), source, format, mapping)
        else:
            kind = "hw-json"
            bar = _Bar(_source_size(raw))
            try:
                added, already = write_stream(ctx, reader, bar)
            finally:
                bar.stop()
    finally:
        if raw is not getattr(sys.stdin, "buffer", None):
            raw.close()

    if json:
        print_json(
            {
                "format": kind,
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
