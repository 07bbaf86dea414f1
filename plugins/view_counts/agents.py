"""Who asked for a page: a person, or a crawler, a link preview, the site's own monitor.

Crawlers and scripts are CrawlerDetect's list (PyPI `crawlerdetect`, kept in step with
JayBizzle/Crawler-Detect). Its ~1,500 patterns as one regular expression cost about 1.5 ms an
agent; here each pattern is tried only where the three letters it starts with occur, which
gives the same answers (tests/test_view_counts_agents.py compares them on every agent of the
fixtures) in about 0.1 ms.
"""

import re
from functools import cache

from crawlerdetect.providers.crawlers import data as CRAWLERS
from crawlerdetect.providers.exclusions import data as BROWSER_WORDS

# Apps that fetch a page to draw its preview when a link is shared: one fetch per share or
# per chat, not a reader. WhatsApp's comes from the sharer's own phone ("WhatsApp/2.23.20.0 A").
# Searched in the lower-cased agent: a case-blind search of these is ten times slower.
LINK_PREVIEWS = re.compile(
    r"whatsapp/|^whatsapp$|facebookexternalhit|facebot|meta-externalhit|meta-externalfetcher|"
    r"telegrambot|twitterbot|slackbot|slack-imgproxy|discordbot|linkedinbot|skypeuripreview|"
    r"microsoftpreview|bingpreview|yahoo link preview|^viber\b|pinterestbot|redditbot|embedly|"
    r"iframely|vkshare|\(mastodon/|kakaotalk-scrap|snapurlpreview|snap url preview|"
    r"blueskypreviewbot|bluesky cardyb|google-pagerenderer|discourse forum onebox|mattermost-bot"
)
PERSON, NO_AGENT, MONITOR, PREVIEW, CRAWLER = None, "no agent", "monitor", "preview", "crawler"
SPECIAL = set("\\^$.|?*+()[]{}")
OPTIONAL_CLASS = re.compile(r"^\[(?:\\.|[^\]\\])*\]\*")


def literal_start(pattern: str) -> str:
    """The letters every match of PATTERN begins with ('' when it may begin with anything)."""
    letters, at = [], 0
    while at < len(pattern):
        char, step = pattern[at], 1
        if char == "\\":
            if at + 1 == len(pattern) or pattern[at + 1].isalnum():
                break  # \d, \w...: a class, not a letter
            char, step = pattern[at + 1], 2
        elif char in SPECIAL:
            break
        following = pattern[at + step : at + step + 1]
        if following in ("?", "*", "{"):
            break  # this letter may be missing
        letters.append(char)
        if following == "+":
            break
        at += step
    return "".join(letters)


def top_level_alternation(pattern: str) -> bool:
    depth, escaped = 0, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def index(patterns: list[str]):
    """Patterns by the three letters they start with, anywhere or (for '^Java\\/') at the
    start of the agent only, and one expression for the rest."""
    anywhere: dict[str, list[str]] = {}
    first: dict[str, list[str]] = {}
    rest = []
    for given in patterns:
        # '[a-z0-9\-_]*(bot|crawl|...)' is found wherever '(bot|crawl|...)' is: a class that may
        # match nothing, in front, changes nothing but the time a search takes.
        pattern = OPTIONAL_CLASS.sub("", given)
        anchored = pattern.startswith("^")
        start = literal_start(pattern[anchored:])
        if len(start) >= 3 and start.isascii() and not top_level_alternation(pattern):
            (first if anchored else anywhere).setdefault(start[:3].lower(), []).append(pattern)
        else:
            rest.append(pattern)
    return anywhere, first, re.compile("|".join(f"(?:{p})" for p in rest), re.IGNORECASE)


BY_START, AT_START, REST = index(CRAWLERS)
BROWSER = re.compile("|".join(f"(?:{p})" for p in BROWSER_WORDS), re.IGNORECASE)


@cache
def compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def every_crawler() -> re.Pattern:
    return compiled("|".join(f"(?:{p})" for p in CRAWLERS))


def is_crawler(agent: str) -> bool:
    """CrawlerDetect's answer: its browser words removed, does any crawler pattern match?"""
    text = BROWSER.sub("", agent.strip())
    if not text:
        return False
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: positions differ
        return bool(every_crawler().search(text))
    for pattern in AT_START.get(lowered[:3], ()):
        if compiled(pattern).match(text):
            return True
    for at in range(len(lowered) - 2):
        for pattern in BY_START.get(lowered[at : at + 3], ()):
            if compiled(pattern).match(text, at):
                return True
    return bool(REST.search(text))


class Agents:
    """Sorts user agents: `kind(agent)` is None for a person, else why it is not one.

    MONITORS are the site's own (VIEW_COUNTS_IGNORE_AGENTS), matched anywhere in the agent,
    whatever the case. Callers keep the answers: a log repeats few agents many times.
    """

    def __init__(self, monitors: tuple[str, ...] = ()):
        self.monitors = tuple(name.lower() for name in monitors if name.strip())

    def kind(self, agent: str) -> str | None:
        if agent.strip() in ("", "-"):
            return NO_AGENT
        lowered = agent.lower()
        if any(name in lowered for name in self.monitors):
            return MONITOR
        if LINK_PREVIEWS.search(lowered):
            return PREVIEW
        if is_crawler(agent):
            return CRAWLER
        return PERSON
