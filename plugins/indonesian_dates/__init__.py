"""Pelican glue: Indonesian date filters for the theme, and `locale_date`.

Templates write `{{ article.date|long_date }}` or `{{ article.date|clock_time }}`;
`article.locale_date` is the long date too, so no template can fall back to
English by accident.
"""

from pelican import signals

from .dates import clock_time, day_month_year, long_date, month_year, short_date

FILTERS = {
    "long_date": long_date,
    "short_date": short_date,
    "clock_time": clock_time,
    "month_year": month_year,
    "day_month_year": day_month_year,
}


def add_filters(generator):
    generator.env.filters.update(FILTERS)


def set_locale_date(content):
    if hasattr(content, "date"):
        content.locale_date = long_date(content.date)


def register():
    signals.generator_init.connect(add_filters)
    signals.content_object_init.connect(set_locale_date)
