"""Where hw keeps its files.

Precedence: flag > HW_JOURNAL / HW_CONFIG > HW_HOME > platformdirs. On Linux the
platformdirs answer is computed here without importing it, because `hw due` runs
in shell prompts and platformdirs costs more to import than the whole query;
tests check the two agree.
"""

from __future__ import annotations

import os
import sys

APP = "hwjournal"


def _xdg(var: str, fallback: str) -> str:
    value = os.environ.get(var, "").strip()
    if not value:
        value = os.path.expanduser(fallback)
    return os.path.join(value, APP)


def user_data_dir() -> str:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_DATA_HOME", "~/.local/share")
    import platformdirs

    return platformdirs.user_data_dir(APP)


def user_config_dir() -> str:
    if sys.platform.startswith("linux"):
        return _xdg("XDG_CONFIG_HOME", "~/.config")
    import platformdirs

    return platformdirs.user_config_dir(APP)


def _home() -> str | None:
    home = os.environ.get("HW_HOME")
    return os.path.expanduser(home) if home else None


def journal_path(flag: str | None = None) -> str:
    if flag:
        return os.path.expanduser(flag)
    if os.environ.get("HW_JOURNAL"):
        return os.path.expanduser(os.environ["HW_JOURNAL"])
    home = _home()
    return os.path.join(home or user_data_dir(), "journal.db")


def config_path() -> str:
    if os.environ.get("HW_CONFIG"):
        return os.path.expanduser(os.environ["HW_CONFIG"])
    home = _home()
    return os.path.join(home or user_config_dir(), "config.toml")


def user_templates_dir() -> str:
    home = _home()
    return os.path.join(home or user_config_dir(), "templates")


def builtin_templates_dir() -> str:
    """Built-in templates: inside the installed package, or the checkout's templates/."""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "builtin_templates")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "templates")


def make_private_dir(path: str) -> None:
    """Create a folder (and its parents) readable by the owner only."""
    if path and not os.path.isdir(path):
        os.makedirs(path, mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
