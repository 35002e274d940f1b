"""Compile hw's gettext catalogs: every `src/hwjournal/locale/LANG/LC_MESSAGES/*.po`
into the `.mo` beside it, which is what hw reads (and what the wheel ships).

    python scripts/compile_catalogs.py          # write the .mo files
    python scripts/compile_catalogs.py --check  # exit 1 if one is out of step

Babel does the compiling (it is in the test extra); hw itself reads the .mo with the
standard library's gettext and never loads Babel. Fuzzy entries are left out, as
msgfmt leaves them out: a translation someone marked unsure is not shown.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "hwjournal" / "locale"


def compiled(po_path: Path) -> bytes:
    """The .mo bytes for a .po file."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as file:
        catalog = read_po(file, abort_invalid=True)
    # the .po has no POT-Creation-Date, and Babel would write the minute it compiled:
    # the same .po then made a different .mo every minute, and --check failed
    catalog.creation_date = catalog.revision_date
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        data = compiled(po_path)
        if mo_path.exists() and mo_path.read_bytes() == data:
            continue
        if check:
            stale.append(mo_path)
        else:
            mo_path.write_bytes(data)
            print(f"wrote {mo_path.relative_to(ROOT)}")
    for path in stale:
        print(f"out of step with its .po: {path.relative_to(ROOT)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
