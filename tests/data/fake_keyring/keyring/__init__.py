"""A stand-in for the keyring package in tests: passwords in a JSON file named by
FAKE_KEYRING_FILE; with FAKE_KEYRING_FAIL set, every call fails as a broken backend
would."""

import json
import os


def _path() -> str:
    return os.environ["FAKE_KEYRING_FILE"]


def _load() -> dict:
    if os.environ.get("FAKE_KEYRING_FAIL"):
        raise RuntimeError("no keyring backend is available")
    try:
        with open(_path(), encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return {}


def _save(data: dict) -> None:
    with open(_path(), "w", encoding="utf-8") as fh:
        json.dump(data, fh)


def get_password(service: str, username: str) -> str | None:
    return _load().get(f"{service}/{username}")


def set_password(service: str, username: str, password: str) -> None:
    data = _load()
    data[f"{service}/{username}"] = password
    _save(data)


def delete_password(service: str, username: str) -> None:
    data = _load()
    del data[f"{service}/{username}"]
    _save(data)
