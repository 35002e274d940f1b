"""hw templates list | show | validate: the exercises hw knows."""

import os

from hwjournal import messages, overlays, templates
from hwjournal.context import Context, print_json, say
from hwjournal.errors import TemplateError, UsageError
from hwjournal.ids import is_template_id


def _catalog(ctx: Context) -> templates.Catalog:
    found = templates.catalog(ctx.config.template_dirs, ctx.language, on_problem=say)
    for problem in found.problems:
        say(messages.TEMPLATE_SKIPPED_BROKEN.format(problem=problem.message))
    return found


def run_list(ctx: Context, *, modality: str | None, goal: str | None, json: bool) -> int:
    if goal and goal not in templates.GOALS:
        raise UsageError(
            messages.GOAL_UNKNOWN.format(goal=goal),
            messages.GOALS_ARE.format(goals=", ".join(templates.GOALS)),
        )
    chosen = [
        t
        for t in _catalog(ctx).templates.values()
        if (not modality or t.modality.lower() == modality.lower())
        and (not goal or goal in t.goals)
    ]
    if json:
        print_json([{k: v for k, v in t.to_json().items() if k != "steps"} for t in chosen])
        return 0
    if not chosen:
        say(messages.TEMPLATES_NONE_MATCH)
        return 0
    from hwjournal import display
    from hwjournal.render.templates import catalogue

    display.show(ctx, catalogue(chosen))
    return 0


def run_show(ctx: Context, *, template_id: str, json: bool) -> int:
    template = templates.find(
        template_id, ctx.config.template_dirs, on_problem=say, language=ctx.language
    )
    if template.original:
        say(messages.INSTRUMENT_ORIGINAL)
    if json:
        print_json(template.to_json())
        return 0
    from hwjournal import display
    from hwjournal.render.templates import explain

    display.show(ctx, explain(template), page=True)
    return 0


def run_validate(ctx: Context, *, files: list[str], json: bool) -> int:
    # a link to nothing is there, and load_file says where it points
    missing = [f for f in files if not os.path.lexists(f)]
    if missing:
        raise UsageError(
            messages.NO_SUCH_FILE.format(path=", ".join(missing)), messages.CHECK_THE_PATH
        )
    results = []
    failed = False
    # marks in words for a screen reader or braille display
    good, bad = ("ok:", "problem:") if ctx.plain else ("✓", "✗")
    for path in files:
        overlay = overlays.is_overlay(path)
        try:
            if overlay:
                template = _overlay(path, ctx.config.template_dirs)
            else:
                template = templates.load_file(path)
        except TemplateError as exc:
            failed = True
            results.append(
                {
                    "path": path,
                    "ok": False,
                    "error": exc.detail,
                    "key": exc.key,
                    "line": exc.line,
                    "warnings": [],
                }
            )
            if not json:
                say(messages.TEMPLATE_INVALID.format(mark=bad, problem=exc.message))
            continue
        warnings = [] if overlay else templates.warnings_for(template)
        results.append(
            {
                "path": path,
                "ok": True,
                "id": template.id,
                "error": None,
                "key": None,
                "line": None,
                "warnings": warnings,
                "language": template.language or None,
            }
        )
        if not json and overlay:
            language = template.language
            say(
                messages.OVERLAY_VALID.format(
                    mark=good, path=path, language=language, id=template.id
                )
            )
        elif not json:
            say(messages.TEMPLATE_VALID.format(mark=good, path=path, id=template.id))
            for warning in warnings:
                say(messages.TEMPLATE_NOTE.format(note=warning))
    if json:
        print_json(results)
    return 1 if failed else 0


def _overlay(path: str, extra_dirs: list[str] | None) -> templates.Template:
    """An overlay file checked against its template (named by the overlay's `id`:
    the template beside the overlay's folder, else any template hw knows); the
    template, translated. TemplateError for anything wrong."""
    from hwjournal import template_files
    from hwjournal.errors import HwError

    data, text = template_files.read(path)
    template_id = data.get("id")
    if not isinstance(template_id, str) or not is_template_id(template_id):
        line = template_files.line_of(text, "id")
        raise TemplateError(path, messages.OVERLAY_NEEDS_ID, key="id", line=line)
    folder = os.path.dirname(os.path.dirname(os.path.abspath(path)))
    beside = os.path.join(folder, f"{template_id}.toml")
    try:
        if os.path.isfile(beside):
            template = templates.load_file(beside)
        else:
            template = templates.find(template_id, extra_dirs)
    except HwError:
        line = template_files.line_of(text, "id")
        message = messages.OVERLAY_NO_TEMPLATE.format(id=template_id)
        raise TemplateError(path, message, key="id", line=line) from None
    overlays.check(template, data, path, text)
    translated = overlays.apply(template, data, path, text, templates.from_data)
    translated.language = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return translated
