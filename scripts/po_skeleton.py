"""Write the msgid side of a gettext catalog from hw's own words.

    python scripts/po_skeleton.py > skeleton.pot
    python scripts/po_skeleton.py --merge src/hwjournal/locale/es/LC_MESSAGES/hwjournal.po

Reads `messages.py` and `spec.py` with `ast` (nothing is imported, so it runs without
hw installed): every module-level string of messages.py (and each string in its tuples
and dicts), each sentence with a count (`Plural("{count} entry", "{count} entries")`:
a msgid with its msgid_plural, given as many msgstr[N] as the catalog's Plural-Forms
header says), and every help text of spec.py (HELP, Group, Command, Opt and Arg help;
a help that is `messages.NAME` is that message's). Then the English still written
inline elsewhere (INLINE below: headings and words of the screens, the exports and the
completion), until they move into messages.py; and the command line's own words from
Typer and its copy of Click (EXTERNAL).

Each msgid is the Python string's value exactly; an extracted comment (`#.`) says where
it comes from (`messages.SAVED`, `spec.start --date`, `inline: render/week.py`). A
string said in several places is one entry with one comment for each. `--merge PO`
keeps the msgstr of every msgid that PO already has, drops the msgids that are gone,
adds the new ones empty, and rewrites PO in place, keeping its Plural-Forms header (a
new catalog gets English's two forms: set the language's own, then give each plural
entry that many msgstr[N]).
"""

from __future__ import annotations

import argparse
import ast
import re
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "hwjournal"

# English written inline in the screens, the exports and the completion: (file under
# src/hwjournal, msgid). An f-string is given as the format string it would become,
# with a {name} for each value. Move them into messages.py, then drop them here.
INLINE: tuple[tuple[str, str], ...] = (
    # completion descriptions
    ("completion.py", "folder"),
    ("completion.py", "hw export"),
    # homework plans (render/plans.py)
    # reading entries back (render/entries.py)
    # templates (render/templates.py)
    # the week (render/week.py)
    # hw trends (render/trends.py, render/trends_words.py, render/trends_text.py)
    ("render/trends_text.py", "the same"),
    ("render/trends_text.py", "higher"),
    ("render/trends_text.py", "lower"),
    # hw caseload (render/caseload.py)
    # the exports (export/data.py, export/markdown.py, export/html.py, export/charts.py,
    # export/report.html.jinja)
    # words filled into a message's placeholder ({entries}, {verb}, {way}...)
    ("commands/importing.py", "assignment"),
    ("commands/importing.py", "assignments"),
    ("commands/importing.py", "skip"),
    ("commands/importing.py", "skips"),
    ("commands/importing.py", " and "),
    ("journal/opening.py", "open"),
    ("journal/integrity.py", "check"),
    ("commands/encryption.py", "unlock"),
    ("commands/encryption.py", "change"),
    ("commands/encryption.py", "decrypt"),
    ("render/trends_text.py", "fallen"),
    ("render/trends_text.py", "risen"),
    ("render/trends_text.py", "up"),
    ("render/trends_text.py", "down"),
    ("render/trends_text.py", "above"),
    ("render/trends_text.py", "below"),
    ("render/trends_text.py", "more"),
    ("render/trends_text.py", "less"),
    # hw config: what each setting can be (also completion descriptions), the file's top
    (
        "config.py",
        "# hw settings. Change them with: hw config set KEY VALUE (see: hw config show)\n",
    ),
    # hw check's screen (commands/check.py)
    # hw skip's heading (commands/skip.py)
    # dates, weeks and scales (dates.py, display.py)
    ("dates.py", "Use YYYY-MM-DD, today, yesterday or 'N days ago'."),
    ("dates.py", "Use YYYY-Www (like 2026-W48), this, last, or a date inside the week."),
    ("dates.py", "last week"),
    # status words of a measure (measures.py: shown on screens; the JSON keeps English)
    # step types in words (steps/)
    ("steps/kinds.py", "a line"),
    ("steps/kinds.py", "free writing"),
    ("steps/kinds.py", "a list"),
    ("steps/kinds.py", "a scale"),
    ("steps/kinds.py", "a number"),
    ("steps/kinds.py", "pick one"),
    ("steps/kinds.py", "pick any"),
    ("steps/simple.py", "yes or no"),
    ("steps/simple.py", "a timer"),
    ("steps/simple.py", "read"),
    ("steps/base.py", "a whole number"),
    ("steps/base.py", "a table"),
    ("steps/base.py", "a step has no setting '{key}'"),
    # templates (templates.py, template_files.py: a new template's sample steps)
    ("templates.py", "Did you mean '{id}'?"),
    ("templates.py", "See them all with: hw templates list"),
    ("templates.py", "it has no 'why': say in a sentence or two what the exercise is for"),
    ("templates.py", "it does not end with a reflection step (mark one with reflection = true)"),
    ("template_files.py", ", made from {origin}"),
    ("template_files.py", "One line that says what this exercise asks."),
    ("template_files.py", "A sentence or two, in your own words, on what this exercise is for."),
    ("template_files.py", "What happened today that you want to look at?"),
    ("template_files.py", "A few words are enough."),
    ("template_files.py", "calm"),
    ("template_files.py", "overwhelmed"),
    ("template_files.py", "How strong was the feeling?"),
    ("template_files.py", "What do you notice, looking back at it now?"),
    # files and where in them (sources.py, errors.py, importing/)
    ("sources.py", "a pipe (FIFO)"),
    ("sources.py", "a socket"),
    ("sources.py", "a device"),
    ("sources.py", "{size} bytes"),
    ("sources.py", "over {size}"),
    ("errors.py", ", line {line}"),
    ("errors.py", ", key '{key}'"),
    ("importing/__init__.py", "{source}, line {line}"),
    ("importing/__init__.py", "{source}, line {line}, column {column}"),
    ("importing/hwjson.py", "entry {number}"),
    ("importing/hwjson.py", "assignment {number}"),
    ("importing/hwjson.py", "skip {number}"),
    ("answers.py", "answers file"),
    ("config.py", "settings file"),
    ("importing/source.py", "Daylio or jrnl export"),
    ("importing/checking.py", "Journal entry"),
    ("importing/checking.py", "Journal entry (from jrnl)"),
)

# The command line's own words, from Typer and the copy of Click it carries (under the
# typer package). Typer's own go through gettext with these msgids exactly; Click's
# (the second group) are built inline there, so hw needs its own words for them: these
# are proposed, with a {name} for each value.
EXTERNAL: tuple[tuple[str, str], ...] = (
    ("typer/rich_utils.py", "Options"),
    ("typer/rich_utils.py", "Commands"),
    ("typer/rich_utils.py", "Arguments"),
    ("typer/rich_utils.py", "Error"),
    ("typer/core.py", "Missing command."),
    ("typer/core.py", "No such command {name!r}."),
    ("typer/core.py", "Aborted!"),
    ("typer/core.py", "required"),
    ("typer/core.py", "default: {default}"),
    ("typer/core.py", "env var: {var}"),
    ("typer/core.py", "(dynamic)"),
    ("typer/rich_utils.py", "[default: {}]"),
    ("typer/rich_utils.py", "[env var: {}]"),
    ("typer/rich_utils.py", "[required]"),
    ("typer/rich_utils.py", "(deprecated) "),
    ("typer/rich_utils.py", "Aborted."),
    ("typer/rich_utils.py", "Try [blue]'{command_path} {help_option}'[/] for help."),
    ("typer/completion.py", "Install completion for the current shell."),
    (
        "typer/completion.py",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    ("typer/_click/decorators.py", "Show this message and exit."),
    ("typer/_click/formatting.py", "Usage: "),
    ("typer/_click/exceptions.py", "No such option: {name}"),
    ("typer/_click/exceptions.py", "(Possible options: {options})"),
    ("typer/_click/exceptions.py", "Missing argument {name}."),
    ("typer/_click/exceptions.py", "Invalid value for {hint}: {message}"),
    ("typer/_click/parser.py", "Option {name} requires an argument."),
    ("typer/_click/core.py", "Got unexpected extra argument(s) ({args})"),
    ("typer/core.py", "Did you mean {suggestions}?"),
)


def _string(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def message_strings(path: Path = PACKAGE / "messages.py") -> list[tuple[str, str]]:
    """(where, msgid) for every string messages.py defines at its top level."""
    found: list[tuple[str, str]] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        name = f"messages.{node.targets[0].id}"
        value = node.value
        if (text := _string(value)) is not None:
            found.append((name, text))
        elif isinstance(value, ast.Tuple | ast.List):
            found += [
                (f"{name}[{i}]", t)
                for i, e in enumerate(value.elts)
                if (t := _string(e)) is not None
            ]
        elif isinstance(value, ast.Dict):
            for key, item in zip(value.keys, value.values, strict=True):
                if key is not None and (text := _string(item)) is not None:
                    found.append((f"{name}[{_string(key) or ast.unparse(key)}]", text))
    return found


def plural_strings(path: Path = PACKAGE / "messages.py") -> list[tuple[str, str, str]]:
    """(where, msgid, msgid_plural) for every `NAME = Plural(one, many)` of messages.py."""
    found: list[tuple[str, str, str]] = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)):
            continue
        call = node.value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "Plural"
            and len(call.args) == 2
        ):
            one, many = (_string(arg) for arg in call.args)
            if one is not None and many is not None:
                found.append((f"messages.{node.targets[0].id}", one, many))
    return found


def _where(call: ast.Call, index: int, name: str) -> ast.AST | None:
    """A call's argument by position or by keyword."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return call.args[index] if len(call.args) > index else None


# what each spec.py class is called with: (position of help, of what names it, the name)
_SPEC_CALLS = {"Opt": (2, 1, "help"), "Arg": (2, 1, "help"), "Group": (1, 0, "help")}


def spec_strings(path: Path = PACKAGE / "spec.py") -> list[tuple[str, str]]:
    """(where, msgid) for every help text spec.py declares (not those from messages)."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            kind = node.func.id
            if kind == "Command":
                words = _where(node, 0, "path")
                command = " ".join(_string(e) or "?" for e in getattr(words, "elts", []))
                if (text := _string(_where(node, 2, "help"))) is not None:
                    found.append((f"spec.{command}", text))
                for child in node.args[3:] + [k.value for k in node.keywords]:
                    visit(child, f"spec.{command}")
                return
            if kind in _SPEC_CALLS:
                at, named, _ = _SPEC_CALLS[kind]
                label = _where(node, named, "flags" if kind == "Opt" else "metavar")
                if kind == "Opt":
                    flags = [_string(e) or "" for e in getattr(label, "elts", [])]
                    label_text = next((f for f in flags if f.startswith("--")), "?")
                elif kind == "Group":
                    label_text = _string(_where(node, 0, "name")) or "?"
                else:
                    label_text = _string(label) or "?"
                own = f"{where} {label_text}" if where else f"spec.{label_text}"
                if (text := _string(_where(node, at, "help"))) is not None:
                    found.append((own, text))
                for keyword in node.keywords:
                    visit(keyword.value, f"spec.{label_text}" if kind == "Group" else where)
                return
        for child in ast.iter_child_nodes(node):
            visit(child, where)

    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if (text := _string(node.value)) is not None:
                found.append((f"spec.{name}", text))
            elif isinstance(node.value, ast.Call):
                visit(node.value, "")
                if found and found[-1][0].startswith("spec.") and " " not in found[-1][0]:
                    found[-1] = (f"spec.{name}", found[-1][1])
            else:
                visit(node.value, "")
    return found


def all_strings() -> list[tuple[str, str]]:
    """Every (where, msgid), in file order: messages, spec, inline, then external."""
    inline = [(f"inline: {file}", msgid) for file, msgid in INLINE]
    external = [(f"external: {file}", msgid) for file, msgid in EXTERNAL]
    return message_strings() + spec_strings() + inline + external


def brace_fields(text: str) -> list[str] | None:
    """The str.format fields of a message ("{name}", "{minutes:g}"), sorted; None when
    the text is not a format string (a JSON example in braces, say)."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return None
    fields = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            return None
        fields.append(
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
    return sorted(fields)


def quote(text: str) -> str:
    """A .po string, split after each newline as gettext writes them."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n\n")
    )
    lines = escaped.split("\n")
    if lines[-1] == "" and len(lines) > 1:
        lines.pop()
    if len(lines) == 1:
        return f'"{lines[0]}"'
    return '""\n' + "\n".join(f'"{line}"' for line in lines)


def unquote(block: str) -> str:
    """The text of one or more quoted .po lines."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), "".join(parts))


def read_plurals(path: Path) -> dict[str, tuple[str, list[str]]]:
    """msgid to (msgid_plural, [msgstr[0], msgstr[1], ...]) of a .po file's plural entries."""
    found = {}
    text = path.read_text(encoding="utf-8")
    entry = r'^msgid ((?:".*"\n)+)msgid_plural ((?:".*"\n)+)((?:msgstr\[\d+\] (?:".*"\n?)+)+)'
    for msgid, plural, forms in re.findall(entry, text, re.M):
        said = re.findall(r'msgstr\[(\d+)\] ((?:".*"\n?)+)', forms)
        found[unquote(msgid)] = (unquote(plural), [unquote(block) for _, block in said])
    return found


DEFAULT_PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


def plural_forms(header: str) -> tuple[str, int]:
    """A catalog header's Plural-Forms and its nplurals (English's where it has none)."""
    found = re.search(r"Plural-Forms: *([^\n]*?) *(?:\n|$)", header)
    forms = found.group(1) if found else DEFAULT_PLURAL_FORMS
    count = re.search(r"nplurals *= *(\d+)", forms)
    return forms, int(count.group(1)) if count else 2


def read_po(path: Path) -> dict[str, str]:
    """msgid to msgstr of a .po file (the header's empty msgid included)."""
    pairs = re.findall(
        r'^msgid ((?:".*"\n?)+)msgstr ((?:".*"\n?)+)', path.read_text(encoding="utf-8"), re.M
    )
    return {unquote(msgid): unquote(msgstr) for msgid, msgstr in pairs}


HEADER = """\
# hw's own words. Each msgid is the English string in the source, exactly.
# Regenerate the msgids with: python scripts/po_skeleton.py --merge THIS_FILE
msgid ""
msgstr ""
"Project-Id-Version: hwjournal\\n"
"PO-Revision-Date: 2026-12-07 09:00+0000\\n"
"Last-Translator: hwjournal\\n"
"Language-Team: hwjournal\\n"
"Language: {language}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural_forms}\\n"
"""


def render(
    translations: dict[str, str],
    language: str = "",
    plurals: dict[str, tuple[str, list[str]]] | None = None,
) -> str:
    """The catalog: one entry a msgid, in the order the strings first appear (the
    sentences with a count last)."""
    forms, count = plural_forms(translations.get("", ""))
    where: dict[str, list[str]] = {}
    for place, msgid in all_strings():
        where.setdefault(msgid, []).append(place)
    counted: dict[str, tuple[str, list[str]]] = {}
    for place, msgid, msgid_plural in plural_strings():
        if msgid in where:
            raise ValueError(f"{msgid!r} is both a sentence and a Plural's: one msgid, one kind")
        if counted.setdefault(msgid, (msgid_plural, []))[0] != msgid_plural:
            raise ValueError(f"{msgid!r} has two plurals: give it one")
        counted[msgid][1].append(place)
    out = [HEADER.format(language=language, plural_forms=forms)]
    for msgid, places in where.items():
        lines = [f"#. {place}" for place in places]
        if brace_fields(msgid):
            lines.append("#, python-brace-format")
        lines.append(f"msgid {quote(msgid)}")
        lines.append(f"msgstr {quote(translations.get(msgid, ''))}")
        out.append("\n".join(lines) + "\n")
    for msgid, (msgid_plural, places) in counted.items():
        lines = [f"#. {place}" for place in places]
        if brace_fields(msgid) or brace_fields(msgid_plural):
            lines.append("#, python-brace-format")
        lines.append(f"msgid {quote(msgid)}")
        lines.append(f"msgid_plural {quote(msgid_plural)}")
        said = (plurals or {}).get(msgid, ("", []))[1]
        for index in range(count):
            lines.append(f"msgstr[{index}] {quote(said[index] if index < len(said) else '')}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--merge", type=Path, help="a .po file to update in place")
    args = parser.parse_args(argv)
    if args.merge is None:
        sys.stdout.write(render({}))
        return 0
    old = read_po(args.merge) if args.merge.exists() else {}
    counted = read_plurals(args.merge) if args.merge.exists() else {}
    language = re.search(r"Language: ([\w-]*)", old.get("", ""))
    args.merge.parent.mkdir(parents=True, exist_ok=True)
    text = render(old, language.group(1) if language else "", counted)
    args.merge.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
