"""Pelican glue: "Telah dilihat N kali" and "Terpopuler", from the snapshot, at build time.

No script and no tracker reach the reader: counts come from data/view-counts.json
(`invoke views-import`). `article.view_count` is the count (None without data),
`VIEW_COUNTS_AS_OF` the last day counted, `popular_articles` the most read
overall, and a regency page's `regency_popular` its own most read.
"""

from pathlib import Path

from babel.numbers import format_decimal
from pelican import signals

from . import snapshot as snapshots

POPULAR = 5


def views_filter(count: int) -> str:
    """'1.234': Indonesian digit grouping."""
    return format_decimal(count, locale="id")


def add_filters(generator):
    generator.env.filters["views"] = views_filter


def attach_counts(generator):
    snapshot = snapshots.load(Path(generator.settings["VIEW_COUNTS_FILE"]))
    counts = snapshots.totals(snapshot)
    for article in [*generator.articles, *generator.drafts]:
        article.view_count = counts.get("/" + article.url) or None
    counted = [a for a in generator.articles if a.view_count]
    popular = sorted(counted, key=lambda a: (-a.view_count, a.url))
    generator.context["popular_articles"] = popular[:POPULAR]
    generator.context["VIEW_COUNTS_AS_OF"] = snapshots.as_of(snapshot)
    regency_popular = {}
    for article in popular:
        for regency in getattr(article, "regencies", []):
            regency_popular.setdefault(regency.code, [])
            if len(regency_popular[regency.code]) < POPULAR:
                regency_popular[regency.code].append(article)
    generator.context["regency_popular"] = regency_popular


def register():
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(attach_counts)
