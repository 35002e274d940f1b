"""A skip: one occasion set aside, with what got in the way (a barrier, in the
words people use) and an optional reason. Recording skips is in skipping.py."""

from __future__ import annotations

from hwjournal import messages
from hwjournal.errors import UsageError
from hwjournal.plans.record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# What got in the way, as people say it (in the run's language). Never a verdict.
BARRIERS: dict[str, str] = messages.BARRIER_WORDS
# Without a terminal to ask, and no --barrier, a skip is recorded as this.
DEFAULT_BARRIER = "other"

# The columns a SkipRecord is built from, in order: `skips s JOIN assignments a`.
COLUMNS = "s.assignment_id, a.template, s.date, s.barrier, s.reason, s.uid, s.created_at"


class SkipRecord(Record):
    _fields = ("assignment_id", "template", "date", "barrier", "reason", "uid", "created_at")

    def __init__(
        self,
        assignment_id: int,
        template: str,
        date: str,
        barrier: str,
        reason: str,
        uid: str,
        created_at: str,
    ) -> None:
        self.assignment_id = assignment_id
        self.template = template
        self.date = date
        self.barrier = barrier
        self.reason = reason
        self.uid = uid
        self.created_at = created_at

    @property
    def words(self) -> str:
        """The barrier as people say it."""
        return BARRIERS.get(self.barrier, self.barrier)

    def to_json(self) -> dict[str, Any]:
        return {
            "assignment_id": self.assignment_id,
            "template": self.template,
            "date": self.date,
            "barrier": self.barrier,
            "reason": self.reason,
        }


def barrier_code(text: str) -> str:
    """A barrier given as its code or as its words."""
    value = " ".join(text.strip().lower().split())
    for code, words in BARRIERS.items():
        if value in (code, words.lower()):
            return code
    raise UsageError(
        messages.BARRIER_UNKNOWN.format(text=text),
        messages.BARRIER_HINT.format(choices=barrier_choices()),
    )


def barrier_choices() -> str:
    """Every barrier's code with its words: "time (no time), forgot (…), …"."""
    return ", ".join(f"{code} ({words})" for code, words in BARRIERS.items())
