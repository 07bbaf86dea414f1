"""Regencies a post's text names, for `invoke check`'s suggestions.

Only suggestions: a post about a meeting in Kupang that mentions Ende in
passing is not about Ende. The rules keep them few and right:
- whole words only, and the longest name first ("Sumba Barat Daya" is not
  also "Sumba Barat");
- names as proper nouns are written (Title Case or CAPITALS), acronyms such as
  TTS and SBD in capitals only, so "belum" is never Belu;
- phrases that contain a name but are something else ("Selat Malaka",
  "Stasiun Manggarai", "lomba TTS") are masked first: `false_hits` below;
- a dateline town at the start of the text ("Soe, ...") is a strong hint;
  "Kupang," is not, since two regencies are called Kupang.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Gazetteer, Regency

# Phrases that contain a regency's name and mean something else.
FALSE_HITS = (
    "Selat Malaka",
    "Semenanjung Malaka",
    "Stasiun Manggarai",
    "Pasar Manggarai",
    "Pintu Air Manggarai",
    "Terminal Manggarai",
    "teka-teki silang (TTS)",
    "teka teki silang (TTS)",
    "lomba TTS",
    "mengisi TTS",
    "kuis TTS",
)
DATELINE = re.compile(
    r"^\s*\**(?P<town>[A-Z][A-Za-z'’]+(?: [A-Z][A-Za-z'’]+)*)\**\s*(?:,|–|—|-{1,2})\s"
)


@dataclass(frozen=True)
class Mention:
    regency: Regency
    line: int  # 1-based, within the text given
    words: str  # as written in the text
    dateline: bool = False


def spellings(regency: Regency) -> list[str]:
    """What to look for: the name, the short name, aliases; never a bare 'Kupang'."""
    short = regency.name.removeprefix("Kabupaten ")
    found = {regency.name, *regency.aliases}
    if short != "Kupang":
        found.add(short)
    return sorted(found, key=len, reverse=True)


def variants(spelling: str) -> set[str]:
    # Acronyms only in capitals; names as written or in capitals.
    return {spelling} if spelling.isupper() else {spelling, spelling.upper()}


class MentionFinder:
    def __init__(self, gazetteer: Gazetteer):
        self.by_words = {}
        for regency in gazetteer.regencies:
            for spelling in spellings(regency):
                for variant in variants(spelling):
                    self.by_words.setdefault(variant, regency)
        alternatives = sorted(self.by_words, key=len, reverse=True)
        self.pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(words) for words in alternatives) + r")(?![\w-])"
        )
        self.false_hits = re.compile("|".join(re.escape(p) for p in FALSE_HITS), re.IGNORECASE)
        self.datelines = {
            town.lower(): regency for regency in gazetteer.regencies for town in regency.datelines
        }

    def find(self, text: str) -> list[Mention]:
        mentions = []
        # Lines as Markdown and `check` have them: only "\n" ends one.
        for number, line in enumerate(text.split("\n"), start=1):
            masked = self.false_hits.sub(lambda m: " " * len(m.group()), line)
            mentions += [
                Mention(self.by_words[m.group(1)], number, m.group(1))
                for m in self.pattern.finditer(masked)
            ]
        first = next(
            ((n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()), None
        )
        if first:
            dateline = DATELINE.match(first[1])
            if dateline and dateline["town"].lower() in self.datelines:
                regency = self.datelines[dateline["town"].lower()]
                mentions.insert(0, Mention(regency, first[0], dateline["town"], dateline=True))
        return mentions


@lru_cache(maxsize=4)
def finder_for(gazetteer: Gazetteer) -> "MentionFinder":
    """One compiled finder per gazetteer, however many posts are checked."""
    return MentionFinder(gazetteer)


def suggestions(finder: MentionFinder, text: str, tagged: set[str]) -> list[Mention]:
    """The first mention of each regency the text names and the metadata lacks."""
    seen, result = set(tagged), []
    for mention in finder.find(text):
        if mention.regency.code not in seen:
            seen.add(mention.regency.code)
            result.append(mention)
    return result
