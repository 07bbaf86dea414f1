"""Pelican glue: regencies as a first-class, validated property of each article.

Each article gets `regencies` (a list of gazetteer.Regency) and
`province_wide`; the build writes /wilayah/ (list and map), one paginated page
and one Atom feed per regency, and names the regencies in every feed entry.

Settings: REGENCIES_FILE, REGENCIES_MAP (paths), REGENCIES_URL/SAVE_AS,
REGENCY_URL/SAVE_AS ("{slug}"), REGENCY_FEED_ATOM ("{slug}", None for none),
REGENCY_ISLANDS (the order of the island groups on /wilayah/).
"""

import logging
from pathlib import Path

from markupsafe import Markup
from pelican import signals
from pelican.contents import Article

from translations import _

from .gazetteer import Placement, RegencyError, load_gazetteer
from .map_svg import Region, legend, map_labels, regency_map

logger = logging.getLogger(__name__)
RELATED = 3


def gazetteer_of(settings):
    return load_gazetteer(str(settings["REGENCIES_FILE"]))


def check_settings(pelican):
    # A broken gazetteer stops the build at start-up, not halfway.
    gazetteer_of(pelican.settings)


def place_article(content):
    if not isinstance(content, Article):
        return
    written = content.metadata.get("wilayah")
    placement = Placement(False, ())
    if not written and content.status == "draft":
        pass  # a draft may be placed later; `invoke check` asks before it is published
    elif not written:
        logger.error(
            # Translators: %s is the post's file.
            _(
                "%s: no 'Wilayah:'; name the regencies the post concerns, or NTT for the whole province"
            ),
            content.relative_source_path,
        )
    else:
        try:
            placement = gazetteer_of(content.settings).place(written)
        except RegencyError as error:
            logger.error("%s: %s", content.relative_source_path, error)
    content.province_wide = placement.province_wide
    content.regencies = list(placement.regencies)


def content_location(article) -> list[dict]:
    """The article's places for its JSON-LD (schema.org contentLocation)."""
    if getattr(article, "province_wide", False):
        return [
            {
                "@type": "AdministrativeArea",
                "name": "Provinsi Nusa Tenggara Timur",
                "identifier": "53",
            }
        ]
    return [
        {"@type": "AdministrativeArea", "name": regency.name, "identifier": regency.code}
        for regency in getattr(article, "regencies", [])
    ]


def add_filters(generator):
    generator.env.filters["content_location"] = content_location


def index_articles(generator):
    """For each of the 22 regencies, its articles, newest first."""
    gazetteer = gazetteer_of(generator.settings)
    by_code = {regency.code: [] for regency in gazetteer.regencies}
    for article in generator.articles:  # already newest first
        for regency in article.regencies:
            by_code[regency.code].append(article)
    generator.context["regency_articles"] = [
        (regency, by_code[regency.code]) for regency in gazetteer.regencies
    ]
    # "Berita lain dari <regency>" under an article: the newest others of its first regency.
    for article in generator.articles:
        if article.regencies:
            others = by_code[article.regencies[0].code]
            article.same_regency = [other for other in others if other is not article][:RELATED]
        else:
            article.same_regency = []


def write_regency_pages(generator, writer):
    settings = generator.settings
    context = generator.context
    site = settings["SITEURL"]
    pages = context["regency_articles"]
    regions = {
        regency.code: Region(
            href=f"{site}/{settings['REGENCY_URL'].format(slug=regency.slug)}",
            name=regency.short_name,
            count=len(articles),
            labels=map_labels(regency.short_name, regency.aliases),
            # A kota is a speck at the scale of the province.
            inset=regency.type == "kota",
        )
        for regency, articles in pages
    }
    islands = {island: [] for island in settings["REGENCY_ISLANDS"]}
    for regency, articles in sorted(pages, key=lambda page: page[0].short_name):
        islands.setdefault(regency.island, []).append((regency, articles))
    writer.write_file(
        settings["REGENCIES_SAVE_AS"],
        generator.get_template("regencies"),
        context,
        url=settings["REGENCIES_URL"],
        template_name="regencies",
        regency_islands=list(islands.items()),
        regency_map=Markup(regency_map(Path(settings["REGENCIES_MAP"]), regions)),
        regency_legend=legend(),
    )
    for regency, articles in pages:
        writer.write_file(
            settings["REGENCY_SAVE_AS"].format(slug=regency.slug),
            generator.get_template("regency"),
            context,
            paginated={"articles": articles, "dates": articles},
            template_name="regency",
            url=settings["REGENCY_URL"].format(slug=regency.slug),
            regency=regency,
            articles=articles,
            dates=articles,
        )
        # An empty feed would carry the build time as its date: no feed until a first post.
        if settings.get("REGENCY_FEED_ATOM") and articles:
            feed = settings["REGENCY_FEED_ATOM"].format(slug=regency.slug)
            writer.write_feed(
                articles,
                context,
                feed,
                settings.get("REGENCY_FEED_ATOM_URL", feed).format(slug=regency.slug),
                feed_title=f"{settings['SITENAME']} \u2013 {regency.short_name}",
            )


def name_regencies_in_feed(context, feed):
    """Each feed entry's regencies among its categories, once Pelican has made the feed."""
    # An entry's link is the site's address followed by the article's URL.
    site = f"{str(context.get('SITEURL', '')).rstrip('/')}/"
    articles = {article.url: article for article in context.get("articles", [])}
    for entry in feed.items:
        article = articles.get(entry["link"].removesuffix("?ref=feed").removeprefix(site))
        if article is None:
            continue
        names = [regency.short_name for regency in getattr(article, "regencies", [])]
        if getattr(article, "province_wide", False):
            names = ["Se-NTT"]
        entry["categories"] = (*(entry.get("categories") or ()), *names)


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(place_article)
    signals.article_generator_finalized.connect(index_articles)
    signals.article_writer_finalized.connect(write_regency_pages)
    signals.feed_generated.connect(name_regencies_in_feed)
