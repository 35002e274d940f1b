"""One module per command. Each has plain `run_*(ctx, *, ...)` functions that parse
nothing, call the core and draw the result (no Typer, no Rich at import time). Their
options and arguments are declared in spec.py, from which both the fast path and the
Typer command line call them."""
