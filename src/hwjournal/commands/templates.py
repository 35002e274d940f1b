"""hw templates list | show | validate: the exercises hw knows."""

import os
from typing import Any

from hwjournal import templates
from hwjournal.context import Context, print_json, say
from hwjournal.errors import TemplateError, UsageError


def _catalog(ctx: Context) -> templates.Catalog:
    found = templates.catalog(ctx.config.template_dirs)
    for problem in found.problems:
        say(f"Skipped a broken template: {problem.message}")
    return found


def run_list(
    ctx: Context, modality: str | None = None, goal: str | None = None, json: bool = False
) -> int:
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


def run_show(ctx: Context, template_id: str, json: bool = False) -> int:
    template = templates.find(template_id, ctx.config.template_dirs)
    if json:
        print_json(template.to_json())
        return 0
    from hwjournal import display
    from hwjournal.render.templates import explain

    display.console().print(explain(template))
    return 0


def run_validate(ctx: Context, files: list[str], json: bool = False) -> int:
    missing = [f for f in files if not os.path.exists(f)]
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


def register(app: Any) -> None:
    from typing import Annotated

    import typer

    from hwjournal import completion

    group = typer.Typer(
        help="The exercises hw knows: list, show, new, validate.", no_args_is_help=True
    )
    app.add_typer(group, name="templates")
    json_opt = typer.Option("--json", help="Print JSON for scripts instead of a screen.")

    @group.command("list")
    def list_(
        modality: Annotated[str | None, typer.Option(help="Only this modality, e.g. CBT.")] = None,
        goal: Annotated[str | None, typer.Option(help="Only templates serving this goal.")] = None,
        json: Annotated[bool, json_opt] = False,
    ) -> None:
        """Every template, built-in and yours."""
        from hwjournal.cli import state

        raise typer.Exit(run_list(state, modality, goal, json))

    @group.command("show")
    def show(
        template_id: Annotated[
            str, typer.Argument(metavar="ID", autocompletion=completion.template_ids)
        ],
        json: Annotated[bool, json_opt] = False,
    ) -> None:
        """A template's steps, why it works, and where it comes from."""
        from hwjournal.cli import state

        raise typer.Exit(run_show(state, template_id, json))

    @group.command("validate")
    def validate(
        files: Annotated[list[str], typer.Argument(metavar="PATH...")],
        json: Annotated[bool, json_opt] = False,
    ) -> None:
        """Check template files; exit 1 if any does not validate."""
        from hwjournal.cli import state

        raise typer.Exit(run_validate(state, files, json))

    from hwjournal.commands import authoring

    authoring.register(group)
