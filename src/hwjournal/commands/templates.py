"""hw templates list | show | validate: the exercises hw knows."""

import os

from hwjournal import templates
from hwjournal.context import Context, print_json, say
from hwjournal.errors import TemplateError, UsageError


def _catalog(ctx: Context) -> templates.Catalog:
    found = templates.catalog(ctx.config.template_dirs)
    for problem in found.problems:
        say(f"Skipped a broken template: {problem.message}")
    return found


def run_list(ctx: Context, *, modality: str | None, goal: str | None, json: bool) -> int:
    if goal and goal not in templates.GOALS:
        raise UsageError(
            f"'{goal}' is not one of the goals.", f"Goals are: {', '.join(templates.GOALS)}."
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
        say("No template matches that.")
        return 0
    from hwjournal import display
    from hwjournal.render.templates import catalogue

    display.console().print(catalogue(chosen))
    return 0


def run_show(ctx: Context, *, template_id: str, json: bool) -> int:
    template = templates.find(template_id, ctx.config.template_dirs)
    if json:
        print_json(template.to_json())
        return 0
    from hwjournal import display
    from hwjournal.render.templates import explain

    display.console().print(explain(template))
    return 0


def run_validate(ctx: Context, *, files: list[str], json: bool) -> int:
    # a link to nothing is there, and load_file says where it points
    missing = [f for f in files if not os.path.lexists(f)]
    if missing:
        raise UsageError(f"No such file: {', '.join(missing)}.", "Check the path and try again.")
    results = []
    failed = False
    for path in files:
        try:
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
                say(f"✗ {exc.message}")
            continue
        warnings = templates.warnings_for(template)
        results.append(
            {
                "path": path,
                "ok": True,
                "id": template.id,
                "error": None,
                "key": None,
                "line": None,
                "warnings": warnings,
            }
        )
        if not json:
            say(f"✓ {path}: {template.id} is valid.")
            for warning in warnings:
                say(f"  note: {warning}")
    if json:
        print_json(results)
    return 1 if failed else 0
