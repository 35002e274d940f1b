"""hw import FILE: bring in what was written elsewhere (an hw export, Daylio, jrnl).

Reading and checking is importing/, writing is importing.writer through the
journal's bulk writer; here the file is opened, progress shown and the counts
said.
"""

import io
import os
import sys
from typing import IO, Any

from hwjournal import importing, messages, paths, templates
from hwjournal.context import Context, print_json
from hwjournal.errors import UsageError
from hwjournal.i18n import gettext
from hwjournal.importing import writer
from hwjournal.importing.hwjson import HwJsonStream
from hwjournal.importing.jsonstream import JsonStream
from hwjournal.importing.source import open_source
from hwjournal.importing.writer import Counts

PROGRESS_FROM = 5000  # entries; smaller imports are over before a bar could help


def _source_size(raw: IO[bytes]) -> int | None:
    try:
        return os.fstat(raw.fileno()).st_size or None
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None


def mood_template(ctx: Context) -> templates.Template:
    """Daylio rows become entries of the built-in mood check-in, steps and all."""
    path = os.path.join(paths.builtin_templates_dir(), f"{importing.DAYLIO_TEMPLATE}.toml")
    return templates.load_file(path)


class _Bar:
    """The progress of a streamed import: shown on stderr once PROGRESS_FROM entries
    are in, only when a person is watching; it follows the bytes read."""

    def __init__(self, total_bytes: int | None, plain: bool) -> None:
        self.total = total_bytes
        self.progress: Any = None
        self.task: Any = None
        self.wanted = _stderr_is_terminal() and not plain  # a bar is no use to a screen reader

    def update(self, entries: int, bytes_read: int) -> None:
        if not self.wanted or entries < PROGRESS_FROM:
            return
        if self.progress is None:
            from rich.progress import BarColumn, Progress, TextColumn

            from hwjournal import display

            self.progress = Progress(
                TextColumn(f"[hw.label]{messages.IMPORT_PROGRESS}[/]"),
                BarColumn(),
                TextColumn("{task.fields[said]}"),
                console=display.console(stderr=True),
                transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task(
                "import", total=self.total, said=messages.ENTRIES.of(entries)
            )
        self.progress.update(self.task, completed=bytes_read, said=messages.ENTRIES.of(entries))

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _progress_bar(total: int, plain: bool) -> Any:
    """A bar on stderr for a big import, only when a person is watching (and can see it)."""
    if total < PROGRESS_FROM or plain or not _stderr_is_terminal():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from hwjournal import display

    return Progress(
        TextColumn(f"[hw.label]{messages.IMPORT_PROGRESS}[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        console=display.console(stderr=True),
        transient=True,
    )


def _describe(counts: Counts) -> str:
    parts = [messages.ENTRIES.of(counts["entries"])]
    for key, said in (("assignments", messages.ASSIGNMENTS), ("skips", messages.SKIPS)):
        if counts[key]:
            parts.append(said.of(counts[key]))
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + gettext(" and ") + parts[-1]


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
    titles = writer.assignment_titles(batch, ctx.config.template_dirs)
    journal = ctx.open_journal(write=True)
    try:
        bar = _progress_bar(len(batch.entries), ctx.plain)
        if bar is None:
            added, already = writer.write_batch(journal, batch, titles=titles)
        else:
            with bar:
                task = bar.add_task("import", total=len(batch.entries))
                added, already = writer.write_batch(
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
    raw = open_source(file, format)
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
            bar = _Bar(_source_size(raw), ctx.plain)
            try:
                added, already = writer.write_stream(
                    reader,
                    lambda: ctx.open_journal(write=True),
                    ctx.config.template_dirs,
                    bar.update,
                )
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
