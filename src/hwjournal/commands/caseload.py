"""hw caseload FILE|DIR...: one row a client, from the hw exports clients sent their
therapist. Reads only: no journal is opened, nothing is written anywhere."""

from hwjournal import messages
from hwjournal.context import Context, print_json, say
from hwjournal.dates import today
from hwjournal.errors import UsageError


def run_caseload(ctx: Context, *, paths: list[str], json: bool) -> int:
    from hwjournal import caseload
    from hwjournal.display import clean

    problems: list[str] = []

    def passed_over(path: str, problem: str) -> None:
        problems.append(clean(messages.CASELOAD_PASSED_OVER.format(path=path, problem=problem)))

    day = today()
    clients = caseload.read_all(paths, day, ctx.config.template_dirs, passed_over)
    if not clients:
        for problem in problems:
            say(problem)
        raise UsageError(messages.CASELOAD_NONE, messages.CASELOAD_NONE_HINT)
    if json:
        print_json([client.to_json() for client in clients])
    else:
        from hwjournal import display
        from hwjournal.render.caseload import caseload_view

        display.show(ctx, caseload_view(clients, day), page=True)
    for problem in problems:  # after the screen, so that a pager leaves them in sight
        say(problem)
    return 0
