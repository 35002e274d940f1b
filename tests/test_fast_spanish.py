"""`hw due` and `hw` in Spanish title homework from the overlay's title line without
`re` (which brings `enum`; the English fast path loads neither), and that quick reading
finds what the patterns it replaces found."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers import REPO, hw_here, hw_imports
from hwjournal import overlays

ID = re.compile(r'^id *= *"([a-z0-9-]+)" *$', re.MULTILINE)
TITLE = re.compile(r'^title *= *"([^"\\\n]*)" *$', re.MULTILINE)  # a title is one line

PIECES = st.sampled_from(["id", "title", "idx", " ", "=", '"', "\\", "\r", "a", "-", "_", "é"])
LINE = st.one_of(
    st.lists(PIECES, max_size=12).map("".join),
    st.sampled_from(['id = "gratitude"', 'title = "Gratitud"', 'title  =  "a b" ']),
)


def quick(head: str, key: str) -> list[str]:
    found = [overlays._plain(line, key) for line in head.split("\n")]
    if key == "id":
        return [v for v in found if v and v.strip(overlays._ID_CHARS) == ""]
    return [v for v in found if v is not None]


@settings(max_examples=500)
@given(st.lists(LINE, max_size=6))
@example(['id = "gratitude"', 'title = "Gratitud"'])
@example(['id  =  "a-1"  ', 'title="x y"', 'title = "a\\"b"', 'id = "A"', "title = ''"])
def test_the_quick_title_reading_finds_what_the_patterns_found(lines):
    head = "\n".join(lines)
    assert quick(head, "title") == TITLE.findall(head)
    assert quick(head, "id") == ID.findall(head)


def test_every_shipped_overlay_s_title_is_read_without_re(monkeypatch):
    import tomllib

    monkeypatch.setitem(sys.modules, "re", None)  # `import re` would now fail
    for path in sorted((REPO / "templates" / "es").glob("*.toml")):
        title = tomllib.loads(path.read_text())["title"]
        assert overlays.title(path.stem, "es") == title, path.name


def test_due_in_spanish_titles_homework_without_json_or_re(tmp_path, hw_home):
    assert hw_here("assign", "gratitude", "--days", "mon,thu", "--start", "2026-05-04").code == 0
    env = {"HW_HOME": str(hw_home), "LANGUAGE": "es", "PATH": "/usr/bin"}
    proc, imported = hw_imports("due", "--json", "--date", "2026-06-01", env=env)
    assert proc.code == 0, proc.err
    assert '"title": "Gratitud"' in proc.out  # from the overlay: the journal keeps Gratitude
    assert "hwjournal.overlays" in imported, "no overlay was read: the check proves nothing"
    assert not imported & {"json", "re", "enum", "gettext"}, sorted(imported)
