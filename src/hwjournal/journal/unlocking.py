"""How an encrypted journal may find its key, handed in by whoever opens it.

The journal never asks a person anything, prints, or reads the settings itself:
the run's context builds an Unlocker from its settings (the keyring) and from its
terminal (a Prompter that asks for the passphrase), and journal.keys follows it.
This module imports nothing, so every opening can take one at no cost.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol

    class Prompter(Protocol):
        """A person at a terminal, who can be asked for a passphrase."""

        def can_ask(self) -> bool:
            """Whether anyone can be asked (stdin and stdout both terminals)."""

        def ask_hidden(self, prompt: str) -> str:
            """A line typed without being shown (Interrupted at end of input)."""

        def tell(self, line: str) -> None:
            """A line for the person, on stderr."""


class Unlocker:
    """Where the key may come from beyond an unlocked session.

    ask=False: the unlocked session only (no command, keyring or prompt: `hw sos`,
    completion). keyring: asked only when the key is needed, whether the person
    turned the system keyring on. prompter: None, nobody to ask (locked instead)."""

    def __init__(
        self,
        ask: bool = True,
        keyring: Callable[[], bool] | None = None,
        prompter: Prompter | None = None,
    ) -> None:
        self.ask = ask
        self._keyring = keyring
        self.prompter = prompter

    def keyring_enabled(self) -> bool:
        return self._keyring is not None and bool(self._keyring())

    def can_prompt(self) -> bool:
        return self.prompter is not None and self.prompter.can_ask()

    def ask_hidden(self, prompt: str) -> str:
        assert self.prompter is not None, "ask only after can_prompt()"
        return self.prompter.ask_hidden(prompt)

    def tell(self, line: str) -> None:
        if self.prompter is not None:
            self.prompter.tell(line)

    def session_only(self) -> Unlocker:
        return Unlocker(ask=False, keyring=self._keyring, prompter=self.prompter)


# The unlocked session only: for readers that must never ask (hw sos, completion).
SESSION_ONLY = Unlocker(ask=False)
