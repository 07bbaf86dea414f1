"""Pelican glue: "Telah dilihat N kali", "Terpopuler" and /statistik/, from the snapshot.

No script and no tracker reach the reader: counts come from data/view-counts.json
(`invoke views-import`) at build time. `article.view_count` is the count of all
time (None without data), `VIEW_COUNTS_AS_OF` the last day counted,
`popular_articles` the most read of the last VIEW_COUNTS_POPULAR_DAYS days as
(article, views), and a regency page's `regency_popular` its own. The
statistics page (VIEW_COUNTS_STATISTICS_URL) and its CSV files are written
when there are counts; `VIEW_COUNTS_STATISTICS` is then its URL.
"""

from datetime import timedelta
from pathlib import Path

from markupsafe import Markup
from pelican import signals

from indonesian_dates.dates import month_year
from translations import _

from . import charts
from . import snapshot as snapshots
from .statistics import PROVINCE, Post, csv_files, grouped, statistics

POPULAR = 5
REGENCY_POPULAR = 3  # a regency page's list, under its own posts: short


def views_filter(count: int) -> str:
    """'1.234': Indonesian digit grouping."""
    return grouped(count)


def popular_days(settings: dict) -> int:
    days = settings.get("VIEW_COUNTS_POPULAR_DAYS", 30)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        message = _(
            "VIEW_COUNTS_POPULAR_DAYS must be a whole number of days, 1 or more, not {value!r}"
        )
        raise ValueError(message.format(value=days))
    return days


def check_settings(pelican):
    popular_days(pelican.settings)


def add_filters(generator):
    generator.env.filters["views"] = views_filter


def attach_counts(generator):
    snapshot = snapshots.load(Path(generator.settings["VIEW_COUNTS_FILE"]))
    generator.view_counts = snapshot
    counts = snapshots.totals(snapshot)
    for article in [*generator.articles, *generator.drafts]:
        article.view_count = counts.get("/" + article.url) or None
    day = snapshots.as_of(snapshot)
    generator.context["VIEW_COUNTS_AS_OF"] = day
    recent = {}
    if day is not None:
        first = day - timedelta(days=popular_days(generator.settings) - 1)
        recent = snapshots.views_in(snapshot, [(first, day)])[0]
    popular = sorted(
        (
            (article, recent["/" + article.url])
            for article in generator.articles
            if recent.get("/" + article.url)
        ),
        key=lambda pair: (-pair[1], pair[0].url),
    )
    generator.context["popular_articles"] = popular[:POPULAR]
    regency_popular = {}
    for article, views in popular:
        for regency in getattr(article, "regencies", []):
            found = regency_popular.setdefault(regency.code, [])
            if len(found) < REGENCY_POPULAR:
                found.append((article, views))
    generator.context["regency_popular"] = regency_popular
    statistics_url = generator.settings["VIEW_COUNTS_STATISTICS_URL"]
    generator.context["VIEW_COUNTS_STATISTICS"] = statistics_url if counts else None


def write_statistics(generator, writer):
    settings, context = generator.settings, generator.context
    if not context.get("VIEW_COUNTS_STATISTICS"):
        return
    posts = {
        "/" + article.url: Post(
            "/" + article.url,
            article.title,
            str(article.category),
            (PROVINCE,)
            if getattr(article, "province_wide", False)
            else tuple(regency.short_name for regency in getattr(article, "regencies", [])),
        )
        for article in generator.articles
    }
    places = [regency.short_name for regency, _ in context.get("regency_articles", [])]
    categories = [str(category) for category, _ in context.get("categories", [])]
    numbers = statistics(generator.view_counts, posts, [*places, PROVINCE], categories)
    # Babel's Indonesian month abbreviations are the names' first three letters.
    months = [
        (month_year(month)[:3], month_year(month), views)
        for month, views in zip(numbers.months, numbers.monthly, strict=True)
    ]
    span = f"{month_year(numbers.months[0])} – {month_year(numbers.months[-1])}" if months else ""
    figures = {
        "monthly": charts.columns(f"Grafik tayangan per bulan, {span}", months),
        "by_place": charts.bars(f"Grafik tayangan menurut wilayah, {span}", numbers.by_place),
        "by_category": charts.bars(
            f"Grafik tayangan menurut kategori, {span}", numbers.by_category
        ),
    }
    writer.write_file(
        settings["VIEW_COUNTS_STATISTICS_SAVE_AS"],
        generator.get_template("statistics"),
        context,
        url=settings["VIEW_COUNTS_STATISTICS_URL"],
        template_name="statistics",
        view_statistics=numbers,
        view_charts={name: Markup(figure) for name, figure in figures.items()},
        statistics_span=span,
    )
    # The CSV files beside the page, with the site's public addresses in them.
    folder = (Path(writer.output_path) / settings["VIEW_COUNTS_STATISTICS_SAVE_AS"]).parent
    folder.mkdir(parents=True, exist_ok=True)
    site = settings.get("CANONICAL_SITEURL") or settings["SITEURL"]
    for name, text in csv_files(numbers, site, month_year).items():
        (folder / name).write_text(text, encoding="utf-8", newline="")


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(attach_counts)
    signals.article_writer_finalized.connect(write_statistics)
