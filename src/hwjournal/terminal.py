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

    # ---------------------------------------------------------- framing

    def greet(self) -> None:
        t = self.template
        self.out.print()
        self.out.print(display.text(t.title, "hw.title"))
        if self.resumed:
            self.out.print("[hw.note]Picking up where you left off.[/]")
        elif t.summary:
            self.out.print(display.text(t.summary, "hw.help"))
        if t.minutes and not self.resumed:
            unit = "minute" if t.minutes == 1 else "minutes"
            self.out.print(
                f"[hw.label]About {t.minutes:g} {unit}. Press Enter to skip a "
                "step marked optional; Ctrl-C keeps a draft.[/]"
            )

    def _header(self, step: Step, number: int, total: int) -> None:
        self.out.print()
        tag = "" if step.required else " · optional"
        self.out.print(f"[hw.label]{number} of {total}{tag}[/]")
        self.out.print(display.text(step.prompt, "hw.title"))
        if step.help:
            self.out.print(display.text(step.help, "hw.help"))

    # ---------------------------------------------------------- Asker

    def ask(
        self, step: Step, number: int, total: int, problem: str | None, earlier: str | None
    ) -> str | None:
        self.current = step.id
        if problem:
            self.out.print(f"[hw.warn]{display.clean(problem)}[/] ", end="")
            self.out.print("[hw.label]Try again:[/]")
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
            self.out.print("[hw.note]You had started:[/] ", display.text(earlier), sep="")
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
            self.out.print("[hw.label]Opening your editor; save and close it to go on.[/]")
            try:
                subprocess.run([*shlex.split(command), path], check=False)
            except OSError:
                self.out.print(
                    f"[hw.warn]Could not start the editor '{display.clean(command)}'"
                    "; write here instead.[/]"
                )
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
            self.out.print("[hw.note]What you wrote before is kept:[/]")
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
            self.out.print("[hw.label]Press Enter when you are ready.[/]", end="")
            self.out.file.flush()
            read_line(edit=False)
            self.out.print()

    def timer(self, step: Step, number: int, total: int) -> int | None:
        self.current, self.partial = step.id, None
        self._header(step, number, total)
        minutes = step.minutes or 1
        self.out.print(
            f"[hw.label]Enter starts a {minutes:g}-minute timer; s then Enter skips it.[/]"
        )
        line = read_line(ARROW)
        if line is None or line.strip().lower() == "s":
            self.out.print("[hw.label]Timer skipped.[/]")
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
                        f"[hw.note]{int(left) // 60}:{int(left) % 60:02d} left[/]  "
                        "[hw.label]Enter stops it early.[/]"
                    ),
                )
        spent = round(min(seconds, time.monotonic() - started))
        if ended_early:
            self.out.print(f"[hw.label]Stopped after {spent // 60}:{spent % 60:02d}.[/]")
        else:
            self.out.print("\a[hw.ok]Time is up.[/] Take a breath before the next step.")
        return spent

    def ask_mood(self, problem: str | None) -> str | None:
        if problem:
            self.out.print(f"[hw.warn]{display.clean(problem)}[/]")
        else:
            self.out.print()
            self.out.print("[hw.title]How are you feeling right now?[/]")
            self.out.print(
                "[hw.label]1 very low · 2 low · 3 so-so · 4 good · 5 very good. Enter to skip.[/]"
            )
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
