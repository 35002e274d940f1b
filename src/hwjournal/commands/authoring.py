"""hw templates new NEW_ID [--from ID] [--force]: write a template file the person
and their therapist can shape together, then open it in their editor.

The file is TOML written with tomli-w, under a short comment header that explains
the format, so it can be edited without the documentation open. The new file is
never deleted: when an edit does not validate, the person is told what to fix and
offered the editor again.
"""

import os
import shlex
import signal
import subprocess
import sys
from typing import Any

from hwjournal import atomic, messages, paths, templates
from hwjournal.context import Context, say, stdin_is_terminal, stdout_is_terminal
from hwjournal.errors import EXIT_FAILED, TemplateError, UsageError

HEADER = """\
# hw template "{id}"{origin}
# Edit it, then check it with: hw templates validate {path}
#
# Top: id (lowercase letters, digits and '-'; keep it the same as the file name),
# title, version, modality, goals (self-awareness, skills, behavior-change,
# cognitive-restructuring, emotion-regulation, self-efficacy, relational-healing),
# summary, why (what the exercise is for), cadence (once | daily | weekly), minutes;
# optional: layout = "columns", source, notice, alert.
#
# Each [[steps]] table is one step, asked in order: id, type, prompt, and optional
# help, required = true, reflection = true (mark the closing reflection). Types:
#   text (one line)  long (free writing)  list (one item a line)  yesno  number (min, max)
#   scale (min, max, labels = {{ 0 = "none", 10 = "a lot" }})
#   choice, multi (options = ["...", "..."], other = true allows free text)
#   timer (minutes)  info (shows its prompt; pause = true waits for Enter)
# alert_at = N on a scale or number step shows the `alert` text for an answer of N or more.
# Scoring: [scoring] with steps = [scale step ids to add up] and
#   bands = [{{ max = 4, label = "minimal" }}, ...] in rising order; for hw trends,
#   optional reliable_change, caseness, remission_below, response_drop (0.5 = half),
#   higher_is_better = true, and sources = {{ caseness = "where it comes from" }}.

"""


def _title_from(template_id: str) -> str:
    return template_id.replace("-", " ").capitalize()


def skeleton(template_id: str) -> dict[str, Any]:
    """The smallest template worth starting from: it validates and ends with a reflection."""
    return {
        "id": template_id,
        "title": _title_from(template_id),
        "version": 1,
        "modality": "custom",
        "goals": ["self-awareness"],
        "summary": "One line that says what this exercise asks.",
        "why": "A sentence or two, in your own words, on what this exercise is for.",
        "cadence": "daily",
        "minutes": 10,
        "steps": [
            {
                "id": "moment",
                "type": "text",
                "prompt": "What happened today that you want to look at?",
                "help": "A few words are enough.",
                "required": True,
            },
            {
                "id": "feeling",
                "type": "scale",
                "min": 0,
                "max": 10,
                "labels": {"0": "calm", "10": "overwhelmed"},
                "prompt": "How strong was the feeling?",
            },
            {
                "id": "reflection",
                "type": "long",
                "prompt": "What do you notice, looking back at it now?",
                "reflection": True,
            },
        ],
    }


def _from_template(source: templates.Template, new_id: str) -> dict[str, Any]:
    data = dict(source.raw)
    if new_id != source.id:
        data["version"] = 1
    data["id"] = new_id
    # id first, as people expect to read it
    return {"id": new_id, **{k: v for k, v in data.items() if k != "id"}}


def _value(value: Any) -> str:
    """One value as TOML, on one line."""
    import tomli_w

    return tomli_w.dumps({"v": value})[len("v = ") :].rstrip("\n")


def _literal(key: str, value: Any) -> str:
    import tomli_w

    if isinstance(value, list) and not any(isinstance(v, dict | list) for v in value):
        line = f"{key} = [{', '.join(_value(v) for v in value)}]"
        if len(line) <= 100:  # a short list reads best on one line, as people write it
            return line + "\n"
    return tomli_w.dumps({key: value}, multiline_strings=True)


def _inline_table(key: str, table: dict[str, Any]) -> str:
    """`key = { a = 1, b = "x" }`: tomli-w would write a [steps.labels] sub-table,
    where a key added below it by hand would silently land in the labels."""
    import tomli_w

    parts = [tomli_w.dumps({k: v}).strip() for k, v in table.items()]
    return f"{key} = {{ {', '.join(parts)} }}\n" if parts else f"{key} = {{}}\n"


def _body(data: dict[str, Any]) -> str:

    out: list[str] = []
    for key, value in data.items():
        if key not in ("scoring", "steps"):
            out.append(_literal(key, value))
    if "scoring" in data:
        out.append("\n[scoring]\n")
        for key, value in data["scoring"].items():  # sources: a table, kept inline
            out.append(
                _inline_table(key, value) if isinstance(value, dict) else _literal(key, value)
            )
    for step in data.get("steps", []):
        out.append("\n[[steps]]\n")
        for key, value in step.items():
            if isinstance(value, dict):
                out.append(_inline_table(key, value))
            else:
                out.append(_literal(key, value))
    return "".join(out)


def render(data: dict[str, Any], path: str, origin: str = "") -> str:
    """The file's text: the comment header, then the template as TOML."""
    import tomllib

    import tomli_w

    body = _body(data)
    try:
        same = tomllib.loads(body) == data
    except tomllib.TOMLDecodeError:
        same = False
    if not same:  # the readable layout did not round-trip: plain tomli-w always does
        body = tomli_w.dumps(data, multiline_strings=True)
    made_from = f", made from {origin}" if origin else ""
    return HEADER.format(id=data["id"], origin=made_from, path=shlex.quote(path)) + body


def editor_command() -> list[str] | None:
    """The person's editor; VISUAL before EDITOR, as for long answers (terminal.py)."""
    for var in ("VISUAL", "EDITOR"):
        value = os.environ.get(var, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                return [value]
    return None


def _ask_yes(question: str) -> bool:
    sys.stderr.write(question)
    sys.stderr.flush()
    reply = sys.stdin.readline()
    if reply == "":
        sys.stderr.write("\n")
        return False
    return reply.strip().lower() in ("", "y", "yes")


def _run_editor(command: list[str], path: str) -> None:
    """Run the editor in the foreground. While it runs, Ctrl-C belongs to the editor:
    hw ignores it (set after the editor starts, so the editor does not inherit that)."""
    process = subprocess.Popen([*command, path])
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)


def _edit_until_valid(path: str, command: list[str], template_id: str) -> int:
    while True:
        try:
            _run_editor(command, path)
        except OSError as exc:
            say(messages.EDITOR_FAILED.format(editor=command[0], problem=exc.strerror or exc))
            say(messages.TEMPLATE_NEW_EDIT_LATER.format(path=path))
            return EXIT_FAILED
        try:
            template = templates.load_file(path)
        except TemplateError as exc:
            say(messages.TEMPLATE_EDIT_PROBLEM.format(problem=exc.message))
            if _ask_yes(messages.TEMPLATE_EDIT_AGAIN):
                continue
            say(messages.TEMPLATE_KEPT.format(path=path))
            return EXIT_FAILED
        _report_valid(template, template_id)
        return 0


def _report_valid(template: templates.Template, template_id: str) -> None:
    say(messages.TEMPLATE_NEW_VALID.format(id=template.id))
    for warning in templates.warnings_for(template):
        say(f"  note: {warning}")
    if template.id != template_id:
        say(messages.TEMPLATE_ID_DIFFERS.format(id=template.id, file=f"{template_id}.toml"))


def run_new(ctx: Context, *, new_id: str, from_id: str | None, force: bool) -> int:
    if not templates.TEMPLATE_ID.match(new_id):
        raise UsageError(messages.TEMPLATE_BAD_ID.format(id=new_id), messages.TEMPLATE_BAD_ID_HINT)
    folder = paths.user_templates_dir()
    path = os.path.join(folder, f"{new_id}.toml")
    if os.path.exists(path) and not force:
        raise UsageError(
            messages.TEMPLATE_EXISTS.format(path=path),
            messages.TEMPLATE_EXISTS_HINT.format(id=new_id),
        )
    if from_id:
        source = templates.find(from_id, ctx.config.template_dirs)
        data = _from_template(source, new_id)
        origin = from_id
    else:
        data = skeleton(new_id)
        origin = ""
    builtin = os.path.join(paths.builtin_templates_dir(), f"{new_id}.toml")

    paths.make_private_dir(folder)
    atomic.write_private(path, render(data, path, origin), force=True)
    sys.stdout.write(path + "\n")
    sys.stdout.flush()
    if os.path.exists(builtin):
        say(messages.TEMPLATE_OVERRIDES.format(id=new_id))

    command = editor_command()
    if command and stdin_is_terminal() and stdout_is_terminal():
        return _edit_until_valid(path, command, new_id)
    say(messages.TEMPLATE_NEW_EDIT_LATER.format(path=shlex.quote(path)))
    return 0
