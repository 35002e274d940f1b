"""Templates: load a TOML file, check every key and type, and find templates by id.

Built-in templates ship inside the package; user templates (the config folder's
templates/ and any `template_dirs`) are layered over them by id. A broken user
file never stops the others from loading: it is reported and skipped.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from hwjournal import measures, paths
from hwjournal.errors import NotFoundError, TemplateError, UsageError

STEP_TYPES = (
    "text",
    "long",
    "scale",
    "choice",
    "multi",
    "list",
    "number",
    "yesno",
    "timer",
    "info",
)
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

TEMPLATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STEP_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

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
    "scoring": dict,
    "steps": list,
}
STEP_KEYS = {
    "id": str,
    "type": str,
    "prompt": str,
    "help": str,
    "required": bool,
    "reflection": bool,
    "min": (int, float),
    "max": (int, float),
    "labels": dict,
    "options": list,
    "other": bool,
    "minutes": (int, float),
    "pause": bool,
    "alert_at": (int, float),
}
# keys that only make sense for some step types
STEP_TYPE_KEYS = {
    "min": ("scale", "number"),
    "max": ("scale", "number"),
    "labels": ("scale",),
    "options": ("choice", "multi"),
    "other": ("choice", "multi"),
    "minutes": ("timer",),
    "pause": ("info",),
    "alert_at": ("scale", "number"),
}
TYPE_NAMES = {
    str: "text",
    int: "a whole number",
    bool: "true or false",
    list: "a list",
    dict: "a table",
    (int, float): "a number",
}


@dataclass
class Step:
    id: str
    type: str
    prompt: str
    help: str = ""
    required: bool = False
    reflection: bool = False
    min: float | None = None
    max: float | None = None
    labels: dict[int, str] = field(default_factory=dict)
    options: list[str] = field(default_factory=list)
    other: bool = False
    minutes: float | None = None
    pause: bool = False
    alert_at: float | None = None

    @property
    def answerable(self) -> bool:
        return self.type != "info"

    def snapshot(self) -> dict[str, Any]:
        """What an entry keeps of this step, so it reads the same after the template changes."""
        data: dict[str, Any] = {"id": self.id, "type": self.type, "prompt": self.prompt}
        defaults = Step(id="", type="", prompt="")
        for name in (
            "help",
            "required",
            "reflection",
            "min",
            "max",
            "options",
            "other",
            "minutes",
            "pause",
            "alert_at",
        ):
            value = getattr(self, name)
            if value != getattr(defaults, name):
                data[name] = value
        if self.labels:
            data["labels"] = {str(k): v for k, v in self.labels.items()}
        return data

    @classmethod
    def from_snapshot(cls, data: dict[str, Any]) -> Step:
        known = {k: v for k, v in data.items() if k in STEP_KEYS}
        labels = known.pop("labels", {}) or {}
        return cls(**known, labels={int(k): v for k, v in labels.items()})


@dataclass
class Band:
    max: float
    label: str


@dataclass
class Template:
    id: str
    title: str
    steps: list[Step]
    version: int = 1
    modality: str = ""
    goals: list[str] = field(default_factory=list)
    summary: str = ""
    why: str = ""
    cadence: str = ""
    minutes: float | None = None
    layout: str = ""
    source: str = ""
    notice: str = ""
    alert: str = ""
    score_steps: list[str] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)
    path: str = ""
    builtin: bool = False
    overrides_builtin: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        ids = ", ".join(s.id for s in self.steps if s.answerable)
        raise NotFoundError(f"{self.id} has no step called '{step_id}'.", f"Its steps are: {ids}.")

    @property
    def answerable_steps(self) -> list[Step]:
        return [s for s in self.steps if s.answerable]

    def has_mood_step(self) -> bool:
        return any(
            s.id == "mood" and s.type == "scale" and s.min == 1 and s.max == 5 for s in self.steps
        )

    def to_json(self) -> dict[str, Any]:
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
            "builtin": self.builtin,
            "overrides_builtin": self.overrides_builtin,
            "path": self.path,
            "steps": [s.snapshot() for s in self.steps],
        }
        if self.score_steps:
            data["scoring"] = {
                "steps": self.score_steps,
                "bands": [{"max": b.max, "label": b.label} for b in self.bands],
            }
        return data


# ---------------------------------------------------------------- validation


def _line_of(text: str, key: str, table: str | None = None, index: int = 0) -> int | None:
    """Best-effort line number of `key` at top level, or inside the index-th `[[table]]`."""
    lines = text.splitlines()
    start = 0
    if table:
        header = re.compile(r"^\s*\[\[?\s*" + re.escape(table) + r"\s*\]\]?\s*(#.*)?$")
        seen = -1
        for number, line in enumerate(lines):
            if header.match(line):
                seen += 1
                if seen == index:
                    start = number
                    break
        else:
            return None
        if not key:
            return start + 1
        start += 1
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=")
    for number in range(start, len(lines)):
        if lines[number].lstrip().startswith("["):
            break
        if pattern.match(lines[number]):
            return number + 1
    return None


def _kind_ok(value: Any, kind: Any) -> bool:
    if (kind is int or kind == (int, float)) and isinstance(value, bool):
        return False
    return isinstance(value, kind)


class _Checker:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    def fail(self, message: str, key: str, table: str | None = None, index: int = 0) -> None:
        line = _line_of(self.text, key.rsplit(".", 1)[-1], table, index) if key else None
        if line is None and table:
            line = _line_of(self.text, "", table, index)
        raise TemplateError(self.path, message, key=key, line=line)

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
                self.fail(f"unknown key '{key}' (allowed: {allowed})", name, table, index)
            if not _kind_ok(value, schema[key]):
                self.fail(f"should be {TYPE_NAMES[schema[key]]}", name, table, index)


def _parse_step(chk: _Checker, data: Any, index: int) -> Step:
    where = f"steps[{index}]."
    if not isinstance(data, dict):
        chk.fail("each step should be a [[steps]] table", f"steps[{index}]", "steps", index)
    chk.typed(data, STEP_KEYS, where, "steps", index)
    for key in ("id", "type", "prompt"):
        if key not in data:
            chk.fail(f"every step needs '{key}'", f"{where}{key}", "steps", index)
    if not STEP_ID.match(data["id"]):
        chk.fail(
            "step ids use lowercase letters, digits, '-' and '_'", f"{where}id", "steps", index
        )
    kind = data["type"]
    if kind not in STEP_TYPES:
        chk.fail(
            f"unknown step type '{kind}' (use one of: {', '.join(STEP_TYPES)})",
            f"{where}type",
            "steps",
            index,
        )
    for key, types in STEP_TYPE_KEYS.items():
        if key in data and kind not in types:
            chk.fail(f"'{key}' does not apply to a {kind} step", f"{where}{key}", "steps", index)
    if kind == "info" and data.get("required"):
        chk.fail(
            "an info step has no answer, so it cannot be required",
            f"{where}required",
            "steps",
            index,
        )
    if kind == "scale":
        for key in ("min", "max"):
            if key not in data:
                chk.fail(f"a scale step needs '{key}'", f"{where}{key}", "steps", index)
            if not _kind_ok(data[key], int):
                chk.fail("should be a whole number", f"{where}{key}", "steps", index)
    if "min" in data and "max" in data and data["min"] >= data["max"]:
        chk.fail("'min' should be below 'max'", f"{where}max", "steps", index)
    labels: dict[int, str] = {}
    for raw_key, label in data.get("labels", {}).items():
        try:
            number = int(raw_key)
        except ValueError:
            chk.fail(
                f"label key '{raw_key}' should be a whole number", f"{where}labels", "steps", index
            )
        if not isinstance(label, str):
            chk.fail("labels should be text", f"{where}labels", "steps", index)
        if not data["min"] <= number <= data["max"]:
            chk.fail(
                f"label {number} is outside {data['min']}..{data['max']}",
                f"{where}labels",
                "steps",
                index,
            )
        labels[number] = label
    if kind in ("choice", "multi"):
        options = data.get("options")
        if not options:
            chk.fail(
                f"a {kind} step needs a non-empty 'options' list", f"{where}options", "steps", index
            )
        if not all(isinstance(o, str) and o.strip() for o in options):
            chk.fail("options should be non-empty text", f"{where}options", "steps", index)
        if len({o.strip().lower() for o in options}) != len(options):
            chk.fail("options should differ from each other", f"{where}options", "steps", index)
        if kind == "multi" and any("," in o for o in options):
            chk.fail(
                "options of a multi step cannot hold a comma (commas separate answers)",
                f"{where}options",
                "steps",
                index,
            )
        if any(o.strip().isdigit() for o in options):
            chk.fail(
                "an option cannot be a bare number (numbers pick options)",
                f"{where}options",
                "steps",
                index,
            )
    if kind == "timer":
        minutes = data.get("minutes")
        if minutes is None or minutes <= 0:
            chk.fail("a timer step needs 'minutes' above 0", f"{where}minutes", "steps", index)
    return Step(
        id=data["id"],
        type=kind,
        prompt=data["prompt"],
        help=data.get("help", ""),
        required=data.get("required", False),
        reflection=data.get("reflection", False),
        min=data.get("min"),
        max=data.get("max"),
        labels=labels,
        options=list(data.get("options", [])),
        other=data.get("other", False),
        minutes=data.get("minutes"),
        pause=data.get("pause", False),
        alert_at=data.get("alert_at"),
    )


def from_data(data: dict[str, Any], path: str = "<template>", text: str = "") -> Template:
    chk = _Checker(path, text)
    chk.typed(data, TOP_KEYS, "")
    for key in ("id", "title", "steps"):
        if key not in data:
            chk.fail(f"a template needs '{key}'", key)
    if not TEMPLATE_ID.match(data["id"]):
        chk.fail("ids use lowercase letters, digits and single '-', like 'my-template'", "id")
    for goal in data.get("goals", []):
        if goal not in GOALS:
            chk.fail(f"unknown goal '{goal}' (use: {', '.join(GOALS)})", "goals")
    if data.get("cadence", "daily") not in CADENCES:
        chk.fail(f"cadence should be one of: {', '.join(CADENCES)}", "cadence")
    if data.get("layout", "columns") not in LAYOUTS:
        chk.fail("layout can only be 'columns'", "layout")
    if "minutes" in data and data["minutes"] <= 0:
        chk.fail("minutes should be above 0", "minutes")
    if data.get("version", 1) < 1:
        chk.fail("version should be 1 or more", "version")
    if not data["steps"]:
        chk.fail("a template needs at least one step", "steps")
    steps = [_parse_step(chk, step, i) for i, step in enumerate(data["steps"])]
    seen: set[str] = set()
    for i, step in enumerate(steps):
        if step.id in seen:
            chk.fail(f"step id '{step.id}' is used twice", f"steps[{i}].id", "steps", i)
        seen.add(step.id)
    if not any(s.answerable for s in steps):
        chk.fail("a template needs at least one step that takes an answer", "steps")
    score_steps: list[str] = []
    bands: list[Band] = []
    scoring = data.get("scoring")
    if scoring is not None:
        measures.check_scoring(chk, scoring)  # its keys, types and thresholds
        by_id = {s.id: s for s in steps}
        for step_id in scoring.get("steps", []):
            if step_id not in by_id or by_id[step_id].type != "scale":
                chk.fail(
                    f"'{step_id}' is not a scale step of this template", "scoring.steps", "scoring"
                )
            score_steps.append(step_id)
        if not score_steps:
            chk.fail("scoring needs the scale steps it sums", "scoring.steps", "scoring")
        last = None
        for band in scoring.get("bands", []):
            if not (
                isinstance(band, dict)
                and set(band) == {"max", "label"}
                and _kind_ok(band["max"], (int, float))
                and isinstance(band["label"], str)
            ):
                chk.fail('each band is {max = N, label = "..."}', "scoring.bands", "scoring")
            if last is not None and band["max"] <= last:
                chk.fail("bands should go up by 'max'", "scoring.bands", "scoring")
            last = band["max"]
            bands.append(Band(band["max"], band["label"]))
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
        score_steps=score_steps,
        bands=bands,
        path=path,
        raw=data,
    )


def load_file(path: str) -> Template:
    import tomllib

    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise TemplateError(path, f"cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError(path, "is not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = _opening_line(text, int(match.group(1)) if match else None)
        raise TemplateError(
            path, f"is not valid TOML: {message}", key=_key_on(text, line), line=line
        ) from None
    return from_data(data, path, text)


def _opening_line(text: str, found: int | None) -> int | None:
    """The line to name for a TOML error. tomllib names where it noticed the problem;
    when that is the end of the file, or the file already stops parsing before that
    line, the problem is something left open (a string, a list): name the line it
    opens on, the first line after which the file stops parsing."""
    import tomllib

    lines = text.splitlines()

    def parses(count: int) -> bool:
        try:
            tomllib.loads("\n".join(lines[:count]))
        except tomllib.TOMLDecodeError:
            return False
        return True

    if found is not None and (found <= 1 or parses(found - 1)):
        return found
    for number in range(1, len(lines) + 1):
        if not parses(number):
            return number
    return found or len(lines) or None


def _key_on(text: str, line: int | None) -> str | None:
    """The key written on a line (`why = ...`), to name it with a TOML error."""
    if line is None:
        return None
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    match = re.match(r"\s*([A-Za-z0-9_-]+)\s*(=|$)", lines[line - 1])
    return match.group(1) if match else None


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


@dataclass
class Catalog:
    templates: dict[str, Template]
    problems: list[TemplateError]


def catalog(extra_dirs: list[str] | None = None) -> Catalog:
    """Every template: built-ins, then user templates over them by id."""
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
    return Catalog(dict(sorted(found.items())), problems)


def find(template_id: str, extra_dirs: list[str] | None = None, on_problem: Any = None) -> Template:
    """The template with this id. Looks for `<id>.toml` first so that starting one
    template does not parse all of them."""
    builtin_path = os.path.join(paths.builtin_templates_dir(), f"{template_id}.toml")
    builtin_exists = TEMPLATE_ID.match(template_id) and os.path.exists(builtin_path)
    if TEMPLATE_ID.match(template_id):
        for folder in user_dirs(extra_dirs):
            path = os.path.join(folder, f"{template_id}.toml")
            if not os.path.exists(path):
                continue
            try:
                template = load_file(path)
            except TemplateError as exc:
                if on_problem and builtin_exists:
                    on_problem(exc)
                    break
                raise UsageError(exc.message, "Fix the file, then try again.") from None
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
    hint = f"Did you mean '{close[0]}'?" if close else "See them all with: hw templates list"
    raise NotFoundError(f"There is no template called '{template_id}'.", hint)
