"""What every command needs: where the journal is, the settings, how an encrypted
journal may be unlocked, and how to print results (stdout) and messages (stderr,
from streams.py). Nothing here imports Rich.

This module loads on every run, `hw due` in a shell prompt included, so it imports
only os and sys up front: the journal, the settings and json load when first used.
"""

from __future__ import annotations

import os

from hwjournal import paths
from hwjournal.streams import (
    print_json,
    say,
    stdin_is_terminal,
    stdout_is_terminal,
    terminal_width,
    wrap,
)

__all__ = [
    "Context",
    "plain_from_environment",
    "print_json",
    "say",
    "stdin_is_terminal",
    "stdout_is_terminal",
    "terminal_width",
    "wrap",
]

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from hwjournal.config import Config
    from hwjournal.journal import Journal
    from hwjournal.journal.database import Unlocker


class Context:
    """The global options of one run, and the settings, read once when first asked for.

    plain: draw every screen in words and numbers, for screen readers and braille
    displays (`--plain`, or HW_PLAIN, or TERM=dumb); pager: a screen taller than the
    terminal may open in a pager (off with `--no-pager`)."""

    def __init__(
        self,
        journal_flag: str | None = None,
        _config: Config | None = None,
        plain: bool = False,
        pager: bool = True,
    ) -> None:
        self.journal_flag = journal_flag
        self._config = _config
        self.plain = plain or plain_from_environment()
        self.pager = pager
        self._journals: list[Journal] = []
        self._language: str | None = None

    @classmethod
    def from_globals(cls, options: dict[str, Any]) -> Context:
        """The context for the global options fast.split_globals read."""
        return cls(
            journal_flag=options.get("journal"),
            plain=bool(options.get("plain")),
            pager=not options.get("no_pager"),
        )

    def __repr__(self) -> str:
        return (
            f"Context(journal_flag={self.journal_flag!r}, plain={self.plain!r}, "
            f"pager={self.pager!r})"
        )

    @property
    def journal_path(self) -> str:
        return paths.journal_path(self.journal_flag)

    @property
    def config(self) -> Config:
        if self._config is None:
            from hwjournal import config

            self._config = config.load()
            for line in config.unknown_warnings(self._config):
                say(line)
        return self._config

    @property
    def language(self) -> str:
        """The language hw speaks in this run (language.py): the setting, else the
        locale, else English."""
        if self._language is None:
            from hwjournal.errors import HwError
            from hwjournal.language import resolve

            setting = self._language_setting()
            if setting is None:
                try:
                    setting = self.config.language
                except HwError:
                    setting = ""  # a broken config file is reported by the command that reads it
            self._language = resolve(setting)
        return self._language

    def _language_setting(self) -> str | None:
        """The language setting, read cheaply from the settings file where it is the
        plain line hw writes (language.setting_in); None to read the file properly."""
        if self._config is not None:
            return self._config.language
        from hwjournal.language import setting_in

        try:
            # never wait on a pipe or a device: only a regular file is read here, and
            # anything else is left to the settings loader, which says what it is
            fd = os.open(paths.config_path(), os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError:
            return ""
        except OSError:
            return None
        try:
            import stat

            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            with open(fd, encoding="utf-8", closefd=False) as file:
                return setting_in(file.read(65536))
        except FileNotFoundError:
            return ""
        except (OSError, UnicodeDecodeError, ValueError):
            return None
        finally:
            os.close(fd)

    def unlocker(self, ask: bool = True) -> Unlocker:
        """How an encrypted journal may find its key in this run: the keyring as the
        settings say (read only if it comes to that), the passphrase asked at this
        terminal. ask=False: an unlocked session only."""
        from hwjournal.journal.database import Unlocker

        return Unlocker(ask=ask, keyring=self._keyring_on, prompter=TerminalKeyPrompt())

    def _keyring_on(self) -> bool:
        from hwjournal.errors import HwError

        try:
            return bool(self.config.keyring)
        except HwError:
            return False  # a broken config file is reported by the command that reads it

    def open_journal(self, write: bool = False, upgrade: bool = True, ask: bool = True) -> Journal:
        """upgrade=False: an older journal is refused rather than migrated. ask=False:
        an encrypted journal opens from an unlocked session only, never with a prompt
        or HW_PASSPHRASE_COMMAND (locked: keys.Locked, a JournalError)."""
        from hwjournal.journal import Journal

        unlock = self.unlocker(ask)
        journal = Journal.open(self.journal_path, create=write, upgrade=upgrade, unlock=unlock)
        self._journals.append(journal)
        return journal

    def close(self) -> None:
        """Close the journals this run opened, so their write-ahead log is folded back
        and removed now rather than whenever the interpreter gets to it."""
        while self._journals:
            self._journals.pop().close()


class TerminalKeyPrompt:
    """The passphrase asked at this terminal (journal.database's Prompter): the
    check is cheap, the prompt itself (terminal.ask_hidden) loads only when asked."""

    def can_ask(self) -> bool:
        # getpass reads /dev/tty even when stdin is a pipe: check both ends first
        return stdin_is_terminal() and stdout_is_terminal()

    def ask_hidden(self, prompt: str) -> str:
        from hwjournal.terminal import ask_hidden

        return ask_hidden(prompt)

    def tell(self, line: str) -> None:
        say(line)  # wrapped at words: a Spanish line is often longer than the English


def plain_from_environment() -> bool:
    """HW_PLAIN set to anything but empty or 0, or a terminal that says it is dumb."""
    return os.environ.get("HW_PLAIN", "") not in ("", "0") or os.environ.get("TERM") == "dumb"
