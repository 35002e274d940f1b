"""Templates: load a TOML file, check its top level (each step is checked by its
type, in steps/), and find templates by id.

Built-in templates ship inside the package; user templates (the config folder's
templates/ and any `template_dirs`) are layered over them by id. A broken user
file never stops the others from loading: it is reported and skipped.
"""

from __future__ import annotations

import os

from hwjournal import measure_checks, messages, paths, template_files
from hwjournal.errors import NotFoundError, TemplateError, UsageError
from hwjournal.i18n import gettext  # the words of a step type, in the run's language
from hwjournal.ids import is_template_id
from hwjournal.measures import Band, Scoring
from hwjournal.steps import KIND_NAMES, Step, is_mood_step, kind_ok, parse_step

TYPE_CHECKING = False
if TYPE_CHECKING:  # `hw start` loads this module: typing and dataclasses cost it milliseconds
    from typing import Any

GOALS = (
    "self-awareness",
    "skills",
    "behavior-change",
    "cognitive-restructuring",
    "emotion-regulation",
    "self-efficacy",
    "relational-healing",
)
CADENCES = ("once", "daily", "weekly")
LAYOUTS = ("columns",)


TOP_KEYS = {
    "id": str,
    "title": str,
    "version": int,
    "modality": str,
    "goals": list,
    "summary": str,
    "why": str,
    "cadence": str,
    "minutes": (int, float),
    "layout": str,
    "source": str,
    "notice": str,
    "alert": str,
    "private": bool,
    "scoring": dict,
    "steps": list,
}


class Template:
    """One exercise as loaded from its file: its top-level keys, its steps, where it
    came from (path, builtin, overrides_builtin) and the file's data as read (raw).
    `language`: the overlay's language when one was applied (overlays.py), and
    `original` when that overlay keeps a published instrument's items as published."""

    language = ""
    original = False

    def __init__(
        self,
        id: str,
        title: str,
        steps: list[Step],
        *,
        version: int = 1,
        modality: str = "",
        goals: list[str] | None = None,
        summary: str = "",
        why: str = "",
        cadence: str = "",
        minutes: float | None = None,
        layout: str = "",
        source: str = "",
        notice: str = "",
        alert: str = "",
        private: bool = False,
        score_steps: list[str] | None = None,
        bands: list[Band] | None = None,
        scoring: Scoring | None = None,
        path: str = "",
        builtin: bool = False,
        overrides_builtin: bool = False,
        raw: dict[str, Any] | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.steps = steps
        self.version = version
        self.modality = modality
        self.goals = goals if goals is not None else []
        self.summary = summary
        self.why = why
        self.cadence = cadence
        self.minutes = minutes
        self.layout = layout
        self.source = source
        self.notice = notice
        self.alert = alert
        self.private = private  # its entries are private unless started as shared
        self.score_steps = score_steps if score_steps is not None else []
        self.bands = bands if bands is not None else []
        if scoring is None and self.score_steps:  # a template made in code, total only
            from hwjournal.measures import Scale

            scoring = Scoring(Scale(None, "", self.score_steps, self.bands), [])
        self.scoring = scoring  # the scoring engine's view of [scoring], or None
        self.path = path
        self.builtin = builtin
        self.overrides_builtin = overrides_builtin
        self.raw = raw if raw is not None else {}

    def __repr__(self) -> str:
        return f"Template({self.id!r}, {len(self.steps)} steps, path={self.path!r})"

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        ids = ", ".join(s.id for s in self.steps if s.answerable)
        raise NotFoundError(
            messages.NO_SUCH_STEP.format(template=self.id, step=step_id),
            messages.STEPS_ARE.format(ids=ids),
        )

    @property
    def answerable_steps(self) -> list[Step]:
        return [s for s in self.steps if s.answerable]

    def has_mood_step(self) -> bool:
        return any(is_mood_step(s) for s in self.steps)

    def to_json(self) -> dict[str, Any]:
        """The whole template as loaded (`hw templates show --json`), and where from."""
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "modality": self.modality,
            "goals": self.goals,
            "summary": self.summary,
            "why": self.why,
            "cadence": self.cadence,
            "minutes": self.minutes,
            "layout": self.layout or None,
            "source": self.source or None,
            "notice": self.notice or None,
            "alert": self.alert or None,
            "private": self.private,
            "builtin": self.builtin,
            "overrides_builtin": self.overrides_builtin,
            "path": self.path,
            "steps": [s.snapshot() for s in self.steps],
        }
        if "scoring" in self.raw:  # every key of [scoring], as the file has it
            import copy

            data["scoring"] = copy.deepcopy(self.raw["scoring"])
        elif self.score_steps:
            data["scoring"] = {
                "steps": self.score_steps,
                "bands": [b.to_json() for b in self.bands],
            }
        return data


# ---------------------------------------------------------------- validation


class _Checker:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, message: str, key: str, table: str | None = None, index: int = 0) -> None:
        line_of = template_files.line_of
        line = line_of(self.text, key.rsplit(".", 1)[-1], table, index) if key else None
        if line is None and table:
            line = line_of(self.text, "", table, index)
        raise TemplateError(self.path, message, key=key, line=line)

    def step(self, data: Any, index: int) -> Step:
        """The index-th [[steps]] table, checked by its type; errors name steps[index].key."""

        def fail(message: str, key: str) -> None:
            where = f"steps[{index}].{key}" if key else f"steps[{index}]"
            self.fail(message, where, "steps", index)

        return parse_step(data, fail)

    def typed(
        self,
        data: dict[str, Any],
        schema: dict[str, Any],
        prefix: str,
        table: str | None = None,
        index: int = 0,
    ) -> None:
        for key, value in data.items():
            name = f"{prefix}{key}"
            if key not in schema:
                allowed = ", ".join(schema)
                self.fail(
                    messages.STEP_KEY_UNKNOWN.format(key=key, allowed=allowed), name, table, index
                )
            if not kind_ok(value, schema[key]):
                kind = gettext(KIND_NAMES[schema[key]])
                self.fail(messages.STEP_KEY_KIND.format(kind=kind), name, table, index)


def from_data(data: dict[str, Any], path: str = "<template>", text: str = "") -> Template:
    chk = _Checker(path, text)
    chk.typed(data, TOP_KEYS, "")
    for key in ("id", "title", "steps"):
        if key not in data:
            chk.fail(messages.TEMPLATE_NEEDS_KEY.format(key=key), key)
    if not is_template_id(data["id"]):
        chk.fail(messages.TEMPLATE_ID_FORM, "id")
    for goal in data.get("goals", []):
        if goal not in GOALS:
            chk.fail(
                messages.TEMPLATE_GOAL_UNKNOWN.format(goal=goal, goals=", ".join(GOALS)), "goals"
            )
    if data.get("cadence", "daily") not in CADENCES:
        chk.fail(messages.TEMPLATE_CADENCE.format(cadences=", ".join(CADENCES)), "cadence")
    if data.get("layout", "columns") not in LAYOUTS:
        chk.fail(messages.TEMPLATE_LAYOUT, "layout")
    if "minutes" in data and data["minutes"] <= 0:
        chk.fail(messages.TEMPLATE_MINUTES, "minutes")
    if data.get("version", 1) < 1:
        chk.fail(messages.TEMPLATE_VERSION, "version")
    if not data["steps"]:
        chk.fail(messages.TEMPLATE_NO_STEPS, "steps")
    steps = [chk.step(step, i) for i, step in enumerate(data["steps"])]
    seen: set[str] = set()
    for i, step in enumerate(steps):
        if step.id in seen:
            chk.fail(messages.TEMPLATE_STEP_TWICE.format(id=step.id), f"steps[{i}].id", "steps", i)
        seen.add(step.id)
    if not any(s.answerable for s in steps):
        chk.fail(messages.TEMPLATE_NO_ANSWER, "steps")
    scoring = None
    if data.get("scoring") is not None:
        scoring = measure_checks.check_scoring(chk, data["scoring"], steps)
    total = scoring.total if scoring else None
    return Template(
        id=data["id"],
        title=data["title"],
        steps=steps,
        version=data.get("version", 1),
        modality=data.get("modality", ""),
        goals=list(data.get("goals", [])),
        summary=data.get("summary", ""),
        why=data.get("why", ""),
        cadence=data.get("cadence", ""),
        minutes=data.get("minutes"),
        layout=data.get("layout", ""),
        source=data.get("source", ""),
        notice=data.get("notice", ""),
        alert=data.get("alert", ""),
        private=data.get("private", False),
        score_steps=list(total.steps) if total else [],
        bands=list(total.bands) if total else [],
        scoring=scoring,
        path=path,
        raw=data,
    )


_loaded: dict[tuple[str, int, int, int, int], Template] = {}  # this run's, in memory


def load_file(path: str) -> Template:
    """The template in the file at `path` (TemplateError when it cannot be one): a copy
    of this run's earlier reading while the file is unchanged (a week's export asks for
    the PHQ-9 a dozen times)."""
    try:
        state = os.stat(path)
        key = (path, state.st_ino, state.st_size, state.st_mtime_ns, state.st_ctime_ns)
    except OSError:  # template_files.read says what is wrong
        key = None
    earlier = _loaded.get(key) if key else None
    if earlier is None:
        data, text = template_files.read(path)
        earlier = from_data(data, path, text)
        if key:
            _loaded[key] = earlier
    twin = Template.__new__(Template)  # its own flags (builtin, overrides_builtin)
    twin.__dict__.update(earlier.__dict__)
    return twin


def warnings_for(template: Template) -> list[str]:
    """Things a good template has that this one lacks; not errors."""
    problems = []
    if not template.why.strip():
        problems.append("it has no 'why': say in a sentence or two what the exercise is for")
    answerable = template.answerable_steps
    if not answerable or not answerable[-1].reflection:
        problems.append("it does not end with a reflection step (mark one with reflection = true)")
    return problems


# ---------------------------------------------------------------- finding


def user_dirs(extra: list[str] | None = None) -> list[str]:
    dirs = [paths.user_templates_dir()]
    for folder in extra or []:
        folder = os.path.expanduser(folder)
        if folder not in dirs:
            dirs.append(folder)
    return dirs


def _toml_files(folder: str) -> list[str]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    return [os.path.join(folder, n) for n in names if n.endswith(".toml")]


class Catalog:
    """Every template by id, and the user files that could not be loaded."""

    def __init__(self, templates: dict[str, Template], problems: list[TemplateError]) -> None:
        self.templates = templates
        self.problems = problems


def catalog(
    extra_dirs: list[str] | None = None, language: str = "", on_problem: Any = None
) -> Catalog:
    """Every template: built-ins, then user templates over them by id; in
    `language` where a template has an overlay in it (overlays.py), an overlay that
    cannot be used told to `on_problem`."""
    found: dict[str, Template] = {}
    problems: list[TemplateError] = []
    for path in _toml_files(paths.builtin_templates_dir()):
        template = load_file(path)
        template.builtin = True
        found[template.id] = template
    user: dict[str, Template] = {}
    for folder in reversed(user_dirs(extra_dirs)):
        for path in _toml_files(folder):
            try:
                template = load_file(path)
            except TemplateError as exc:
                problems.append(exc)
                continue
            user[template.id] = template
    for template_id, template in user.items():
        template.overrides_builtin = template_id in found and found[template_id].builtin
        found[template_id] = template
    if language and language != "en":
        from hwjournal import overlays

        found = {k: overlays.load(t, language, from_data, on_problem) for k, t in found.items()}
    return Catalog(dict(sorted(found.items())), problems)


def find(
    template_id: str,
    extra_dirs: list[str] | None = None,
    on_problem: Any = None,
    language: str = "",
) -> Template:
    """The template with this id, in `language` where it has an overlay in it."""
    template = _find(template_id, extra_dirs, on_problem)
    if language and language != "en":
        from hwjournal import overlays

        return overlays.load(template, language, from_data, on_problem)
    return template


def _find(template_id: str, extra_dirs: list[str] | None, on_problem: Any) -> Template:
    """The template with this id. Looks for `<id>.toml` first so that starting one
    template does not parse all of them. A broken file of one's own that shadows a
    built-in: `on_problem` is told so, in a sentence, and the built-in is used."""
    builtin_path = os.path.join(paths.builtin_templates_dir(), f"{template_id}.toml")
    builtin_exists = is_template_id(template_id) and os.path.exists(builtin_path)
    if is_template_id(template_id):
        for folder in user_dirs(extra_dirs):
            path = os.path.join(folder, f"{template_id}.toml")
            if not os.path.exists(path):
                continue
            try:
                template = load_file(path)
            except TemplateError as exc:
                if on_problem and builtin_exists:
                    on_problem(messages.SKIPPED_TEMPLATE.format(problem=exc.message))
                    break
                raise UsageError(exc.message, messages.TEMPLATE_FIX_FILE) from None
            if template.id == template_id:
                template.overrides_builtin = bool(builtin_exists)
                return template
        if builtin_exists:
            template = load_file(builtin_path)
            template.builtin = True
            if template.id == template_id:
                return template
    everything = catalog(extra_dirs)
    if template_id in everything.templates:
        return everything.templates[template_id]
    import difflib

    close = difflib.get_close_matches(template_id, list(everything.templates), n=1, cutoff=0.5)
    hint = gettext("See them all with: hw templates list")
    if close:
        hint = gettext("Did you mean '{id}'?").format(id=close[0])
    raise NotFoundError(messages.NO_SUCH_TEMPLATE.format(id=template_id), hint)
