"""Numbers and counts the way the run's language writes them.

`number(1234.5)` is "1,234.5" in English and "1234,5" in Spanish; `percent(45)` is
"45%" and "45 %"; `Plural("{count} entry", "{count} entries").of(1)` is "1 entry" and
"1 entrada". The marks and the plural rule come from the language's catalog like every
other word: i18n.install hands them here (`speak`) once a run, from messages.NUMBER_FORMAT,
messages.PERCENT and the catalog's own Plural-Forms header, so a new language is still
only its files. A leaf: it imports nothing of hw's (messages.py holds Plural sentences).

Only what a person reads goes through here: JSON, CSV, ids, ISO dates and anything a
script parses keep Python's own digits.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

# English, until i18n.install says otherwise
_decimal, _group, _min_grouping, _percent = ".", ",", 1, "{number}%"
_ngettext: Callable[[str, str, int], str] | None = None


def signs(text: str) -> tuple[str, str, int]:
    """The decimal mark, the group separator and the fewest digits before a first
    group (CLDR's minimumGroupingDigits) of a NUMBER_FORMAT sentence, written
    `decimal=,; group=.; minimum_grouping=2`; English's where it does not read."""
    found: dict[str, str] = {}
    for part in text.split(";"):
        key, eq, value = part.partition("=")
        if eq:  # the value as written: a group separator may be a (no-break) space
            found[key.strip()] = value.rstrip(" ") if key.strip() != "group" else value
    decimal, group = found.get("decimal", ""), found.get("group", "")
    least = found.get("minimum_grouping", "")
    if len(decimal) != 1 or len(group) != 1 or decimal == group or not least.isdigit():
        return ".", ",", 1
    return decimal, group, max(1, int(least))


def speak(
    number_format: str, percent_format: str, ngettext: Callable[[str, str, int], str] | None
) -> None:
    """Write numbers, percentages and counts as a language does from now on (English:
    ". , 1", "{number}%" and no catalog)."""
    global _decimal, _group, _min_grouping, _percent, _ngettext
    _decimal, _group, _min_grouping = signs(number_format)
    _percent = percent_format if "{number}" in percent_format else "{number}%"
    _ngettext = ngettext


def number(value: float, places: int | None = None) -> str:
    """`value` for a person to read: digits grouped by thousands (from five digits
    where the language asks for two before a first group), the language's decimal
    mark, `places` decimals (None: as many as it has, up to six, no trailing zeros)."""
    if places is not None:
        text = f"{value:.{places}f}"
    elif float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    sign = "-" if text.startswith("-") else ""
    whole, point, fraction = text.lstrip("-").partition(".")
    if len(whole) >= 3 + _min_grouping:
        head = len(whole) % 3 or 3
        whole = _group.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return sign + whole + (_decimal + fraction if point else "")


def typed(text: str) -> str:
    """A number as a person typed it, for float(): the language's decimal mark read as
    a point ("2,5" in Spanish is 2.5). A point is always a point, and nothing is read
    as a group separator, so a script's "2.5" means the same in every language."""
    if _decimal != "." and _decimal in text and "." not in text and text.count(_decimal) == 1:
        return text.replace(_decimal, ".")
    return text


def percent(value: float, places: int | None = 0) -> str:
    """A percentage (45 for 45%) as the language writes it: "45%", "45 %"."""
    return _percent.format(number=number(value, places))


class Plural:
    """A sentence with a count in it, by its English forms for one and for many (each
    a gettext msgid, with msgid_plural): `of(n)` is the form the run's language uses
    for n (its catalog's Plural-Forms decide, so a language with three forms needs
    only its catalog), with {count} filled in as the language writes numbers."""

    __slots__ = ("many", "one")

    def __init__(self, one: str, many: str) -> None:
        self.one, self.many = one, many

    def form(self, n: float) -> str:
        """The sentence for n, its placeholders still open. gettext's plural rules
        count whole numbers: a fraction (2.5 minutes) takes the form of 2."""
        whole = int(n) if float(n).is_integer() else 2
        if _ngettext is None:
            return self.one if whole == 1 else self.many
        return _ngettext(self.one, self.many, whole)

    def of(self, n: float, **fields: object) -> str:
        """The sentence for n, {count} (n) and any other fields filled in."""
        return self.form(n).format(count=number(n), **fields)

    def __repr__(self) -> str:
        return f"Plural({self.one!r}, {self.many!r})"
