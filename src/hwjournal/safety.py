"""What hw says when someone may be in danger, and in which order: an alert after an
answer that reached its step's alert level, and `hw sos`. Plain data and text only;
the terminal and the command draw it.

Where to turn comes in one fixed order (crisis practice): emergency services first,
for anyone who might act on thoughts of harming themselves; then the country's
crisis lines, for anyone struggling without any plan to act; then the person's own
crisis contact; then the people and professionals of their safety plan; then their
therapist. An alert puts what was noticed (the step's or the template's own words,
which name no one to turn to) before it, and after it that hw tells no one and
watches nothing, and, for a private entry, that the therapist will not see it.
"""

from __future__ import annotations

from hwjournal import crisis, messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any

    from hwjournal.journal import Entry, Journal
    from hwjournal.steps import Step

PLAN_TEMPLATE = "safety-plan"
# the safety plan's steps that name whom to turn to (the spec fixes these ids)
PLAN_PEOPLE = "people_help"
PLAN_PROFESSIONALS = "professionals"
NBSP = "\u00a0"
# A phone number inside free text (a crisis contact, a plan's line): digits with the
# spaces, dots, dashes and brackets people write in them. What the pattern
# r"\+?\(?\d[\d .()\-]*\d" finds, found without `re` (whose import would cost
# `hw sos` a fifth of its time): tests/test_safety_numbers.py holds the two equal.
_INSIDE = frozenset(" .()-")


def _numbers(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each phone number in the text, left to right, as re.finditer."""
    at, size = 0, len(text)
    while at < size:
        first = at + (text[at] == "+")
        first += first < size and text[first] == "("
        if first < size and text[first].isdecimal():
            end = last = first + 1
            while end < size and (text[end].isdecimal() or text[end] in _INSIDE):
                if text[end].isdecimal():
                    last = end + 1
                end += 1
            if last > first + 1:
                yield at, last
                at = last
                continue
        at += 1


class Turn:
    """One place to turn: its kind (the spec's words), the sentence shown, and the
    first number in it as the organisation writes it (or None)."""

    def __init__(self, kind: str, text: str, phone: str | None = None) -> None:
        self.kind = kind
        self.text = text
        self.phone = phone

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "phone": self.phone}


def whole_numbers(text: str, glue: str = NBSP) -> str:
    """The text with every space inside a phone number made `glue` (non-breaking by
    default), so no wrapping, at any width, puts half a number on the next line."""
    parts, done = [], 0
    for start, end in _numbers(text):
        parts += [text[done:start], text[start:end].replace(" ", glue)]
        done = end
    return "".join(parts) + text[done:]


def latest_plan(journal: Journal) -> Entry | None:
    """The newest complete safety plan, private or not."""
    found = journal.find(limit=1, template=PLAN_TEMPLATE)
    return found[0] if found else None


def plan_offers(plan: Entry | None) -> dict[str, Any]:
    """What a new safety plan offers from the latest one: each list step's items."""
    if plan is None:
        return {}
    return {
        step["id"]: plan.answers[step["id"]]
        for step in plan.steps
        if step.get("type") == "list" and plan.answers.get(step.get("id", ""))
    }


def _named(plan: Entry | None, step: str) -> list[str]:
    if plan is None:
        return []
    value = plan.answers.get(step)
    if isinstance(value, str):
        value = [value]
    return [v.strip() for v in value or [] if isinstance(v, str) and v.strip()]


def plan_contacts(plan: Entry | None) -> list[str]:
    """The people and professionals a safety plan names, in its order."""
    return _named(plan, PLAN_PEOPLE) + _named(plan, PLAN_PROFESSIONALS)


def _first_number(text: str) -> str | None:
    found = next(_numbers(text), None)
    if found is None:
        return None
    number = text[found[0] : found[1]]
    if sum(c.isdigit() for c in number) < 3:
        return None
    return number.strip()


def _or(numbers: list[str] | tuple[str, ...]) -> str:
    if len(numbers) == 1:
        return numbers[0]
    return messages.SAFETY_OR.format(some=", ".join(numbers[:-1]), last=numbers[-1])


def emergency(country: crisis.Country | None) -> Turn:
    if country is None:
        numbers = _or(crisis.COMMON_EMERGENCY)
        return Turn("emergency", messages.SAFETY_EMERGENCY_ANY.format(numbers=numbers))
    text = messages.SAFETY_EMERGENCY.format(numbers=_or(country.emergency))
    return Turn("emergency", text, country.emergency[0])


def crisis_line(line: crisis.Line) -> Turn:
    """ "Samaritans: call 116 123, free, day or night."."""
    if line.sms and line.sms == line.phone:
        text = messages.SAFETY_LINE_CALL_TEXT.format(name=line.name, phone=line.phone)
    else:
        phones = _or([line.phone, *line.other_phones])
        text = messages.SAFETY_LINE_CALL.format(name=line.name, phone=phones)
        if line.sms:
            text += messages.SAFETY_LINE_SMS.format(sms=line.sms)
    if line.free:
        text += messages.SAFETY_LINE_FREE
    if line.hours == "24/7":
        text += messages.SAFETY_LINE_ALWAYS
    elif line.hours:
        text += messages.SAFETY_LINE_HOURS.format(hours=line.hours)
    return Turn("crisis_line", text + _options(line) + ".", line.phone)


def _options(line: crisis.Line) -> str:
    """Other ways into the same line, a language at a time: "; in Spanish, press 2 or
    text AYUDA" (988's own words: press 2 when it answers, or text AYUDA to 988)."""
    ways: dict[str, list[str]] = {}
    for option in line.options:
        found = ways.setdefault(option["language"], [])
        if option.get("press"):
            found.append(messages.SAFETY_OPTION_PRESS.format(key=option["press"]))
        if option.get("sms_keyword"):
            found.append(messages.SAFETY_OPTION_KEYWORD.format(keyword=option["sms_keyword"]))
    return "".join(
        messages.SAFETY_LINE_IN_LANGUAGE.format(
            language=messages.LANGUAGE_NAMES.get(code, code), ways=_or(found)
        )
        for code, found in ways.items()
        if found
    )


def crisis_lines(country: crisis.Country | None) -> list[Turn]:
    if country is None or not country.lines:
        return [Turn("crisis_line", messages.SAFETY_DIRECTORY.format(site=crisis.DIRECTORY))]
    return [crisis_line(line) for line in country.lines]


def where_to_turn(
    crisis_contact: str, plan: Entry | None, country: crisis.Country | None = None
) -> list[Turn]:
    """Where to turn now, in the fixed order, each its own item."""
    turns = [emergency(country), *crisis_lines(country)]
    contact = crisis_contact.strip()
    if contact:
        turns.append(
            Turn(
                "crisis_contact",
                messages.SAFETY_CONTACT.format(contact=contact),
                _first_number(contact),
            )
        )
    people, professionals = _named(plan, PLAN_PEOPLE), _named(plan, PLAN_PROFESSIONALS)
    if people:
        text = messages.SAFETY_PLAN_PEOPLE.format(people="; ".join(people))
        turns.append(Turn("plan_person", text, _first_number(people[0])))
    if professionals:
        text = messages.SAFETY_PLAN_PROFESSIONALS.format(people="; ".join(professionals))
        turns.append(Turn("plan_professional", text, _first_number(professionals[0])))
    if plan is None:
        turns.append(Turn("make_plan", messages.SAFETY_MAKE_PLAN))
    turns.append(Turn("therapist", messages.SAFETY_THERAPIST))
    return turns


def first_line(country: crisis.Country | None) -> str:
    """The last line after an entry that alerted: hw sos, and the first crisis line."""
    if country is None or not country.lines:
        return messages.ALERT_LAST_LINE_ANY.format(site=crisis.DIRECTORY)
    line = country.lines[0]
    return messages.ALERT_LAST_LINE.format(name=line.name, phone=line.phone)


class Alert:
    """One alert, in its three parts: what was noticed (one or more texts), where to
    turn now (most urgent first), and what follows (hw tells no one; the private
    note). Urgent: the therapist line asks to tell someone today."""

    def __init__(self, noticed: list[str], turn_to: list[Turn], after: list[str]) -> None:
        self.noticed = noticed
        self.turn_to = turn_to
        self.after = after

    def lines(self, spaced: bool = False) -> list[str]:
        """The alert as plain lines, in the order they are shown; spaced: with an empty
        line before it and between its parts, for a person reading it at a terminal."""
        gap = [""] if spaced else []
        noticed: list[str] = []
        for text in self.noticed:
            noticed += [*(gap if noticed else []), *text.split("\n")]
        return [
            *gap,
            *noticed,
            *gap,
            messages.SAFETY_WHERE_NOW,
            *("- " + turn.text for turn in self.turn_to),
            *gap,
            *self.after,
        ]


def urgent(step: Step, value: Any) -> bool:
    """Whether an answer reaches its step's urgent level (`urgent_at`): its points on
    a scored step, yes on a yes-or-no step (the step's type says)."""
    return value is not None and step.urgent(value)


def alert(noticed: list[str], turn_to: list[Turn], private: bool, is_urgent: bool = False) -> Alert:
    """What to tell a person whose answer(s) reached an alert level."""
    if is_urgent:
        turn_to = [
            Turn("therapist", messages.SAFETY_URGENT) if t.kind == "therapist" else t
            for t in turn_to
        ]
    after = [messages.ALERT_NO_ONE]
    if private:
        after.append(messages.ALERT_PRIVATE_NOTE)
    texts = [t.strip() for t in noticed if t.strip()] or [messages.ALERT_DEFAULT]
    return Alert(texts, turn_to, after)


class Alerter:
    """The alerts of one entry: the full block once, then, for each later alerting
    answer, only its step's own words, that the help above still stands, and the
    urgent line if this answer is urgent and the block was not."""

    def __init__(
        self,
        template_alert: str,
        turn_to: Callable[[], list[Turn]],
        private: bool,
        show_block: Callable[[Alert], None],
        show_lines: Callable[[list[str]], None],
    ) -> None:
        self.template_alert = template_alert
        self.turn_to = turn_to
        self.private = private
        self.show_block = show_block
        self.show_lines = show_lines
        self.block_shown = False
        self.urgent_shown = False

    def words(self, step: Step) -> str:
        return (getattr(step, "alert", "") or self.template_alert).strip()

    def answer(self, step: Step, value: Any) -> None:
        """One accepted answer at a terminal: alert if it reaches its level; a step's
        notice (a gentle suggestion, no alert) if it reaches that."""
        if value is not None and step.notices(value):
            self.show_lines([step.notice])
        if value is None or not step.alerts(value):
            return
        is_urgent = urgent(step, value)
        if not self.block_shown:
            self.block_shown, self.urgent_shown = True, is_urgent
            self.show_block(alert([self.words(step)], self.turn_to(), self.private, is_urgent))
            return
        own = getattr(step, "alert", "").strip()
        lines = [own, ""] if own else []
        lines.append(messages.ALERT_STILL_STANDS)
        if is_urgent and not self.urgent_shown:
            self.urgent_shown = True
            lines.append(messages.SAFETY_URGENT)
        self.show_lines(lines)

    def entry(self, steps: list[Step], answers: dict[str, Any]) -> None:
        """Answers given all at once (without a terminal, or by flag): one block for
        all of them, each distinct alert text once in step order, then where to turn."""
        for step in steps:
            if step.id in answers and step.notices(answers[step.id]):
                self.show_lines([step.notice])
        alerting = [s for s in steps if s.id in answers and s.alerts(answers[s.id])]
        if not alerting:
            return
        texts: list[str] = []
        for step in alerting:
            if self.words(step) not in texts:
                texts.append(self.words(step))
        is_urgent = any(urgent(s, answers[s.id]) for s in alerting)
        self.block_shown, self.urgent_shown = True, is_urgent
        self.show_block(alert(texts, self.turn_to(), self.private, is_urgent))


def sos_data(
    crisis_contact: str, plan: Entry | None, country: crisis.Country | None = None
) -> dict[str, Any]:
    """`hw sos --json`: the plan (its entry JSON), the crisis contact, the emergency
    advice, the country, where to turn in order, and the next step."""
    turns = where_to_turn(crisis_contact, plan, country)
    return {
        "plan": plan.to_json() if plan is not None else None,
        "crisis_contact": crisis_contact.strip() or None,
        "emergency": turns[0].text,
        "country": country.code if country is not None else None,
        "where_to_turn": [turn.as_json() for turn in turns],
        "next_step": messages.SOS_NEXT,
    }
