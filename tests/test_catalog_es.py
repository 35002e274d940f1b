"""The Spanish catalog keeps in step with hw's English words: every msgid is a string
the source still says, every string messages.py and spec.py say has its Spanish, each
msgstr keeps its msgid's {placeholders} and edge spaces, and the file reads back through
the standard library's gettext. (scripts/po_skeleton.py writes the msgid side.)"""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "hwjournal"
PO = SRC / "locale" / "es" / "LC_MESSAGES" / "hwjournal.po"


def _skeleton():
    spec = importlib.util.spec_from_file_location(
        "po_skeleton", ROOT / "scripts" / "po_skeleton.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


skeleton = _skeleton()


def _entries() -> list[tuple[list[str], str, str]]:
    """(where comments, msgid, msgstr) for each entry but the header, read strictly:
    any line that is not a comment, a blank, a keyword or a quoted string fails. A
    plural entry goes to PLURALS instead: (where, msgid, msgid_plural, its msgstr[N])."""
    entries: list[tuple[list[str], str, str]] = []
    where: list[str] = []
    parts: dict[str, list[str]] = {}
    current = None

    def close() -> None:
        nonlocal where, parts
        if parts:
            said = {key: skeleton.unquote("\n".join(lines)) for key, lines in parts.items()}
            if "msgid_plural" in said:
                forms = [said[f"msgstr[{i}]"] for i in range(len(parts) - 2)]
                PLURALS.append((where, said["msgid"], said["msgid_plural"], forms))
            elif said["msgid"]:
                entries.append((where, said["msgid"], said["msgstr"]))
        where, parts = [], {}

    for number, line in enumerate(PO.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            close()
        elif line.startswith("#."):
            where.append(line[2:].strip())
        elif line.startswith("#"):
            continue
        elif match := re.fullmatch(r'(msgid|msgid_plural|msgstr|msgstr\[\d\]) (".*")', line):
            if match.group(1) == "msgid" and parts:
                close()
            current = match.group(1)
            parts[current] = [match.group(2)]
        elif re.fullmatch(r'"(?:[^"\\]|\\[\\"nt])*"', line) and current in parts:
            parts[current].append(line)
        else:
            raise AssertionError(f"{PO.name} line {number} is not .po syntax: {line!r}")
    close()
    return entries


PLURALS: list[tuple[list[str], str, str, list[str]]] = []
ENTRIES = _entries()
NPLURALS = skeleton.plural_forms(skeleton.read_po(PO)[""])[1]


def test_each_msgid_once_and_every_source_string_translated() -> None:
    msgids = [msgid for _, msgid, _ in ENTRIES] + [msgid for _, msgid, _, _ in PLURALS]
    assert len(msgids) == len(set(msgids)), "a msgid is written twice"
    catalog = {msgid: msgstr for _, msgid, msgstr in ENTRIES}
    missing = [
        (where, text)
        for where, text in skeleton.message_strings() + skeleton.spec_strings()
        if not catalog.get(text)
    ]
    assert not missing, f"no Spanish yet for: {missing[:10]}"


def _file(where: str) -> Path:
    """The file a comment names: "inline: render/week.py" under hwjournal, or
    "external: typer/core.py" under the installed Typer."""
    kind, _, name = where.partition(": ")
    if kind == "external":
        import typer

        return Path(typer.__file__).parent.parent / name
    return SRC / name


def test_every_msgid_is_still_in_the_source() -> None:
    said = {text for _, text in skeleton.message_strings() + skeleton.spec_strings()}
    for where, msgid, _ in ENTRIES:
        if msgid in said:
            continue
        # English still written inline (each until it moves into messages.py), or the
        # command line's own from Typer: every word of it is in the file named
        files = [_file(w) for w in where if w.startswith(("inline:", "external:"))]
        assert files, f"{msgid!r} ({where}) is no longer in messages.py or spec.py"
        text = "".join(path.read_text(encoding="utf-8") for path in files)
        words = re.findall(r"[A-Za-z]+", msgid)
        assert all(word in text for word in words), f"{msgid!r} is no longer in {where}"


def _fields(text: str) -> list[str] | None:
    return skeleton.brace_fields(text)


def _kept(msgid: str, msgstr: str) -> bool:
    fields = _fields(msgid)
    if fields is not None:
        same = _fields(msgstr) == fields
    else:  # braces that are not fields (a JSON example): as many of each
        same = (msgstr.count("{"), msgstr.count("}")) == (msgid.count("{"), msgid.count("}"))
    # a message joined to others keeps its leading and trailing spaces and newlines
    edges = re.compile(r"^\s*|\s*$")
    return same and edges.findall(msgstr) == edges.findall(msgid)


def test_every_msgstr_keeps_placeholders_and_edges() -> None:
    broken = [(msgid, msgstr) for _, msgid, msgstr in ENTRIES if not _kept(msgid, msgstr)]
    assert not broken, broken[:5]


def test_placeholders_and_edges_are_caught() -> None:
    """The check above catches a lost or renamed field, a dropped format spec, a
    dropped edge space, a lost JSON brace."""
    assert _kept("{minutes}:{seconds:02d} left", "Quedan {minutes}:{seconds:02d}")
    assert not _kept("{minutes}:{seconds:02d} left", "Quedan {minutes}:{seconds}")
    assert not _kept("Saved as entry {id}.", "Guardado como entrada {ident}.")
    assert not _kept(" · optional", "· opcional")
    assert not _kept('Like {"thought": "..."}.', 'Como "thought": "..."}.')


def _mo(pairs: dict[str, str]) -> bytes:
    """A GNU .mo file of these pairs (the layout gettext's own msgfmt.py writes)."""
    ids = sorted(pairs)
    keys = [k.encode() for k in ids]
    values = [pairs[k].encode() for k in ids]
    start = 7 * 4 + 16 * len(ids)
    id_table, str_table, blob = [], [], b""
    for key in keys:
        id_table += [len(key), start + len(blob)]
        blob += key + b"\0"
    for value in values:
        str_table += [len(value), start + len(blob)]
        blob += value + b"\0"
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(ids), 28, 28 + 8 * len(ids), 0, 0)
    return (
        header
        + struct.pack(f"{len(id_table)}i", *id_table)
        + struct.pack(f"{len(str_table)}i", *str_table)
        + blob
    )


def test_catalog_reads_back_through_gettext() -> None:
    pairs = skeleton.read_po(PO)
    assert "charset=UTF-8" in pairs[""] and "Language: es" in pairs[""]
    translations = gettext.GNUTranslations(io.BytesIO(_mo(pairs)))
    assert (
        translations.gettext("Saved as entry {id}. Thank you for taking the time.")
        .format(id=12)
        .startswith("Guardado como entrada 12.")
    )
    assert translations.gettext("Press Enter once it is written down.").startswith("Pulsa Intro")
    helps = skeleton.spec_strings()
    assert all(translations.gettext(text) != text for _, text in helps if text != "Total")


def test_every_sentence_with_a_count_has_each_plural_form() -> None:
    """Each Plural of messages.py is one plural entry, still said by the code, with as
    many forms as the header's Plural-Forms says, each keeping its placeholders."""
    catalog = {msgid: (plural, forms) for _, msgid, plural, forms in PLURALS}
    source = {msgid: plural for _, msgid, plural in skeleton.plural_strings()}
    assert set(catalog) == set(source), "run scripts/po_skeleton.py --merge"
    assert NPLURALS == 2  # Spanish, as gettext's manual and CLDR's es 'one' and 'other'
    for msgid, (plural, forms) in catalog.items():
        assert plural == source[msgid], msgid
        assert len(forms) == NPLURALS and all(forms), (msgid, forms)
        assert _kept(msgid, forms[0]), (msgid, forms[0])
        assert all(_kept(plural, form) for form in forms[1:]), (plural, forms)


def test_a_sentence_with_a_count_agrees_with_it_through_gettext() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with PO.open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    out.seek(0)
    translations = gettext.GNUTranslations(out)
    said = translations.ngettext("{count} entry", "{count} entries", 1)
    assert said == "{count} entrada"
    assert translations.ngettext("{count} entry", "{count} entries", 0) == "{count} entradas"
    assert translations.ngettext("{count} entry", "{count} entries", 21) == "{count} entradas"
