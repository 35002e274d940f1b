#!/usr/bin/env bash
# Run the whole test suite with the clock moved to other days, to prove that no test
# depends on the date it runs on. For each day the clock is shifted so that the run
# starts there at 09:00 UTC and runs on as usual, in pytest, hw and every process they
# start (libfaketime's LD_PRELOAD and FAKETIME are inherited). Needs faketime
# (apt-get install faketime) and the project installed in .venv (or PYTHON).
#   scripts/suite-on-other-days.sh 2027-02-28 2028-02-29 2031-12-31
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is not installed: apt-get install faketime" >&2; exit 2; }
PY=${PYTHON:-.venv/bin/python}
days=("$@")
[ ${#days[@]} -gt 0 ] || days=(2027-02-28 2028-02-29 2031-12-31)
# Two terminal tests stop a long answer with Ctrl-C; under libfaketime's LD_PRELOAD
# that Ctrl-C never arrives, even with the clock moved by 0 s (so not the date's
# doing): they are left out here, and run in every ordinary run.
skip=(
    --deselect "tests/test_interactive.py::test_ctrl_c_keeps_a_draft_with_half_typed_text_and_resume_finishes_it"
    --deselect "tests/test_interactive.py::test_every_step_type_with_wrong_answers_asked_again"
)
status=0
for day in "${days[@]}"; do
    offset=$(( $(date -u -d "$day 09:00:00" +%s) - $(date -u +%s) ))
    echo "== the suite on $day (the clock moved by ${offset} s)"
    faketime -f "${offset/#[0-9]/+&}" "$PY" -m pytest -q -p no:cacheprovider "${skip[@]}" || status=1
done
exit $status
