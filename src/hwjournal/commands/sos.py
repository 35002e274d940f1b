"""hw sos: where to turn now, and the person's own safety plan, at once.

It never asks anything and never fails: with no journal, an unreadable or locked one,
or a broken config, it still shows the emergency advice (and the crisis contact where
it can be read). It only reads: an older journal is not upgraded by it."""

from hwjournal import messages, safety
from hwjournal.context import Context, print_json
from hwjournal.errors import HwError


def run_sos(ctx: Context, *, json: bool) -> int:
    contact = _crisis_contact(ctx)
    plan, problem = _plan(ctx)
    if json:
        print_json(safety.sos_data(contact, plan))
        return 0
    from hwjournal import display
    from hwjournal.render.safety import sos_screen

    turn_to = safety.where_to_turn(contact, plan)
    display.show(ctx, sos_screen(turn_to, plan, problem))
    return 0


def _crisis_contact(ctx: Context) -> str:
    try:
        return ctx.config.crisis_contact
    except HwError:  # a broken settings file must not hide the advice
        return ""


def _plan(ctx: Context) -> tuple[object, str | None]:
    """The newest safety plan, or None with the reason it could not be read."""
    import os

    try:
        if not os.path.exists(ctx.journal_path):
            return None, None
        journal = ctx.open_journal(upgrade=False, ask=False)
        return safety.latest_plan(journal), None
    except HwError as exc:
        return None, messages.SOS_PLAN_UNREADABLE.format(problem=exc.message)
    except Exception as exc:  # in a crisis, nothing may stand between a person and the advice
        return None, messages.SOS_PLAN_UNREADABLE.format(problem=exc)
