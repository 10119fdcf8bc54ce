"""Shared building blocks of the case-file models: the model configuration and the text limits."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = ["LONG_TEXT_MAX", "NAME_MAX", "SHORT_TEXT_MAX", "LongText", "Name", "ShortText", "_Model"]

# Text limits. NAV's own forms have no published maximum for free text; these bounds keep a case file
# a case file (a pasted 10 MB log is refused with a message naming the field) while leaving ample room.
NAME_MAX: Final = 200
SHORT_TEXT_MAX: Final = 500
LONG_TEXT_MAX: Final = 20_000


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        strict=True,
        populate_by_name=True,
        str_strip_whitespace=False,
        use_enum_values=False,
        validate_default=False,
        use_attribute_docstrings=True,
        defer_build=True,  # validators are built on first use: the app starts faster
    )


ShortText = Annotated[str, StringConstraints(max_length=SHORT_TEXT_MAX)]
LongText = Annotated[str, StringConstraints(max_length=LONG_TEXT_MAX)]
Name = Annotated[str, StringConstraints(max_length=NAME_MAX)]
