"""The shape of the house, kept: thin commands with no SQL, sentences in messages.py,
no module grown past what a newcomer can read, no global state reached for."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "hwjournal"
MODULES = sorted(SRC.rglob("*.py"))
# tables rather than logic: every sentence, and every command's options
TABLES = {"messages.py", "spec.py"}
COMMANDS = sorted((SRC / "commands").glob("*.py"))


# written by a compiler, read by none (scripts/compile_report.py)
GENERATED = {"report_compiled.py", "templates_compiled.py"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(p) for p in MODULES}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imported(path: Path) -> set[str]:
    """The hwjournal modules `path` imports, wherever the import sits (inside a
    function too: it runs as surely, only later), but for `if TYPE_CHECKING:`."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*up, base] if base else up)
                # `from package import module` reaches the module; any other name
                # is the package's (or the module's) own
                for alias in child.names:
                    whole = f"{base}.{alias.name}"
                    found.add(whole if whole in NAMES else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    modules = set()
    for target in found:
        while target and target not in NAMES:  # a name imported from a module
            target = target.rpartition(".")[0]
        if target and target != name:
            modules.add(target)
    return modules


GRAPH = {module_name(p): imported(p) for p in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another, round and round (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def strongly(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                strongly(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            strongly(node)
    return found


def test_the_import_graph_sees_imports_inside_functions_but_not_type_hints():
    assert "hwjournal.journal.bulk" in GRAPH["hwjournal.journal.store"]  # inside a method
    assert "hwjournal.journal.store" not in GRAPH["hwjournal.journal.bulk"]  # a hint only
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_modules_import_one_another_in_a_circle():
    assert cycles(GRAPH) == []


# what storage may stand on: nothing that knows the settings, the terminal or a screen
BELOW_STORAGE = {
    "messages",
    "numerals",
    "errors",
    "migrations",
    "paths",
    "atomic",
    "dates",
    "ids",
    "jsontext",
    "problems",  # what a reader or the system said went wrong, in the run's language
}


@pytest.mark.parametrize(
    "name", sorted(n for n in GRAPH if n.startswith("hwjournal.journal")), ids=str
)
def test_storage_imports_nothing_above_it(name):
    above = {
        other
        for other in GRAPH[name]
        if not other.startswith("hwjournal.journal")
        and other.removeprefix("hwjournal.") not in BELOW_STORAGE
    }
    assert above == set()


@pytest.mark.parametrize(
    "path",
    [m for m in MODULES if m.name not in TABLES | GENERATED],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_no_module_is_longer_than_a_newcomer_can_read(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 420


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: p.name)
def test_commands_hold_no_sql_and_reach_for_no_global_state(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\.execute(many)?\(|\.db\b", text)
    assert "from hwjournal.cli import" not in text


# where SQL may be written, and a Journal's connection (Journal.db) reached; and
# importing/summary.py, which reads a client's file with SQLite's JSON functions on a
# database in memory, never the journal (hw caseload; for the lead to place)
STORAGE = ("journal/", "plans/", "migrations.py", "importing/summary.py")


@pytest.mark.parametrize(
    "path",
    [m for m in MODULES if not str(m.relative_to(SRC)).startswith(STORAGE)],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_sql_lives_in_storage_and_plans_only(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    reached = [
        f"{node.lineno}: .{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in ("db", "execute", "executemany", "executescript")
    ]
    assert reached == []


# What hands a sentence to a person: hw's own errors (and any other exception but
# Python's own, which a person never sees), the exit point's say and the passphrase
# prompt's tell, a failing import record, print and a console's print, the streams.
_PYTHONS = {"ValueError", "TypeError", "AttributeError", "RuntimeError", "AssertionError"}
_PYTHONS |= {"KeyError", "IndexError", "NotImplementedError", "OSError", "JSONDecodeError"}
_SPEAKERS = {"say", "_tell", "tell", "print", "warn", "fail", "Exit", "BadParameter"}
_SPEAKERS |= {"ImportProblem"}  # what an import (or a client's file) is told
_STREAMS = {"sys.stderr.write", "sys.stdout.write"}
# two words or more: a sentence, or a piece of one ("hw.label" or "id" are not)
_WORDS = re.compile(r"[A-Za-z]{2,}[,;:.'\"!?)]*\s+['\"(]*[A-Za-z]{2,}")


def _speaks(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    if name in _PYTHONS:
        return False
    return (
        name.endswith(("Error", "Interrupted", "Locked"))
        or name in _SPEAKERS
        or ast.unparse(func) in _STREAMS
    )


def _sentences(node: ast.AST) -> list[str]:
    """The literal text with words in an argument, f-strings' text included; a
    message from messages.py (a name, formatted or not) has none."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) and _WORDS.search(node.value) else []
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        return [ast.unparse(node)] if any(_WORDS.search(p) for p in parts) else []
    return [text for child in ast.iter_child_nodes(node) for text in _sentences(child)]


def inline_sentences(text: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call) and _speaks(node):
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                found += [f"{node.lineno}: {s}" for s in _sentences(argument)]
    return found


def test_the_sentence_finder_sees_literals_of_every_kind():
    found = inline_sentences(
        "raise UsageError(messages.X, 'Create it first.')\n"
        "raise JournalError(f'it exited with {code}')\n"
        "say('Saved it as ' + name)\n"
        "self.out.print(f'[hw.label]{messages.TRY_AGAIN}[/]')\n"
        "sys.stderr.write(messages.X + '\\n')\n"
        "record.fail(messages.RECORD_TAG.format(tag=show(tag)))\n"
        "raise ValueError('a Week cannot change')\n"
        "console.print('[hw.note]Picking up where you left off.[/]')\n"
    )
    assert [line.split(":")[0] for line in found] == ["1", "2", "3", "8"]


# The compiled report and the runtime it calls raise only on a fault in the report's
# own template (a missing filter, an undefined name): words for its developer, which
# no person using hw can meet, in Jinja2's own terms.
REPORT_RUNTIME = GENERATED | {"report_runtime.py"}


@pytest.mark.parametrize(
    "path",
    [m for m in MODULES if m.name not in {"messages.py"} | REPORT_RUNTIME],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_what_hw_says_to_a_person_lives_in_messages(path):
    """A sentence written inline (handed to an error, a warning or a print) would
    drift from the tone of the rest, and a translation would miss it: messages.py
    holds them all. (importing/jsonstream.py's JSON errors are Python's json module's
    own words, given the same way, and are not handed to a speaker above.)"""
    assert inline_sentences(path.read_text(encoding="utf-8")) == []
