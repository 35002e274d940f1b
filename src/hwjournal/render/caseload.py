"""`hw caseload` on screen: a title with the counts, then one row a client (who and
the days their file covers, the last entry, last week's homework, each measure's
latest score with its status, the alerts grouped by exercise and step), and a
footnote. In words for a screen reader: one labelled line a client (look.Listing)."""

from __future__ import annotations

import datetime as dt

from hwjournal import display, measures, messages, numerals
from hwjournal.caseload import AlertRow, Client, MeasureRow
from hwjournal.measures import band_said
from hwjournal.render.words import day_month, short_date, span_text, step_heading

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# status words drawn in the colour of what they mean
_WORSE = {measures.RELIABLE_DETERIORATION}
_BETTER = {measures.RELIABLE_IMPROVEMENT, measures.RECOVERY, measures.RELIABLE_RECOVERY}


def caseload_view(clients: list[Client], today: dt.date) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from hwjournal.render.look import Listing

    table = Table(
        box=box.SIMPLE_HEAD,
        show_lines=True,
        pad_edge=False,
        show_edge=False,
        header_style="hw.label",
        expand=True,
    )
    # the shares that keep, at 80 columns, "last entry 29 Nov", "reliable deterioration"
    # and an alert's line ("urge self harm, 15 Nov") each on one line (Rich shares out
    # the width by ratio alone, whatever min_width says)
    table.add_column(messages.CASELOAD_CLIENT, ratio=18, min_width=12, overflow="fold")
    table.add_column(messages.CASELOAD_HOMEWORK_HEADING, no_wrap=True)
    table.add_column(messages.CASELOAD_MEASURES, ratio=23, min_width=14)
    table.add_column(messages.CASELOAD_ALERTS, ratio=23, min_width=14)
    for client in clients:
        table.add_row(
            _who(client, today), _homework(client), _measures(client), _alerts(client, today)
        )
    labels = ("{}", messages.CASELOAD_ROW_HOMEWORK, "{}", "{}")
    title = Text(messages.CASELOAD_TITLE, style="hw.title")
    title.append(f"  {_counts(clients)}", style="hw.label")
    note = Text(messages.CASELOAD_FOOTNOTE, style="hw.help")
    return Group(title, Text(""), Listing(table, labels), Text(""), note)


def _counts(clients: list[Client]) -> str:
    """12 clients, 2 with an alert, 1 with a reliable deterioration."""
    parts = [messages.CLIENTS.of(len(clients))]
    alerted = sum(1 for c in clients if c.alerts)
    worse = sum(1 for c in clients if c.deteriorated)
    if alerted:
        parts.append(messages.CASELOAD_WITH_ALERT.format(count=numerals.number(alerted)))
    if worse:
        parts.append(messages.CASELOAD_WORSE.format(count=numerals.number(worse)))
    return ", ".join(parts)


def _when(text: str, today: dt.date) -> str:
    """28 Nov, or 28 Nov 2025 in another year than today's."""
    day = dt.date.fromisoformat(text)
    if day.year == today.year:
        return day_month(text)
    return short_date(day)


def _who(client: Client, today: dt.date) -> Any:
    """The name, the days the file covers, and when the last entry was."""
    from hwjournal.render.look import Either

    file = client.file
    name = display.text(client.name, "bold")
    words = display.clean(client.name)
    if file.start and file.end:
        name.append("\n" + _span(file.start, file.end), style="hw.label")
        words += ", " + span_text(file.start, file.end)
    if client.last_entry is None:
        last = messages.CASELOAD_NO_ENTRIES
    else:
        last = messages.CASELOAD_LAST_ENTRY.format(date=_when(client.last_entry, today))
    name.append("\n" + last)
    return Either(name, f"{words}, {last}")


def _span(start: dt.date, end: dt.date) -> str:
    """The days a file covers, short: 1 Sep – 29 Nov 2026, 30 Nov 2025 – 29 Nov 2026."""
    first = day_month(start.isoformat())
    last = short_date(end)
    if start == end:
        return last
    if start.year != end.year:  # too long for one line of the column: break at the dash
        return f"{first} {start.year} –\n{last}"
    return f"{first} – {last}"


def _homework(client: Client) -> Any:
    from rich.text import Text

    from hwjournal.render.look import Either

    if not client.due:
        return Text(messages.CASELOAD_NO_HOMEWORK, style="hw.label")
    figures = messages.CASELOAD_HOMEWORK.format(
        done=numerals.number(client.done), due=numerals.number(client.due)
    )
    words = messages.CASELOAD_HOMEWORK_WORDS.of(client.done, due=numerals.number(client.due))
    return Either(Text(figures), words)


def short_title(row: MeasureRow) -> str:
    """PHQ-9 for "PHQ-9 mood questionnaire"; a title that does not start with the id
    stays whole."""
    first = row.title.split(" ", 1)[0]
    return first if first.lower() == row.template.lower() else (row.title or row.template)


def _measures(client: Client) -> Any:
    from rich.text import Text

    from hwjournal.render.look import Either

    if not client.measures:
        return Text(messages.CASELOAD_NO_SCORES, style="hw.label")
    text = Text()
    words = []
    for index, row in enumerate(client.measures):
        if index:
            text.append("\n")
        band = f" {band_said(row.band)}" if row.band else ""
        score = messages.CASELOAD_SCORE.format(
            title=display.clean(short_title(row)), total=numerals.number(row.total), band=band
        )
        text.append(score)
        for number, word in enumerate(row.status):
            style = "hw.warn" if word in _WORSE else "hw.ok" if word in _BETTER else "hw.label"
            text.append("\n" if number == 0 else ", ")
            text.append(measures.said([word])[0], style=style)
        words.append(", ".join([score, *measures.said(row.status)]))
    return Either(text, "; ".join(words))


def _alerts(client: Client, today: dt.date) -> Any:
    """2 alerts, then each exercise and under it each step that alerted: how many
    times, and when last ("self harm ×3, last 3 Aug")."""
    from rich.text import Text

    from hwjournal.render.look import Either

    if not client.alerts:
        return Either(
            Text(messages.CASELOAD_NO_ALERTS, style="hw.label"), messages.CASELOAD_NO_ALERTS_WORDS
        )
    count = len(client.alerts)
    counted = messages.ALERTS.of(count)
    picture = Text(counted, style="hw.alert")
    words = []
    for title, steps in _grouped(client.alerts):
        picture.append(f"\n{display.clean(title)}:", style="hw.label")
        said = []
        for step, times, last in steps:
            when = _when(last, today)
            line = messages.CASELOAD_ALERT_LINE.format(
                what=step, times=f" ×{numerals.number(times)}" if times > 1 else "", date=when
            )
            picture.append("\n" + line)
            if times > 1:
                said.append(messages.CASELOAD_ALERT_WORDS_MANY.of(times, what=step, date=when))
            else:
                said.append(messages.CASELOAD_ALERT_WORDS.format(what=step, date=when))
        words.append(f"{display.clean(title)}, {', '.join(said)}")
    return Either(picture, f"{counted}: " + "; ".join(words))


def _grouped(alerts: list[AlertRow]) -> list[tuple[str, list[tuple[str, int, str]]]]:
    """Each exercise that alerted, with each of its steps that did: (step in words,
    how many times, the last date); the most recent first, in both."""
    found: dict[str, dict[str, list[Any]]] = {}
    titles: dict[str, str] = {}
    for alert in alerts:
        titles[alert.template] = short_title(MeasureRow(alert.template, alert.title))
        steps = found.setdefault(alert.template, {})
        step = steps.setdefault(alert.step, [step_heading({"id": alert.step}).lower(), 0, ""])
        step[1] += 1
        step[2] = max(step[2], alert.date)
    grouped = []
    for template, steps in found.items():
        rows = sorted((tuple(v) for v in steps.values()), key=lambda r: r[2], reverse=True)
        grouped.append((titles[template], rows))
    return sorted(grouped, key=lambda g: g[1][0][2], reverse=True)
