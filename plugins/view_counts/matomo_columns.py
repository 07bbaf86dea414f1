"""The column names of Matomo's Page URLs export in the languages offices here use.

With `translateColumnNames=1` and `language=xx` (docs/analytics-formats.md, section 3), Matomo
names `label` General_ColumnLabel, `nb_hits` General_ColumnPageviews and `nb_visits`
General_ColumnUniquePageviews (plugins/Actions/Reports/Base.php), each in the language of the
account. The labels of the languages offices here export in (and of the real German fixture), as
Matomo's lang/*.json writes them at commit f09912cb: language -> (label, page views, unique
page views). Only these few interface words are kept, not Matomo's GPL-3.0 catalogue; an
export in another language is refused with its columns named, for --views-column.
"""

COLUMNS = {
    "de": ("Bezeichnung", "Seitenansichten", "Eindeutige Seitenansichten"),
    "en": ("Label", "Pageviews", "Unique Pageviews"),
    "fr": ("Nom", "Vues de page", "Vues de page uniques"),
    "id": ("Label", "Tampilan Halaman", "Tampilan Halaman Unik"),
}
