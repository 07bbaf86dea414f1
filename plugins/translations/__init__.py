"""What editors and office maintainers read, in Indonesian unless KPU_LANG=en.

Messages are written in English in the code, wrapped in `_()` or `ngettext()`,
and translated in `locale/id/LC_MESSAGES/messages.po`, which Babel extracts and
compiles (`python3 dev.py translations`). The compiled `.mo` is kept beside it,
as Django keeps its own, so that this module needs only the standard library:
dev.py speaks Indonesian before any package is installed.

The language is chosen by KPU_LANG alone, not LANG: office laptops and CI
runners often have LANG=en_US.UTF-8 or C.UTF-8 without anyone choosing it.
"""

import gettext
import os
from functools import lru_cache
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
DEFAULT = "id"


def language() -> str:
    """'en' when KPU_LANG asks for English (en, en_US, english...), else 'id'."""
    return "en" if os.environ.get("KPU_LANG", "").strip().lower().startswith("en") else DEFAULT


@lru_cache(maxsize=None)  # noqa: UP033 - dev.py imports this on old Pythons too
def catalog(name: str) -> gettext.NullTranslations:
    if name == "en":
        return gettext.NullTranslations()
    # A missing catalog is a broken checkout, not a reason to fall back to English.
    return gettext.translation(DOMAIN, LOCALE, languages=[name])


def _(message: str) -> str:
    return catalog(language()).gettext(message)


def N_(message: str) -> str:
    """A message kept in English where it is stored (a data file), translated where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    return catalog(language()).ngettext(singular, plural, count)


def decimal(number: float, digits: int = 1) -> str:
    """A number with DIGITS decimals, with the decimal comma in Indonesian (0,5 detik)."""
    text = f"{number:.{digits}f}"
    return text.replace(".", ",") if language() == "id" else text
