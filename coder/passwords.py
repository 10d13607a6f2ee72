"""Password hashing with scrypt (memory-hard, in the standard library).

A hash is stored as ``scrypt$n$r$p$salt$hash`` (salt and hash in hex): the cost
parameters travel with each hash, so they can be raised for new passwords while
old hashes keep verifying. Comparison is constant-time. Pure: no database.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from coder.errors import AccountError

#: scrypt cost: 2**14 x 8 x 128 bytes = 16 MiB and ~50 ms per hash (OWASP's minimum is
#: 2**17 with r=8 for interactive logins on servers; this tool runs on a laptop or a
#: small team server, and the lockout limits guessing online)
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_LENGTH = 8
MAX_LENGTH = 1024  # scrypt takes any length; a cap keeps a login request cheap


def check_strength(password: str) -> None:
    """Refuse passwords that are too short or too long (one line saying which)."""
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise AccountError(f"the password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise AccountError(f"the password may have at most {MAX_LENGTH} characters")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=2 * 128 * n * r * p + 1024 * 1024,
        dklen=KEY_BYTES,
    )


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """A new salted hash of ``password``, with its parameters."""
    check_strength(password)
    salt = secrets.token_bytes(SALT_BYTES)
    return f"scrypt${n}${r}${p}${salt.hex()}${_derive(password, salt, n, r, p).hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches the stored hash; False for a missing or damaged hash."""
    if not stored or not isinstance(password, str) or len(password) > MAX_LENGTH:
        return False
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != "scrypt":
            return False
        derived = _derive(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(derived, bytes.fromhex(expected))


def dummy_verify(password: str) -> None:
    """Spend the time of one verification: a login for an unknown user takes as long as
    a wrong password, so the response time does not tell whether the user exists."""
    verify_password(password, _DUMMY)


_DUMMY = f"scrypt${N}${R}${P}${'00' * SALT_BYTES}${'00' * KEY_BYTES}"
