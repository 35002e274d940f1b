"""What hw says when someone may be in danger, and in which order: an alert after an
answer that reached its step's alert level, and `hw sos`. Plain data and text only;
the terminal and the command draw it.

The order follows crisis practice: what was noticed (the template's own words, which
name no one to turn to); where to turn now, with emergency services first when the
person might act on it, then their own crisis contact and the people and
professionals from their safety plan, then their therapist; that hw tells no one and
watches nothing; and, for a private entry, that the therapist will not see it.
"""

from __future__ import annotations

from hwjournal import messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from hwjournal.journal import Entry, Journal

PLAN_TEMPLATE = "safety-plan"
# the safety plan's steps that name whom to turn to (the spec fixes these ids)
PLAN_PEOPLE = "people_help"
PLAN_PROFESSIONALS = "professionals"


def latest_plan(journal: Journal) -> Entry | None:
    """The newest complete safety plan, private or not."""
    found = journal.find(limit=1, template=PLAN_TEMPLATE)
    return found[0] if found else None


def plan_contacts(plan: Entry | None) -> list[str]:
    """The people and professionals a safety plan names, in its order."""
    if plan is None:
        return []
    named: list[str] = []
    for step in (PLAN_PEOPLE, PLAN_PROFESSIONALS):
        value = plan.answers.get(step)
        if isinstance(value, str):
            value = [value]
        named += [v.strip() for v in value or [] if isinstance(v, str) and v.strip()]
    return named


def where_to_turn(crisis_contact: str, plan: Entry | None) -> list[str]:
    """Where to turn now, most urgent first."""
    lines = [messages.SAFETY_EMERGENCY]
    if crisis_contact.strip():
        lines.append(messages.SAFETY_CONTACT.format(contact=crisis_contact.strip()))
    contacts = plan_contacts(plan)
    if contacts:
        lines.append(messages.SAFETY_PLAN_PEOPLE.format(people="; ".join(contacts)))
    elif plan is None:
        lines.append(messages.SAFETY_MAKE_PLAN)
    lines.append(messages.SAFETY_THERAPIST)
    return lines


class Alert:
    """One alert, in its three parts: what was noticed, where to turn now (most
    urgent first), and what follows (hw tells no one; the private-entry note)."""

    def __init__(self, noticed: str, turn_to: list[str], after: list[str]) -> None:
        self.noticed = noticed
        self.turn_to = turn_to
        self.after = after

    def lines(self, spaced: bool = False) -> list[str]:
        """The alert as plain lines, in the order they are shown; spaced: with an empty
        line before it and between its parts, for a person reading it at a terminal."""
        gap = [""] if spaced else []
        return [
            *gap,
            self.noticed,
            *gap,
            messages.SAFETY_WHERE_NOW,
            *("- " + line for line in self.turn_to),
            *gap,
            *self.after,
        ]


def alert(template_alert: str, crisis_contact: str, plan: Entry | None, private: bool) -> Alert:
    """What to tell a person whose answer reached its step's alert level."""
    after = [messages.ALERT_NO_ONE]
    if private:
        after.append(messages.ALERT_PRIVATE_NOTE)
    return Alert(
        template_alert.strip() or messages.ALERT_DEFAULT,
        where_to_turn(crisis_contact, plan),
        after,
    )


def sos_data(crisis_contact: str, plan: Entry | None) -> dict[str, Any]:
    """`hw sos --json`: the plan (its entry JSON), the crisis contact and the advice."""
    return {
        "plan": plan.to_json() if plan is not None else None,
        "crisis_contact": crisis_contact.strip() or None,
        "emergency": messages.SAFETY_EMERGENCY,
    }
