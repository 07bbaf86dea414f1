"""`Wilayah:` for an imported post, when its text gives one clear answer.

The regencies a text names are found by `check`'s suggestion rules
(regencies/mentions.py). One regency, and no word of the whole province, is
that regency; words of the whole province ("se-NTT", "se-Provinsi NTT", "22 kabupaten/kota")
and no regency is NTT. Anything else is left to an editor: no regency, two
or more, or the province and a regency at once.
"""

import re

from regencies.gazetteer import Gazetteer
from regencies.mentions import finder_for
from translations import _

PROVINCE_WIDE = re.compile(
    r"\bse-?\s?(?:Provinsi\s+|Prov\.\s*)?(?:NTT|Nusa\s+Tenggara\s+Timur)\b"
    r"|\b22\s+(?:KPU\s+)?kabupaten\s*/\s*kota\b"
    r"|\bseluruh\s+(?:KPU\s+)?kabupaten\s*/\s*kota\b",
    re.IGNORECASE,
)


def guess_wilayah(text: str, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """(the value for `Wilayah:`, None) or (None, why an editor must choose)."""
    named = {}
    for mention in finder_for(gazetteer).find(text):
        named.setdefault(mention.regency.code, mention.regency)
    province = PROVINCE_WIDE.search(text)
    names = ", ".join(regency.short_name for regency in named.values())
    if province and not named:
        return "NTT", None
    if len(named) == 1 and not province:
        return next(iter(named.values())).short_name, None
    if not named:
        return None, _("the text names no regency and not the whole province")
    if province:
        return None, _("the text names the whole province and also {regencies}").format(
            regencies=names
        )
    return None, _("the text names several regencies ({regencies})").format(regencies=names)
