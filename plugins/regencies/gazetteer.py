"""The 22 regencies of NTT, and what an editor's `Wilayah:` names mean.

Loaded from data/regencies.toml. Resolution is by name, alias or Kemendagri
code, in any case and spacing; a bare "Kupang" is two places and is never
guessed; "NTT" means the whole province.
"""

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from translations import _

PROVINCE_NAMES = (
    "NTT",
    "Se-NTT",
    "Nusa Tenggara Timur",
    "Provinsi NTT",
    "Provinsi Nusa Tenggara Timur",
)
# A name two regencies share: the name, then what to write instead.
AMBIGUOUS = {"kupang": ("Kupang", "Kota Kupang", "Kabupaten Kupang")}
FIELDS = (
    "code",
    "bps",
    "name",
    "type",
    "capital",
    "island",
    "slug",
    "kpu_site",
    "aliases",
    "datelines",
)


@dataclass(frozen=True)
class Regency:
    code: str  # Kemendagri kode wilayah, "53.07"
    bps: str  # BPS code, "5310": another numbering, never joined on digits
    name: str  # "Kabupaten Sikka", "Kota Kupang"
    type: str  # "kabupaten" or "kota"
    capital: str
    island: str
    slug: str
    kpu_site: str
    aliases: tuple[str, ...] = ()
    datelines: tuple[str, ...] = ()

    @property
    def short_name(self) -> str:
        """'Sikka'; Kupang keeps its kind, since both kinds exist."""
        short = self.name.removeprefix("Kabupaten ")
        return self.name if short == "Kupang" else short

    def __str__(self):
        return self.short_name


@dataclass(frozen=True)
class Placement:
    """Where a post belongs: the whole province, or some regencies."""

    province_wide: bool
    regencies: tuple[Regency, ...]


class RegencyError(ValueError):
    """What is wrong with a name; `problems` has one message per bad name."""

    def __init__(self, *problems: str):
        super().__init__("; ".join(problems))
        self.problems = problems


def normal(text: str) -> str:
    """Case, dots and spacing do not matter: 'Kab.  TTS' -> 'kab tts'."""
    return " ".join(text.replace(".", " ").lower().split())


@dataclass(frozen=True)
class Gazetteer:
    regencies: tuple[Regency, ...]

    @cached_property
    def by_slug(self) -> dict[str, Regency]:
        return {regency.slug: regency for regency in self.regencies}

    @cached_property
    def names(self) -> dict[str, Regency]:
        """Every accepted spelling, normalised, to its regency."""
        names = {}
        for regency in self.regencies:
            written = [regency.name, regency.code, *regency.aliases]
            if regency.type == "kabupaten":
                short = regency.name.removeprefix("Kabupaten ")
                written += [short, f"Kab {short}"]
                written += [
                    f"{prefix} {alias}"
                    for alias in regency.aliases
                    for prefix in ("Kab", "Kabupaten")
                ]
            for spelling in written:
                key = normal(spelling)
                if key not in AMBIGUOUS:
                    names[key] = regency
        return names

    def resolve(self, text: str) -> Regency:
        """One name, alias or code; raises RegencyError saying what to write."""
        key = normal(text)
        if key in AMBIGUOUS:
            name, first, second = AMBIGUOUS[key]
            raise RegencyError(
                _("'{name}' is two places: write '{first}' or '{second}'").format(
                    name=name, first=first, second=second
                )
            )
        if key in self.names:
            return self.names[key]
        if re.fullmatch(r"\d{4}", key):
            raise RegencyError(
                _(
                    "'{code}' looks like a BPS code, which numbers regencies differently; "
                    "write the name or the Kemendagri code (53.xx)"
                ).format(code=text.strip())
            )
        readable = {normal(r.short_name): r.short_name for r in self.regencies}
        readable |= {normal(a): a for r in self.regencies for a in r.aliases}
        match = difflib.get_close_matches(key, list(readable), n=1, cutoff=0.6)
        if match:
            raise RegencyError(
                # Translators: {name} is what the editor wrote, {suggestion} a regency's name.
                _("unknown regency '{name}'; did you mean '{suggestion}'?").format(
                    name=text.strip(), suggestion=readable[match[0]]
                )
            )
        raise RegencyError(
            _("unknown regency '{name}'; see data/regencies.toml for the names").format(
                name=text.strip()
            )
        )

    def place(self, field: str) -> Placement:
        """A whole `Wilayah:` value: 'Sikka, Kota Kupang', or 'NTT'."""
        parts = [part.strip() for part in re.split(r"[,;]", field) if part.strip()]
        if not parts:
            raise RegencyError(
                _("'Wilayah:' is empty; name the regencies, or NTT for the whole province")
            )
        province = {normal(name) for name in PROVINCE_NAMES}
        if any(normal(part) in province for part in parts):
            if len(parts) > 1:
                raise RegencyError(
                    _("'NTT' already means every regency; write either NTT or a list of regencies")
                )
            return Placement(True, ())
        errors, found = [], []
        for part in parts:
            try:
                regency = self.resolve(part)
            except RegencyError as error:
                errors.append(str(error))
                continue
            if regency not in found:
                found.append(regency)
        if errors:
            raise RegencyError(*errors)
        return Placement(False, tuple(found))


def load_gazetteer(path: str) -> Gazetteer:
    """Read data/regencies.toml once per build; again only when the file changes."""
    return _read_gazetteer(path, Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _read_gazetteer(path: str, modified: int) -> Gazetteer:
    with Path(path).open("rb") as file:
        rows = tomllib.load(file)["regency"]
    regencies = []
    for row in rows:
        missing = [name for name in FIELDS if name not in row]
        if missing:
            raise RegencyError(
                # Translators: {fields} are the data file's field names, e.g. "slug, aliases".
                _("{path}: regency {code} lacks {fields}").format(
                    path=path, code=row.get("code", "?"), fields=", ".join(missing)
                )
            )
        regencies.append(
            Regency(
                **{**row, "aliases": tuple(row["aliases"]), "datelines": tuple(row["datelines"])}
            )
        )
    return Gazetteer(tuple(regencies))
