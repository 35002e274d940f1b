"""mo.py reads a compiled catalog as the standard library's gettext does: the same
sentences, the same plural forms, the same refusals of a damaged file; and a run in
Spanish never imports gettext."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import hw_imports
from hwjournal import i18n, mo

SHIPPED = Path(i18n.catalog_path("es"))


def both(data: bytes):
    """(gettext's reading, mo's reading), each a catalog or the exception's type."""
    found = []
    for reader in (gettext.GNUTranslations, mo.read):
        try:
            found.append(reader(io.BytesIO(data)))
        except Exception as exc:  # a damaged file: each must refuse it
            found.append(type(exc))
    return found


def test_the_shipped_catalog_reads_the_same():
    data = SHIPPED.read_bytes()
    theirs, ours = both(data)
    assert isinstance(ours, mo.Catalog), "the shipped catalog is one mo reads itself"
    singles = [k for k in theirs._catalog if isinstance(k, str)]
    plurals = {k[0] for k in theirs._catalog if isinstance(k, tuple)}
    assert len(singles) > 1000
    for key in singles:
        assert ours.gettext(key) == theirs.gettext(key)
    assert ours.gettext("not a sentence hw has") == "not a sentence hw has"
    for key in plurals:
        for n in (0, 1, 2, 5, 21, 100):
            assert ours.ngettext(key, key + " (many)", n) == theirs.ngettext(
                key, key + " (many)", n
            )
    for n in (0, 1, 2):
        assert ours.ngettext("no such one", "no such many", n) == theirs.ngettext(
            "no such one", "no such many", n
        )


def _catalog(pairs: dict[str, str]) -> bytes:
    """A .mo of these pairs, laid out as msgfmt lays one out (a plural id is
    'one\\0many', its forms 'a\\0b')."""
    return _catalog_bytes({k: v.encode() for k, v in pairs.items()})


def _catalog_bytes(pairs: dict[str, bytes]) -> bytes:
    ids = sorted(pairs)
    keys, values = [k.encode() for k in ids], [pairs[k] for k in ids]
    start = 28 + 16 * len(ids)
    table, blob = [], b""
    for text in keys + values:
        table.append((len(text), start + len(blob)))
        blob += text + b"\0"
    words = [0x950412DE, 0, len(ids), 28, 28 + 8 * len(ids), 0, 0]
    words += [n for pair in table for n in pair]
    return b"".join(w.to_bytes(4, "little") for w in words) + blob


HEADER = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
SAMPLE = {"": HEADER, "Saved.": "Guardado.", "{n} entry\0{n} entries": "{n} entrada\0{n} entradas"}


@pytest.mark.parametrize(
    ("header", "reader"),
    [
        (HEADER, mo.Catalog),
        (HEADER.replace("(n != 1)", "(n > 1)"), gettext.GNUTranslations),  # French's rule
        (HEADER.replace("UTF-8", "latin-1"), gettext.GNUTranslations),
    ],
)
def test_what_mo_does_not_read_itself_gettext_reads(header, reader):
    data = _catalog(dict(SAMPLE, **{"": header}))
    ours = mo.read(io.BytesIO(data))
    assert type(ours) is reader
    assert ours.gettext("Saved.") == "Guardado."
    assert ours.ngettext("{n} entry", "{n} entries", 1) == "{n} entrada"
    assert ours.ngettext("{n} entry", "{n} entries", 0) == (
        "{n} entradas" if "n != 1" in header else "{n} entrada"
    )


def test_a_plural_asked_for_alone_and_another_charset_read_as_gettext_reads_them():
    data = _catalog(SAMPLE)
    assert mo.read(io.BytesIO(data)).gettext("{n} entry") == "{n} entrada"
    assert gettext.GNUTranslations(io.BytesIO(data)).gettext("{n} entry") == "{n} entrada"
    latin = {"": HEADER.replace("UTF-8", "latin-1"), "Yes": "Sí"}
    raw = _catalog_bytes({k: v.encode("latin-1") for k, v in latin.items()})
    ours = mo.read(io.BytesIO(raw))  # not UTF-8: gettext's own reader takes it
    assert isinstance(ours, gettext.GNUTranslations)
    assert ours.gettext("Yes") == "Sí"


@settings(max_examples=300)
@given(st.data())
def test_a_damaged_catalog_is_refused_where_gettext_refuses_it(data):
    whole = bytearray(_catalog(SAMPLE))
    how = data.draw(st.sampled_from(["cut", "flip", "byte"]))
    if how == "cut":
        whole = whole[: data.draw(st.integers(0, len(whole) - 1))]
    else:
        at = data.draw(st.integers(0, len(whole) - 1))
        whole[at] = (
            whole[at] ^ (1 << data.draw(st.integers(0, 7)))
            if how == "flip"
            else data.draw(st.integers(0, 255))
        )
    theirs, ours = both(bytes(whole))
    if isinstance(theirs, type):
        assert isinstance(ours, type), "gettext refused it, mo read it"
        return
    assert not isinstance(ours, type), f"mo refused what gettext read: {ours}"
    keys = [k for k in theirs._catalog if isinstance(k, str)]
    for key in keys:
        assert ours.gettext(key) == theirs.gettext(key)
    for key in {k[0] for k in theirs._catalog if isinstance(k, tuple)}:
        for n in (0, 1, 2):
            assert ours.ngettext(key, "x", n) == theirs.ngettext(key, "x", n)


def test_a_run_in_spanish_imports_neither_gettext_nor_re(tmp_path):
    settings_file = tmp_path / "config.toml"
    settings_file.write_text('language = "es"\n', encoding="utf-8")
    env = {"HW_CONFIG": str(settings_file), "HW_HOME": str(tmp_path), "PATH": "/usr/bin"}
    proc, imported = hw_imports("--version", env=env)
    assert proc.code == 0, proc.err
    assert "hwjournal.mo" in imported, "the catalog was not read: the check proves nothing"
    assert not imported & {"gettext", "re", "locale"}, sorted(imported)
