"""`Record`: the base of the plain classes in this package."""

from __future__ import annotations


class Record:
    """Compares and prints by its `_fields`, like a dataclass. The classes here are
    plain classes because `hw due` loads this package on every shell prompt, and
    importing dataclasses costs more than answering the question."""

    _fields: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, f) == getattr(other, f) for f in self._fields)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        fields = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{self.__class__.__name__}({fields})"
