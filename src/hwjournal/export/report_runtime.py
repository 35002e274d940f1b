"""What the precompiled report (report_compiled.py) runs on, in place of Jinja2's runtime.

report_compiled.py is the report's template as Jinja2's own compiler writes it
(scripts/compile_report.py): the template is parsed and compiled once, when it
changes, not on every `hw export --format html`. The code Jinja2 writes decides
what is escaped, as Jinja2 decides it for an autoescaping environment (every value
printed goes through escape(), only `|safe` and a macro's own output are not); it
needs only a few names from jinja2.runtime to run, which are these, so the report
loads neither Jinja2 (its parser, lexer and compiler come with `import jinja2`)
nor markupsafe.

Each name does what Jinja2 3.1's does for the features the template uses (and
escape() is markupsafe's, character for character); a feature the template starts
to use that is not here fails loudly rather than silently
(tests/test_report_compiled.py renders the same reports both ways and compares).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs `hw export` milliseconds
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any


class Markup(str):
    """Text that is already HTML: printed as it is, never escaped again."""

    __slots__ = ()

    def __html__(self) -> Markup:
        return self


def _escape_text(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def escape(value: Any) -> Markup:
    """markupsafe.escape: text with & < > ' " as entities; Markup as it is."""
    if type(value) is str:
        return Markup(_escape_text(value))
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    return Markup(_escape_text(str(value)))


class _Missing:
    def __repr__(self) -> str:
        return "missing"


missing: Any = _Missing()


class TemplateRuntimeError(Exception):
    """The template asked for something it was not given, or a feature not here."""


class UndefinedError(TemplateRuntimeError):
    pass


def Undefined(  # the name the compiled code uses
    hint: str | None = None, obj: Any = missing, name: str | None = None, exc: Any = None
) -> Any:
    """StrictUndefined, stricter still: an undefined value is an error at once."""
    raise UndefinedError(hint or f"{name!r} is undefined in the report")


TemplateNotFound = TemplateReference = Namespace = TemplateRuntimeError


def identity(value: Any) -> Any:
    return value


internalcode = identity


def _not_here(*args: Any, **kwargs: Any) -> Any:
    raise TemplateRuntimeError("the precompiled report does not support this feature")


markup_join = str_join = _not_here


class _Loop:
    __slots__ = ("index0", "length")

    def __init__(self, index0: int, length: int) -> None:
        self.index0 = index0
        self.length = length

    index = property(lambda self: self.index0 + 1)
    first = property(lambda self: self.index0 == 0)
    last = property(lambda self: self.index0 == self.length - 1)
    revindex = property(lambda self: self.length - self.index0)
    revindex0 = property(lambda self: self.length - self.index0 - 1)


def LoopContext(
    iterable: Iterable[Any], undefined: Any, recurse: Any = None, depth0: int = 0
) -> Iterator[tuple[Any, _Loop]]:
    """`loop` in a for loop: index, index0, first, last, length, revindex(0)."""
    if recurse is not None or depth0:
        _not_here()
    items = list(iterable)
    for index0, item in enumerate(items):
        yield item, _Loop(index0, len(items))


class Macro:
    """A {% macro %}: called with its arguments by position or name, its output Markup."""

    def __init__(
        self,
        environment: Environment,
        func: Callable[..., str],
        name: str,
        arguments: tuple[str, ...],
        catch_kwargs: bool,
        catch_varargs: bool,
        caller: bool,
        default_autoescape: bool | None = None,
    ) -> None:
        if catch_kwargs or catch_varargs or caller:
            _not_here()
        self._func = func
        self.name = name
        self.arguments = arguments
        self._autoescape = default_autoescape

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) > len(self.arguments):
            raise TypeError(f"macro {self.name!r} takes not more than {len(self.arguments)} args")
        values = list(args)
        for name in self.arguments[len(args) :]:
            values.append(kwargs.pop(name, missing))
        if kwargs:
            raise TypeError(f"macro {self.name!r} takes no keyword argument {next(iter(kwargs))!r}")
        output = self._func(*values)
        return Markup(output) if self._autoescape else output


def _round(value: float, precision: int = 0, method: str = "common") -> float:
    if method != "common":
        _not_here()
    return round(value, precision)


FILTERS: dict[str, Callable[..., Any]] = {"length": len, "round": _round, "safe": Markup}


class Environment:
    """The parts of a jinja2.Environment the compiled template calls."""

    undefined = staticmethod(Undefined)
    filters = FILTERS

    def __init__(self, finalize: Callable[[Any], Any]) -> None:
        self.finalize = finalize

    @staticmethod
    def concat(parts: Iterable[str]) -> str:
        return "".join(parts)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """`x.name`: the attribute, else the item (a dict's key), as Jinja2 looks."""
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """`x["name"]`: the item, else the attribute, as Jinja2 looks."""
        try:
            return obj[argument]
        except (AttributeError, TypeError, LookupError):
            if isinstance(argument, str):
                try:
                    return getattr(obj, argument)
                except AttributeError:
                    pass
            return self.undefined(obj=obj, name=argument)


class _EvalContext:
    autoescape = True


class Context:
    """The variables one rendering sees, and what the compiled code asks of them."""

    def __init__(self, environment: Environment, variables: dict[str, Any]) -> None:
        self.environment = environment
        self.parent = variables
        self.vars: dict[str, Any] = {}
        self.exported_vars: set[str] = set()
        self.eval_ctx = _EvalContext()

    def resolve_or_missing(self, key: str) -> Any:
        if key in self.vars:
            return self.vars[key]
        return self.parent.get(key, missing)

    def call(self, obj: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.pop("_block_vars", None)
        kwargs.pop("_loop_vars", None)
        return obj(*args, **kwargs)


def render(module: Any, finalize: Callable[[Any], Any], variables: dict[str, Any]) -> str:
    """The compiled template in `module` rendered with these variables."""
    environment = Environment(finalize)
    module.environment = environment  # compiled with defer_init: it reads this global
    return "".join(module.root(Context(environment, variables)))
