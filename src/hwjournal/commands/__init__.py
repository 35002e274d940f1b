"""One module per command. Each has a plain `run_*` function that does the work
(no Typer, no Rich at import time) and a `register(app)` that adds its Typer
command; the fast path calls the `run_*` functions directly."""
