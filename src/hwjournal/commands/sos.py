"""hw sos: the person's own safety plan, one next step, and where to turn now, at once.

It never asks anything and never fails: with no journal, an unreadable or locked one,
or a broken config, it still shows the emergency advice and the crisis lines (and the
crisis contact where it can be read). It only reads: an older journal is not upgraded."""

from hwjournal import crisis, messages, safety
from hwjournal.context import Context, print_json, say
from hwjournal.errors import HwError


def run_sos(ctx: Context, *, json: bool) -> int:
    contact, setting = _settings(ctx)
    country, _ = crisis.person_country(setting)
    plan, problem = _plan(ctx)
    if json:
        print_json(safety.sos_data(contact, plan, country))
        return 0
    from hwjournal import display
    from hwjournal.render.safety import sos_screen

    turn_to = safety.where_to_turn(contact, plan, country)
    headings = _headings(ctx, plan) if plan is not None else {}
    display.show(ctx, sos_screen(turn_to, plan, problem, headings))
    return 0


def _settings(ctx: Context) -> tuple[str, str]:
    """The crisis contact and the country setting; a settings file that cannot be read
    is said in one line, and must not hide the rest of the advice."""
    try:
        return ctx.config.crisis_contact, ctx.config.country
    except HwError as exc:
        say(messages.SOS_SETTINGS_UNREADABLE.format(problem=" ".join(exc.message.split())))
        return "", ""


def _headings(ctx: Context, plan: object) -> dict[str, str]:
    """Headings for a plan made before its steps had them: the template's own."""
    if all(step.get("heading") for step in getattr(plan, "steps", [])):
        return {}
    try:
        from hwjournal import templates

        template = templates.find(safety.PLAN_TEMPLATE, [])
    except Exception:  # a heading is a nicety: the plan shows with its prompts instead
        return {}
    return {step.id: step.heading for step in template.steps if step.heading}


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
