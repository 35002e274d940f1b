"""Writing checked records into the journal, through its bulk writer.

Everything new is written in one transaction, so a refused file or a crash
leaves the journal as it was. An hw export streams: its entries are read,
checked and written CHUNK at a time inside that transaction, and the first bad
one rolls everything back (so a 100,000-entry file never sits in memory).
Daylio and jrnl files are read and checked whole first, then written. Records
already in the journal (matched by uid) are left alone, which makes importing
the same file twice harmless.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from hwjournal import messages, templates
from hwjournal.errors import UsageError
from hwjournal.importing.checking import AssignmentRecord, Batch, ImportProblem, SkipRecord
from hwjournal.importing.hwjson import HwJsonStream
from hwjournal.journal import Entry, Journal
from hwjournal.journal.bulk import BulkWriter

CHUNK = 1000  # entries checked and written at a time

# What was added, and what was already there: entries, assignments, skips.
Counts = dict[str, int]


def counts() -> Counts:
    return {"entries": 0, "assignments": 0, "skips": 0}


def template_title(template_id: str, template_dirs: list[str]) -> str:
    """The template's title, or its id when hw does not have it."""
    try:
        return templates.find(template_id, template_dirs).title
    except UsageError:
        return template_id


def assignment_titles(batch: Batch, template_dirs: list[str]) -> dict[str, str]:
    """Titles for the templates of imported assignments: from the file's own entries,
    else from the template, else the template id."""
    wanted = {a.template for a in batch.assignments}
    titles = {e.template: e.title for e in batch.entries if e.template in wanted and e.title}
    for template_id in wanted - set(titles):
        titles[template_id] = template_title(template_id, template_dirs)
    return titles


def write_batch(
    journal: Journal,
    batch: Batch,
    on_progress: Callable[[int, int], None] | None = None,
    titles: dict[str, str] | None = None,
) -> tuple[Counts, Counts]:
    """Write what is new of a whole file. Returns (added, already present) counts;
    on_progress(done, total) follows the entries."""
    added, already = counts(), counts()
    with journal.bulk_writer() as writer:
        assignment_ids = _write_assignments(writer, batch.assignments, titles or {}, added, already)
        _write_skips(writer, batch.skips, assignment_ids, added, already)
        present = writer.present([entry.uid for entry in batch.entries])
        new = []
        for entry, link in zip(batch.entries, batch.links, strict=True):
            if entry.uid in present:
                already["entries"] += 1
                continue
            present.add(entry.uid)  # the same uid twice in one file goes in once
            entry.assignment_id = assignment_ids.get(link) if link else None
            new.append(entry)
        for start in range(0, len(new), CHUNK):
            added["entries"] += writer.add_entries(new[start : start + CHUNK])
            if on_progress:
                on_progress(min(start + CHUNK, len(new)), len(new))
    return added, already


def write_stream(
    reader: HwJsonStream,
    open_journal: Callable[[], Journal],
    template_dirs: list[str],
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[Counts, Counts]:
    """Stream an hw export into the journal: entries are checked and written CHUNK at
    a time (uids already present left alone), then the file's assignments and skips,
    then the links between them. A bad record anywhere raises and the transaction
    rolls back whole. The first chunk is checked before the journal is even opened,
    so a small bad file never creates one. on_progress(entries read, bytes read)."""
    added, already = counts(), counts()
    titles: dict[str, str] = {}
    entries = reader.entries()
    chunk = list(itertools.islice(entries, CHUNK))
    journal = open_journal()
    try:
        with journal.bulk_writer() as writer:
            while chunk:
                _write_chunk(writer, chunk, titles, added, already)
                if on_progress is not None:
                    on_progress(reader.count, reader.stream.bytes_read)
                chunk = list(itertools.islice(entries, CHUNK))
            assignments, skips, file_ids = reader.finish()
            for template_id in {a.template for a in assignments} - set(titles):
                titles[template_id] = template_title(template_id, template_dirs)
            assignment_ids = _write_assignments(writer, assignments, titles, added, already)
            _write_skips(writer, skips, assignment_ids, added, already)
            writer.link_entries(file_ids)
    finally:
        journal.close()
    return added, already


def _write_chunk(
    writer: BulkWriter,
    chunk: list[tuple[Entry, str | None, int | None]],
    titles: dict[str, str],
    added: Counts,
    already: Counts,
) -> None:
    present = writer.present([entry.uid for entry, _, _ in chunk])
    new = []
    links = []
    for entry, link, file_id in chunk:
        if entry.title:
            titles[entry.template] = entry.title
        if entry.uid in present:
            already["entries"] += 1
            continue
        present.add(entry.uid)  # the same uid twice in one file goes in once
        entry.assignment_id = None
        new.append(entry)
        if link or file_id is not None:
            links.append((entry.uid, link, file_id))
    added["entries"] += writer.add_entries(new)
    writer.link_later(links)


def _write_assignments(
    writer: BulkWriter,
    assignments: list[AssignmentRecord],
    titles: dict[str, str],
    added: Counts,
    already: Counts,
) -> dict[str, int]:
    """Insert the new assignments; returns every assignment's id by uid."""
    assignment_ids = writer.assignment_ids()
    for record in assignments:
        if record.uid in assignment_ids:
            already["assignments"] += 1
            continue
        assignment_ids[record.uid] = writer.add_assignment(
            uid=record.uid,
            template=record.template,
            # the template's title, for hw due
            title=titles.get(record.template, record.template),
            schedule=record.schedule,
            days=record.days,
            start=record.start,
            until=record.until,
            ended=record.ended,
            note=record.note,
            created_at=record.created_at,
        )
        added["assignments"] += 1
    return assignment_ids


def _write_skips(
    writer: BulkWriter,
    skips: list[SkipRecord],
    assignment_ids: dict[str, int],
    added: Counts,
    already: Counts,
) -> None:
    skip_uids = writer.skip_uids()
    rows = []
    for number, skip in enumerate(skips, 1):
        if skip.uid in skip_uids:
            already["skips"] += 1
            continue
        assignment_id = assignment_ids.get(skip.assignment_uid)
        if assignment_id is None:
            raise ImportProblem(
                f"skip {number}",
                messages.IMPORT_SKIP_NO_ASSIGNMENT,
            )
        skip_uids.add(skip.uid)
        rows.append(
            (skip.uid, assignment_id, skip.date, skip.barrier, skip.reason, skip.created_at)
        )
    writer.add_skips(rows)
    added["skips"] = len(rows)
