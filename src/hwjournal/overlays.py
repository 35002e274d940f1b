"""Template overlays: a template's texts in another language, the texts only.

A built-in template's Spanish is `templates/es/ID.toml` beside the built-in
templates; a template of one's own may have one too, `DIR/es/ID.toml` beside
`DIR/ID.toml`. The overlay names the template it translates and, for each step
by id, repeats its type (a check) and gives its texts:

    id = "values-compass"               # the template it translates
    title = "Brújula de valores"        # title, summary, why, notice, alert
    [[steps]]
    id = "connection"                   # a step of the template, by id
    type = "list"                       # the same type as the template's step
    prompt = "..."                      # prompt, help, heading, alert, notice
    options = ["...", "..."]            # a choice or multi: as many, in order
    labels = {0 = "...", 10 = "..."}    # a scale: the same numbers

Everything else (ids, types, numbers, points, scoring, bands) is the template's.
`original = true` marks a published instrument whose items stay in their original
language: its steps, and its notice, may be left out.

Loading is forgiving: a text the overlay lacks stays as the template has it. An
overlay that does not fit its template (an unknown step, another type, a different
number of options) is not used at all. `hw templates validate` is strict: every
text present, nothing the template lacks.
"""

from __future__ import annotations

import os

from hwjournal import messages
from hwjournal.errors import TemplateError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from hwjournal.templates import Template

    # templates.from_data: a Template from a file's table (its path, its text)
    Build = Callable[[dict[str, Any], str, str], Template]

TOP_TEXTS = ("title", "summary", "why", "notice", "alert")
STEP_TEXTS = ("prompt", "help", "heading", "alert", "notice")
STEP_KEYS = ("id", "type", *STEP_TEXTS, "options", "labels")
TOP_KEYS = ("id", "original", *TOP_TEXTS, "steps")


def path_for(template: Template, language: str) -> str:
    """Where the overlay of `template` in `language` would be: beside its file."""
    return os.path.join(os.path.dirname(template.path), language, f"{template.id}.toml")


class _Check:
    """The checks of one overlay against its template; `strict` for validation."""

    def __init__(self, template: Template, path: str, text: str, strict: bool) -> None:
        self.template = template
        self.path = path
        self.text = text
        self.strict = strict

    def fail(self, message: str, key: str, index: int | None = None) -> None:
        from hwjournal import template_files

        name = key.rsplit(".", 1)[-1]
        if index is None:
            line = template_files.line_of(self.text, name)
        else:
            line = template_files.line_of(self.text, name, "steps", index)
            if line is None:
                line = template_files.line_of(self.text, "", "steps", index)
        raise TemplateError(self.path, message, key=key, line=line)

    def text_of(self, data: dict[str, Any], key: str, where: str, index: int | None) -> None:
        if key in data and (not isinstance(data[key], str) or not data[key].strip()):
            self.fail(messages.OVERLAY_TEXT, where + key, index)

    def top(self, data: dict[str, Any]) -> None:
        template = self.template
        for key in data:
            if key not in TOP_KEYS:
                allowed = ", ".join(TOP_KEYS)
                self.fail(messages.OVERLAY_KEY_UNKNOWN.format(key=key, allowed=allowed), key)
        if data.get("id") != template.id:
            self.fail(messages.OVERLAY_ID.format(id=template.id), "id")
        if not isinstance(data.get("original", False), bool):
            from hwjournal.i18n import gettext
            from hwjournal.steps.base import KIND_NAMES

            kind = gettext(KIND_NAMES[bool])
            self.fail(messages.STEP_KEY_KIND.format(kind=kind), "original")
        original = data.get("original", False)
        for key in TOP_TEXTS:
            self.text_of(data, key, "", None)
            has = bool(getattr(template, key))
            if key in data and not has:
                self.fail(messages.OVERLAY_NOT_IN_TEMPLATE.format(key=key), key)
            if self.strict and has and key not in data and not (original and key == "notice"):
                self.fail(messages.OVERLAY_TEXT_MISSING.format(key=key), key)
        steps = data.get("steps", [])
        if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
            self.fail(messages.OVERLAY_STEPS, "steps")
        seen: set[str] = set()
        for index, step in enumerate(steps):
            self.step(step, index)
            if step["id"] in seen:
                self.fail(messages.TEMPLATE_STEP_TWICE.format(id=step["id"]), "id", index)
            seen.add(step["id"])
        if self.strict and not original:
            for step in template.steps:
                if step.id not in seen:
                    self.fail(messages.OVERLAY_STEP_MISSING.format(id=step.id), "steps")

    def step(self, data: dict[str, Any], index: int) -> None:
        where = f"steps[{index}]."
        for key in data:
            if key not in STEP_KEYS:
                allowed = ", ".join(STEP_KEYS)
                self.fail(
                    messages.OVERLAY_KEY_UNKNOWN.format(key=key, allowed=allowed),
                    where + key,
                    index,
                )
        step_id = data.get("id")
        ids = [s.id for s in self.template.steps]
        if step_id not in ids:
            self.fail(messages.OVERLAY_NO_SUCH_STEP.format(id=step_id), where + "id", index)
        step = self.template.steps[ids.index(step_id)]
        if data.get("type") != step.type:
            self.fail(messages.OVERLAY_TYPE.format(type=step.type), where + "type", index)
        for key in STEP_TEXTS:
            self.text_of(data, key, where, index)
            has = bool(getattr(step, key))
            if key in data and not has:
                self.fail(messages.OVERLAY_NOT_IN_TEMPLATE.format(key=key), where + key, index)
            if self.strict and has and key not in data:
                self.fail(messages.OVERLAY_TEXT_MISSING.format(key=key), where + key, index)
        self.options(data, step, where, index)
        self.labels(data, step, where, index)

    def given(self, data: dict[str, Any], key: str, has: bool, where: str, index: int) -> bool:
        """Whether the overlay gives a step's `key` (options, labels) to check: one the
        template's step lacks is refused, and (strict) one it has must be given."""
        if not has:
            if key in data:
                self.fail(messages.OVERLAY_NOT_IN_TEMPLATE.format(key=key), where + key, index)
            return False
        if key not in data:
            if self.strict:
                self.fail(messages.OVERLAY_TEXT_MISSING.format(key=key), where + key, index)
            return False
        return True

    def options(self, data: dict[str, Any], step: Any, where: str, index: int) -> None:
        if not self.given(data, "options", bool(step.options), where, index):
            return
        options = data["options"]
        if not isinstance(options, list) or len(options) != len(step.options):
            self.fail(
                messages.OVERLAY_OPTIONS.format(count=len(step.options)), where + "options", index
            )
        if not all(isinstance(o, str) and o.strip() for o in options):
            self.fail(messages.STEP_OPTIONS_TEXT, where + "options", index)
        if len({o.strip().lower() for o in options}) != len(options):
            self.fail(messages.STEP_OPTIONS_SAME, where + "options", index)
        if any(o.strip().isdigit() for o in options):
            self.fail(messages.STEP_OPTIONS_NUMBER, where + "options", index)
        if step.type == "multi" and any("," in o for o in options):
            self.fail(messages.STEP_OPTIONS_COMMA, where + "options", index)

    def labels(self, data: dict[str, Any], step: Any, where: str, index: int) -> None:
        if not self.given(data, "labels", bool(step.labels), where, index):
            return
        labels = data["labels"]
        wanted = ", ".join(str(n) for n in sorted(step.labels))
        try:
            numbers = sorted(int(k) for k in labels) if isinstance(labels, dict) else None
        except ValueError:
            numbers = None
        if numbers != sorted(step.labels):
            self.fail(messages.OVERLAY_LABELS.format(numbers=wanted), where + "labels", index)
        if not all(isinstance(v, str) and v.strip() for v in labels.values()):
            self.fail(messages.STEP_LABEL_TEXT, where + "labels", index)


def check(template: Template, data: dict[str, Any], path: str, text: str = "") -> None:
    """Refuse (TemplateError, with the overlay's file and line) an overlay that does
    not translate `template` completely: the `hw templates validate` rules."""
    _Check(template, path, text, strict=True).top(data)


def apply(template: Template, data: dict[str, Any], path: str, text: str, build: Build) -> Template:
    """`template` with the overlay's texts, as a new Template made by `build`
    (templates.from_data); a text the overlay lacks stays as it was.
    TemplateError when the overlay does not fit."""
    import copy

    _Check(template, path, text, strict=False).top(data)
    raw = copy.deepcopy(template.raw)
    for key in TOP_TEXTS:
        if key in data:
            raw[key] = data[key]
    by_id = {s["id"]: s for s in data.get("steps", [])}
    for step in raw.get("steps", []):
        texts = by_id.get(step.get("id"))
        if texts is None:
            continue
        for key in STEP_TEXTS:
            if key in texts:
                step[key] = texts[key]
        if "options" in texts:
            before = step["options"]
            step["offer_share"] = [
                texts["options"][before.index(o)] for o in step.get("offer_share", [])
            ] or step.get("offer_share", [])
            if not step["offer_share"]:
                del step["offer_share"]
            step["options"] = list(texts["options"])
        if "labels" in texts:
            step["labels"] = dict(texts["labels"])
    try:
        translated = build(raw, template.path, "")
    except TemplateError as exc:  # a rule of the step's type the texts break
        raise TemplateError(path, exc.detail, key=exc.key) from None
    for name in ("builtin", "overrides_builtin"):
        setattr(translated, name, getattr(template, name))
    translated.original = bool(data.get("original", False))
    return translated


def load(template: Template, language: str, build: Build, on_problem: Any = None) -> Template:
    """`template` in `language` where it has an overlay that fits, else as it is.
    An overlay that cannot be used is told to `on_problem` (a sentence), if given."""
    if not language or language == "en" or not template.path:
        return template
    path = path_for(template, language)
    if not os.path.isfile(path):
        return template
    from hwjournal import template_files

    try:
        data, text = template_files.read(path)
        translated = apply(template, data, path, text, build)
    except TemplateError as exc:
        if on_problem is not None:
            on_problem(messages.OVERLAY_SKIPPED.format(problem=exc.message))
        return template
    translated.language = language
    return translated


def is_overlay(path: str) -> bool:
    """A file in a language folder (`es/ID.toml`) is an overlay, not a template."""
    from hwjournal.language import LANGUAGES

    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return folder in LANGUAGES and folder != "en"


def title(template_id: str, language: str, extra_dirs: list[str] | None = None) -> str | None:
    """The title an overlay gives a template, read cheaply for homework (`hw due`,
    `hw`, `hw assign`, `hw assignments`, `hw skip`, the week and its exports: their
    titles were kept when the homework was assigned; `hw due` runs on the fast path,
    so nothing of the template machinery is loaded): from the
    overlay beside the template's file, the person's own first as `find` looks.
    None when there is none."""
    if not language or language == "en":
        return None
    from hwjournal import paths

    folder = paths.builtin_templates_dir()
    users = [paths.user_templates_dir(), *(os.path.expanduser(d) for d in extra_dirs or [])]
    for user in users:  # where templates.find looks first
        if os.path.isfile(os.path.join(user, f"{template_id}.toml")):
            folder = user
            break
    path = os.path.join(folder, language, f"{template_id}.toml")
    try:  # a small file: read plainly, any problem is no title
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError):
        return None
    # the two lines as overlays write them, before the first table; anything
    # fancier (an escape, a multi-line string) is read by tomllib. (No `re`: it
    # would be the only thing loading it on the fast path.)
    head = text.split("\n[", 1)[0]
    lines = head.split("\n")
    ids = [v for v in (_plain(line, "id") for line in lines) if v and v.strip(_ID_CHARS) == ""]
    titles = [v for v in (_plain(line, "title") for line in lines) if v is not None]
    if len(ids) == len(titles) == 1 and head.count("title") == 1:
        data = {"id": ids[0], "title": titles[0]}
    else:
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return None
    found = data.get("title")
    if data.get("id") != template_id or not isinstance(found, str) or not found.strip():
        return None
    return found


_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"


def _plain(line: str, key: str) -> str | None:
    """The value of `key = "value"` written plainly on a line of its own (spaces
    around, no quote or backslash inside); None for any other line."""
    if not line.startswith(key):
        return None
    rest = line[len(key) :].lstrip(" ")
    if not rest.startswith("="):
        return None
    rest = rest[1:].strip(" ")
    if len(rest) < 2 or rest[0] != '"' or rest[-1] != '"':
        return None
    value = rest[1:-1]
    return None if '"' in value or "\\" in value else value


def retitle(
    homework: Any, language: str | None = None, extra_dirs: list[str] | None = None
) -> None:
    """Homework titled in `language` (the run's, by default) where its template's
    overlay gives a title: anything with `.template` and `.title` (plans.Due,
    plans.Assignment, plans.Adherence). The title kept at assignment time, the
    template's own, otherwise: that is what an English run shows.

    The journal keeps the template's own title, never a translation, so homework
    set in one language reads right in every other, and a journal that kept its
    titles before overlays existed needs no change."""
    if language is None:
        from hwjournal import i18n

        language = i18n.language
    if not language or language == "en":
        return
    found: dict[str, str | None] = {}
    for item in homework:
        if item.template not in found:
            found[item.template] = title(item.template, language, extra_dirs)
        item.title = found[item.template] or item.title
