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

from hwjournal import atomic, messages, paths, template_files, templates
from hwjournal.context import Context, say, stdin_is_terminal, stdout_is_terminal
from hwjournal.errors import EXIT_FAILED, TemplateError, UsageError
from hwjournal.ids import is_template_id
from hwjournal.streams import said_yes


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
    say(question, end="")
    reply = sys.stdin.readline()
    if reply == "":
        sys.stderr.write("\n")
        return False
    return reply.strip() == "" or said_yes(reply)


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
            from hwjournal.problems import os_said

            say(messages.EDITOR_FAILED.format(editor=command[0], problem=os_said(exc)))
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
        say(messages.TEMPLATE_NOTE.format(note=warning))
    if template.id != template_id:
        say(messages.TEMPLATE_ID_DIFFERS.format(id=template.id, file=f"{template_id}.toml"))


def run_new(ctx: Context, *, new_id: str, from_id: str | None, force: bool) -> int:
    if not is_template_id(new_id):
        raise UsageError(messages.TEMPLATE_BAD_ID.format(id=new_id), messages.TEMPLATE_BAD_ID_HINT)
    folder = paths.user_templates_dir()
    path = os.path.join(folder, f"{new_id}.toml")
    if os.path.exists(path) and not force:
        raise UsageError(
            messages.TEMPLATE_EXISTS.format(path=path),
            messages.TEMPLATE_EXISTS_HINT.format(id=new_id),
        )
    if from_id:
        # in the run's language: a copy made in Spanish starts from the Spanish texts
        # (the overlay merged in; a published instrument keeps its items as published)
        source = templates.find(
            from_id, ctx.config.template_dirs, language=ctx.language, on_problem=say
        )
        data = template_files.copy_of(source.raw, new_id)
        origin = from_id
    else:
        data = template_files.skeleton(new_id)
        origin = ""
    builtin = os.path.join(paths.builtin_templates_dir(), f"{new_id}.toml")

    paths.make_private_dir(folder)
    atomic.write_private(path, template_files.render(data, path, origin), force=True)
    sys.stdout.write(path + "\n")
    sys.stdout.flush()
    if os.path.exists(builtin):
        say(messages.TEMPLATE_OVERRIDES.format(id=new_id))

    command = editor_command()
    if command and stdin_is_terminal() and stdout_is_terminal():
        return _edit_until_valid(path, command, new_id)
    say(messages.TEMPLATE_NEW_EDIT_LATER.format(path=shlex.quote(path)))
    return 0
