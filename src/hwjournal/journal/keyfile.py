"""The key file beside an encrypted journal (`journal.db.key`) and the recovery key.

An encrypted journal is opened with a random 32-byte data key. The key file keeps
that key wrapped by the passphrase: scrypt turns the passphrase and a fresh salt
into a key-encrypting key, and AES-256-GCM seals the data key with it, so a wrong
passphrase is told apart from a damaged file, and changing the passphrase rewrites
this small file only, never the journal. The recovery key is the data key itself,
written for a person: 56 letters and digits (Crockford's base 32, which has no I, L,
O or U to misread) in groups of four, the last few a check against typos.

Loaded on the passphrase path only: hashlib and cryptography cost tens of
milliseconds, and an unlocked journal never needs them.
"""

from __future__ import annotations

import base64
import json
import os

from hwjournal import atomic, messages
from hwjournal.errors import HwError, JournalError

FORMAT = "hwjournal-key"
VERSION = 1
KEY_BYTES = 32
# scrypt's cost for new key files (OWASP's recommendation: N=2^17, r=8, p=1, 128 MiB).
# A key file records its own, so reading one honours what it was written with.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
_MAX_N = 2**20  # what a key file may ask of this machine at most (1 GiB with r=8)


class WrongPassphrase(JournalError):
    """The passphrase (or key) does not open this journal."""

    def __init__(self) -> None:
        super().__init__(messages.WRONG_PASSPHRASE)


def key_path(journal_path: str) -> str:
    return journal_path + ".key"


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


# ------------------------------------------------------------ wrapping


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib

    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * r * n, dklen=32
    )


def _aad(kdf: dict[str, object]) -> bytes:
    # The cost and salt are sealed with the key: a file edited to weaken them fails.
    return f"{FORMAT}/{VERSION}/scrypt/{kdf['n']}/{kdf['r']}/{kdf['p']}/{kdf['salt']}".encode()


def _aesgcm():  # type: ignore[no-untyped-def]
    """cryptography's AES-GCM, or how to install the extra that brings it."""
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError:
        raise JournalError(messages.ENCRYPTION_MISSING, messages.ENCRYPTION_INSTALL) from None
    return AESGCM


def wrap(data_key: bytes, passphrase: str, n: int = SCRYPT_N) -> dict[str, object]:
    """The key file's content: data_key sealed under the passphrase."""
    AESGCM = _aesgcm()

    salt = os.urandom(16)
    nonce = os.urandom(12)
    kdf: dict[str, object] = {
        "name": "scrypt",
        "n": n,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
    }
    sealed = AESGCM(_kek(passphrase, salt, n, SCRYPT_R, SCRYPT_P)).encrypt(
        nonce, data_key, _aad(kdf)
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "kdf": kdf,
        "cipher": {"name": "aes-256-gcm", "nonce": _b64(nonce), "sealed": _b64(sealed)},
    }


def unwrap(document: dict[str, object], passphrase: str, path: str) -> bytes:
    """The data key, or WrongPassphrase; a file that is not a key file is damaged."""
    AESGCM = _aesgcm()
    from cryptography.exceptions import InvalidTag

    try:
        kdf = document["kdf"]
        cipher = document["cipher"]
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])  # type: ignore[index]
        salt = _unb64(kdf["salt"])  # type: ignore[index]
        nonce = _unb64(cipher["nonce"])  # type: ignore[index]
        sealed = _unb64(cipher["sealed"])  # type: ignore[index]
        usable = (
            document.get("format") == FORMAT
            and document.get("version") == VERSION
            and kdf["name"] == "scrypt"  # type: ignore[index]
            and cipher["name"] == "aes-256-gcm"  # type: ignore[index]
            and 2**10 <= n <= _MAX_N
            and n & (n - 1) == 0
            and 1 <= r <= 32
            and 1 <= p <= 16
            and len(salt) >= 16
            and len(nonce) == 12
            and len(sealed) == KEY_BYTES + 16
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        usable = False
    if not usable:
        raise damaged(path)
    try:
        return AESGCM(_kek(passphrase, salt, n, r, p)).decrypt(nonce, sealed, _aad(kdf))  # type: ignore[arg-type]
    except InvalidTag:
        raise WrongPassphrase() from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


# ------------------------------------------------------------ the file


def read(journal_path: str) -> dict[str, object]:
    """The key file beside the journal, parsed; a JournalError when it is missing or
    is not a key file."""
    path = key_path(journal_path)
    try:
        with open(path, encoding="utf-8") as fh:
            document = json.load(fh)
    except FileNotFoundError:
        raise JournalError(
            messages.KEY_FILE_MISSING.format(path=path), messages.KEY_FILE_RECOVER
        ) from None
    except (OSError, ValueError):
        raise damaged(path) from None
    if not isinstance(document, dict):
        raise damaged(path)
    return document


def damaged(path: str) -> JournalError:
    return JournalError(messages.KEY_FILE_DAMAGED.format(path=path), messages.KEY_FILE_RECOVER)


def write(journal_path: str, document: dict[str, object]) -> None:
    """Write the key file atomically, readable by its owner only."""
    text = json.dumps(document, indent=2) + "\n"
    atomic.write_private(key_path(journal_path), text, force=True)


# ------------------------------------------------------------ the recovery key

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
_READS_AS = {"O": "0", "I": "1", "L": "1"}
_CHECK_BYTES = 3  # 256 + 24 bits = 56 characters exactly
RECOVERY_LENGTH = 56


def _check(data_key: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(b"hwjournal recovery key\0" + data_key).digest()[:_CHECK_BYTES]


def recovery_key(data_key: bytes) -> str:
    """The data key as a person writes it down: 14 groups of 4, dashes between."""
    number = int.from_bytes(data_key + _check(data_key), "big")
    chars = []
    for _ in range(RECOVERY_LENGTH):
        number, digit = divmod(number, 32)
        chars.append(_ALPHABET[digit])
    text = "".join(reversed(chars))
    return "-".join(text[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4))


def data_key_from_recovery(text: str) -> bytes:
    """The data key a recovery key stands for. Case, spaces and dashes do not matter,
    and O, I and L read as 0, 1 and 1; a typo fails the check (UsageError-free: an
    HwError with exit 1, since nothing was changed and nothing can be done by flags)."""
    cleaned = "".join(_READS_AS.get(c, c) for c in text.upper() if c not in " -\t\r\n")
    if len(cleaned) != RECOVERY_LENGTH or any(c not in _ALPHABET for c in cleaned):
        raise HwError(messages.RECOVERY_KEY_MALFORMED, messages.RECOVERY_KEY_HINT)
    number = 0
    for c in cleaned:
        number = number * 32 + _ALPHABET.index(c)
    raw = number.to_bytes(KEY_BYTES + _CHECK_BYTES, "big")
    data_key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if check != _check(data_key):
        raise HwError(messages.RECOVERY_KEY_MALFORMED, messages.RECOVERY_KEY_HINT)
    return data_key
