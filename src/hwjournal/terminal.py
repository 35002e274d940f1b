"""The runner's Asker for a real terminal: prompts and help on stderr (so stdout
stays the result), answers read line by line from stdin."""

from __future__ import annotations

import select
import sys
import time
from typing import Any

from hwjournal import display, messages
from hwjournal.steps import Step
from hwjournal.templates import Template

ARROW = "› "


class TypedInterrupt(KeyboardInterrupt):
    """Ctrl-C at a prompt, carrying what had been typed on the line so far."""

    def __init__(self, half_typed: str) -> None:
        super().__init__()
        self.half_typed = half_typed


_readline: Any = None


def _line_editor() -> Any:
    """GNU readline when both ends are a terminal: arrow keys work, and on Ctrl-C the
    half-typed line can still be read back. No history is kept (answers are private)."""
    global _readline
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    if _readline is None:
        try:
            import readline
        except ImportError:
            _readline = False
            return None
        readline.set_auto_history(False)
        _readline = readline
    return _readline or None


def read_line(prompt: str = "", prefill: str | None = None, edit: bool = True) -> str | None:
    """One line from the terminal without its newline; None at Ctrl-D (end of input).
    `prefill` puts earlier half-typed text back on the line, ready to edit.

    Multi-line answers pass edit=False and read in the terminal's own line mode:
    readline switches the terminal to raw mode for each line, and a Ctrl-D typed
    before it has done so (the end of a long answer) would be lost."""
    editor = _line_editor() if edit else None
    if editor is None:
        if prompt:
            sys.stderr.write(prompt)
            sys.stderr.flush()
        line = sys.stdin.readline()
        return None if line == "" else line.rstrip("\r\n")
    if prefill:
        editor.set_startup_hook(lambda: editor.insert_text(prefill))
    try:
        return input(prompt)
    except EOFError:
        return None
    except KeyboardInterrupt:
        raise TypedInterrupt(editor.get_line_buffer()) from None
    finally:
        if prefill:
            editor.set_startup_hook(None)


def ask_hidden(prompt: str) -> str:
    """A line typed without being shown (a passphrase, a recovery key)."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        from hwjournal.errors import Interrupted

        raise Interrupted(messages.INTERRUPTED) from None


class TerminalAsker:
    def __init__(
        self,
        template: Template,
        resumed: bool = False,
        editor: bool = False,
        editor_folder: str | None = None,
        plain: bool = False,
    ) -> None:
        self.out = display.console(stderr=True, plain=plain)
        self.plain = plain  # for a screen reader: no countdown redrawn four times a second
        self.template = template
        self.resumed = resumed
        self.editor = editor  # config `editor`: long answers are written in $EDITOR
        # where the editor's file lives ("" or None: the system's temporary folder)
        self.editor_folder = editor_folder or None
        self.offers: dict[str, Any] = {}  # answers from before, kept on Enter
        self.current: str | None = None  # the step being asked, for a draft
        self.partial: str | None = None  # what was typed of it so far

    @classmethod
    def for_session(cls, session: Any, config: Any, plain: bool) -> TerminalAsker:
        """The asker for a run of `session` (session.Session). A new exercise that can
        alert may first offer to keep a crisis contact. Long answers go to the
        `editor` setting's editor where the journal allows it (an encrypted journal's
        answers are edited in memory-backed storage or not at all)."""
        from hwjournal.streams import say

        resumed = session.entry.id is not None
        if not resumed:
            offer_crisis_contact(config, session.shown_template)
        folder = session.journal.editor_folder() if config.editor else None
        if config.editor and folder is None:
            say(messages.EDITOR_NOT_HERE)
        asker = cls(
            session.shown_template,
            resumed=resumed,
            editor=folder is not None,
            editor_folder=folder,
            plain=plain,
        )
        if not resumed and session.entry.template == "safety-plan":
            from hwjournal import safety

            # a new plan starts from the last one: Enter keeps each list's items
            offered = safety.plan_offers(safety.latest_plan(session.journal))
            session.progress.offered = asker.offers = offered
        return asker

    def offer_sharing(self) -> bool:
        from hwjournal.streams import said_yes, say

        say("")
        say(messages.SHARE_WHY)
        try:
            answer = read_line(messages.SHARE_ASK) or ""
        except (EOFError, KeyboardInterrupt):
            answer = ""
        return said_yes(answer)

    # ---------------------------------------------------------- framing

    def greet(self) -> None:
        t = self.template
        self.out.print()
        self.out.print(display.text(t.title, "hw.title"))
        if self.resumed:
            self.out.print(f"[hw.note]{messages.PICKING_UP}[/]")
        elif t.summary:
            self.out.print(display.text(t.summary, "hw.help"))
        if t.minutes and not self.resumed:
            about = messages.ABOUT_MINUTES.of(t.minutes)
            self.out.print(f"[hw.label]{about}[/]")

    def _header(self, step: Step, number: int, total: int) -> None:
        self.out.print()
        tag = "" if step.required else messages.STEP_OPTIONAL
        self.out.print(
            f"[hw.label]{messages.STEP_NUMBER.format(number=number, total=total)}{tag}[/]"
        )
        self.out.print(display.text(step.prompt, "hw.title"))
        if step.help:
            self.out.print(display.text(step.help, "hw.help"))

    # ---------------------------------------------------------- Asker

    def ask(
        self, step: Step, number: int, total: int, problem: str | None, earlier: str | None
    ) -> str | None:
        self.current = step.id
        if problem:
            from rich.text import Text

            # one line for the console to wrap: printed in two parts, each was wrapped
            # alone, and the second could be cut mid-word where the first ended
            said = Text(display.clean(problem) + " ", style="hw.warn")
            said.append(messages.TRY_AGAIN, style="hw.label")
            self.out.print(said)
        else:
            self._header(step, number, total)
            listed = step.kind.listed(step)
            if listed:
                self.out.print(_listing(listed))
            how = step.kind.hint(step)
            if how:
                self.out.print(display.text(how, "hw.label"))
            if step.id in self.offers:
                offered = self.offers[step.id]
                kept = "; ".join(offered) if isinstance(offered, list) else step.display(offered)
                self.out.print(display.text(messages.OFFERED.format(items=kept), "hw.note"))
        asked_as = step.kind.asked_as
        if asked_as == "long" and self.editor:
            return self._edit(step, earlier)
        if asked_as in ("long", "lines"):
            return self._lines(step, earlier)
        self.partial = None
        if earlier and _line_editor() is None:
            self.out.print(
                f"[hw.note]{messages.YOU_HAD_STARTED}[/] ", display.text(earlier), sep=""
            )
        try:
            line = read_line(ARROW, prefill=earlier)
        except TypedInterrupt as exc:
            self.partial = exc.half_typed or None
            raise
        if line is None:
            self.out.print()
        return line

    def _edit(self, step: Step, earlier: str | None) -> str | None:
        """Write a long answer in the person's editor. The file lives in a private
        temporary folder that is removed as soon as the text is read back."""
        import os
        import shlex
        import subprocess
        import tempfile

        command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        with tempfile.TemporaryDirectory(prefix="hw-", dir=self.editor_folder) as folder:
            path = os.path.join(folder, f"{step.id}.txt")
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(earlier or "")
            self.partial = earlier
            self.out.print(f"[hw.label]{messages.EDITOR_OPENING}[/]")
            try:
                subprocess.run([*shlex.split(command), path], check=False)
            except OSError:
                failed = messages.EDITOR_FAILED_WRITE_HERE.format(command=display.clean(command))
                self.out.print(f"[hw.warn]{failed}[/]")
                return self._lines(step, earlier)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        return text.strip("\n") or None

    def _lines(self, step: Step, earlier: str | None) -> str | None:
        """Free writing ("long": Ctrl-D ends it) or one item a line ("lines": an empty
        line ends it)."""
        items = step.kind.asked_as == "lines"
        lines: list[str] = []
        if earlier:
            lines = earlier.split("\n")
            self.out.print(f"[hw.note]{messages.EARLIER_KEPT}[/]")
            for line in lines:
                self.out.print("  ", display.text(line), sep="")
        self.partial = "\n".join(lines) if lines else None
        while True:
            try:
                line = read_line(ARROW if items else "", edit=False)
            except TypedInterrupt as exc:
                if exc.half_typed:
                    self.partial = "\n".join([*lines, exc.half_typed])
                raise
            first = not items and not lines and line is not None
            if first and not step.required and not line.strip():
                return None  # Enter before a word: an optional step skipped
            if line is None:  # Ctrl-D
                if not items:
                    break
                if not lines or lines[-1] == "":
                    break
                continue
            if items and not line.strip():
                break
            lines.append(line)
            self.partial = "\n".join(lines)
        value = "\n".join(lines) if items else "\n".join(lines).strip("\n")
        return value or None

    def show(self, step: Step) -> None:
        self.out.print()
        self.out.print(display.text(step.prompt))
        if step.help:
            self.out.print(display.text(step.help, "hw.help"))
        if step.pause:
            self.out.print(f"[hw.label]{messages.PRESS_ENTER_READY}[/]", end="")
            self.out.file.flush()
            read_line(edit=False)
            self.out.print()

    def timer(self, step: Step, number: int, total: int) -> int | None:
        self.current, self.partial = step.id, None
        self._header(step, number, total)
        minutes = step.minutes or 1
        self.out.print(f"[hw.label]{messages.TIMER_OFFER.of(minutes)}[/]")
        line = read_line(ARROW)
        if line is None or line.strip().lower() == "s":
            self.out.print(f"[hw.label]{messages.TIMER_SKIPPED}[/]")
            return None
        return self._count_down(minutes * 60)

    def _count_down(self, seconds: float) -> int:
        started = time.monotonic()
        if self.plain:
            self.out.print(messages.TIMER_RUNNING)
            ended_early = _wait(started, seconds, lambda left: None)
        else:
            from rich.live import Live

            with Live(console=self.out, transient=True, refresh_per_second=4) as live:
                ended_early = _wait(
                    started,
                    seconds,
                    lambda left: live.update(
                        "[hw.note]"
                        + messages.TIMER_LEFT.format(
                            minutes=int(left) // 60, seconds=int(left) % 60
                        )
                        + f"[/]  [hw.label]{messages.TIMER_STOP_EARLY}[/]"
                    ),
                )
        spent = round(min(seconds, time.monotonic() - started))
        if ended_early:
            stopped = messages.TIMER_STOPPED.format(minutes=spent // 60, seconds=spent % 60)
            self.out.print(f"[hw.label]{stopped}[/]")
        else:
            self.out.print(f"\a[hw.ok]{messages.TIMER_DONE}[/] {messages.TIMER_DONE_BREATHE}")
        return spent

    def ask_mood(self, problem: str | None) -> str | None:
        if problem:
            self.out.print(f"[hw.warn]{display.clean(problem)}[/]")
        else:
            self.out.print()
            from hwjournal.render.words import moods as mood_words

            moods = " · ".join(f"{number} {word}" for number, word in mood_words().items())
            self.out.print(f"[hw.title]{messages.MOOD_ASK}[/]")
            self.out.print(f"[hw.label]{messages.MOOD_SCALE.format(moods=moods)}[/]")
        return read_line(ARROW)


def _wait(started: float, seconds: float, show: Any) -> bool:
    """Wait out a timer, calling show(seconds left) a few times a second; True when
    Enter ended it early."""
    while True:
        left = max(0.0, seconds - (time.monotonic() - started))
        show(left)
        if left <= 0:
            return False
        ready, _, _ = select.select([sys.stdin], [], [], min(0.25, left))
        if ready:
            sys.stdin.readline()
            return True


def _listing(listed: list[tuple[str, str]]) -> Any:
    """What to type and what it means, one a line: keys right-aligned (" 9" above
    "10"), and a meaning that wraps goes on under itself."""
    from rich.padding import Padding
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="hw.id", no_wrap=True)
    table.add_column()
    for key, meaning in listed:
        table.add_row(key, display.text(meaning))
    return Padding(table, (0, 0, 0, 2), expand=False)


def offer_crisis_contact(config: Any, template: Template) -> None:
    """The first time an exercise that can alert is started in a terminal with no
    crisis contact set, ask once (skippable) for a name or number to show."""
    if config.crisis_contact or "crisis_contact" in config.given:
        return
    if not any(step.alert_at is not None for step in template.steps):
        return
    from hwjournal import config as config_mod
    from hwjournal.streams import say

    say("")
    say(messages.CRISIS_ASK)
    say(messages.CRISIS_ASK_WHO)
    try:
        contact = (read_line(ARROW) or "").strip()  # None: Ctrl-D, no answer
    except EOFError:
        contact = ""
    # an empty answer is kept too, so that hw does not ask again
    config.crisis_contact = config_mod.set_value("crisis_contact", contact)
    config.given.append("crisis_contact")
    if contact:
        say(messages.CRISIS_SAVED)
