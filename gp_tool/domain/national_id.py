"""Norwegian national identity numbers: fødselsnummer, D-nummer, H-nummer and synthetic test numbers.

Check digits and birth dates come from python-stdnum (``stdnum.no.fodselsnummer``). Synthetic
numbers from Skatteetaten's test register Tenor add 80 to the month; stdnum does not know them, so
the month is corrected before the birth date is read. Demo and course cases use synthetic numbers
only, so they can never belong to a real person.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.no import fodselsnummer

__all__ = [
    "IdKind",
    "InvalidNationalIdError",
    "birth_date_of",
    "id_kind",
    "known_birth_date",
    "validate_national_id",
]

_TENOR_MONTH_OFFSET = 80


class IdKind(StrEnum):
    FODSELSNUMMER = "FODSELSNUMMER"
    D_NUMMER = "D_NUMMER"
    H_NUMMER = "H_NUMMER"
    SYNTETISK = "SYNTETISK"


class InvalidNationalIdError(ValueError):
    """The number is not a valid Norwegian identity number; ``reason`` is a stable code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _compact(number: str) -> str:
    return str(fodselsnummer.compact(number))


def id_kind(number: str) -> IdKind:
    digits = _compact(number)
    if int(digits[2:4]) > _TENOR_MONTH_OFFSET:
        return IdKind.SYNTETISK
    if int(digits[0:2]) > 40:
        return IdKind.D_NUMMER
    if int(digits[2:4]) > 40:
        return IdKind.H_NUMMER
    return IdKind.FODSELSNUMMER


def birth_date_of(number: str) -> dt.date:
    """The birth date encoded in a valid number (D-, H- and synthetic numbers included)."""
    digits = _compact(number)
    if int(digits[2:4]) > _TENOR_MONTH_OFFSET:
        month = int(digits[2:4]) - _TENOR_MONTH_OFFSET
        digits = f"{digits[:2]}{month:02d}{digits[4:]}"
    try:
        birth: dt.date = fodselsnummer.get_birth_date(digits)
        return birth
    except StdnumValidationError as exc:
        raise InvalidNationalIdError("birth_date") from exc


def known_birth_date(birth_date: dt.date | None, national_id: str) -> dt.date | None:
    """The patient's birth date: ``birth_date`` when given, else the one in the national id (None when
    neither gives one). The one rule for the case model and the window's pre-validation sketch."""
    if birth_date is not None:
        return birth_date
    if national_id:
        try:
            return birth_date_of(national_id)
        except (InvalidNationalIdError, ValueError):
            return None
    return None


def validate_national_id(number: str) -> str:
    """Return the compact 11-digit number, or raise :class:`InvalidNationalIdError`.

    Reasons: ``length`` (not 11 digits), ``format`` (not digits), ``checksum`` (mod-11 check digits),
    ``birth_date`` (no real date in the first six digits).
    """
    digits = _compact(number)
    if len(digits) != 11:
        raise InvalidNationalIdError("length")
    if not digits.isdigit():
        raise InvalidNationalIdError("format")
    if digits[9] != fodselsnummer.calc_check_digit1(digits) or digits[10] != fodselsnummer.calc_check_digit2(
        digits
    ):
        raise InvalidNationalIdError("checksum")
    birth_date_of(digits)
    return digits
