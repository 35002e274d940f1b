"""What Python's JSON and TOML readers, and the system, say is wrong with a file, in
the run's language.

json and tomllib say it in English only ("Expecting ',' delimiter: line 3 column 5
(char 40)", "Illegal character '\\n' (at line 1, column 15)"). messages.PARSER_PROBLEMS
holds each sentence they say, by its English words, and the catalog translates it like
any other; what they quote from the file ({char}, {key}) is kept as they quote it. A
sentence they say that is not there (another Python's) stays as they said it. The
system's errors (os_said) are named by their errno in messages.OS_PROBLEMS. In English
nothing changes.
"""

from __future__ import annotations

from hwjournal import i18n, messages

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re

    from hwjournal.errors import UsageError

# where the reader says it found the problem: tomllib's, then json's
_WHERE = (
    r"^(?P<text>.*?)\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)$",
    r"^(?P<text>.*?): line (?P<line>\d+) column (?P<column>\d+) \(char \d+\)$",
)
_AT_END = " (at end of document)"  # tomllib's, for a file cut short
_patterns: list[tuple[str, re.Pattern[str]]] = []


def settings_refused(path: str, exc: Exception, sentence: str = "") -> UsageError:
    """A settings file that is not TOML (what the reader found), or that could not be
    read (`sentence`, with what the system said). Loaded with the settings, so `re`
    only when a problem is said."""
    from hwjournal.errors import UsageError

    if sentence:
        return UsageError(sentence.format(path=path, problem=os_said(exc)))
    said_here = messages.CONFIG_MALFORMED.format(path=path, problem=said(exc))
    return UsageError(said_here, messages.CONFIG_MALFORMED_HINT)


def said(problem: object) -> str:
    """A reader's message (a TOMLDecodeError, a JSONDecodeError, or its text) in the
    run's language: the problem, then where it is when the reader says."""
    text = str(problem)
    if i18n.language == "en":
        return text
    import re

    for where in _WHERE:
        found = re.match(where, text, re.S)
        if found is not None:
            at = messages.PARSER_AT.format(line=found["line"], column=found["column"])
            return f"{_words(found['text'])} {at}"
    if text.endswith(_AT_END):
        return f"{_words(text[: -len(_AT_END)])} {messages.PARSER_AT_END}"
    return _words(text)


def os_said(exc: BaseException) -> str:
    """What the system said went wrong (an OSError's strerror) in the run's language;
    anything else as it says itself."""
    text = getattr(exc, "strerror", None) or str(exc)
    if i18n.language == "en":
        return text
    import errno

    name = errno.errorcode.get(getattr(exc, "errno", None) or 0, "")
    if name == "ENOENT":
        return messages.FILE_MISSING
    return messages.OS_PROBLEMS.get(name, text)


def _words(text: str) -> str:
    import re

    if not _patterns:
        for english in messages.PARSER_PROBLEMS:
            pattern = re.escape(english)
            pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+)", pattern)
            _patterns.append((english, re.compile(pattern, re.S)))
    for english, pattern in _patterns:
        found = pattern.fullmatch(text)
        if found is not None:
            return messages.PARSER_PROBLEMS[english].format(**found.groupdict())
    return text
