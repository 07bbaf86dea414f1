"""The office's identity and contacts (plugins/office): what is shown, and the placeholders."""

import ast
import json
from pathlib import Path

from conftest import ROOT, SITE_URL, read_html
from pelican.settings import read_settings

from kpu_content.check import check_office
from kpu_content.reading import unbroken
from office import FIELDS, organization, placeholders

SETTINGS = ROOT / "pelicanconf.py"
OFFICE = {
    "name": "Komisi Pemilihan Umum Provinsi Nusa Tenggara Timur",
    "short_name": "KPU Provinsi NTT",
    "emblem": "lambang.svg",
    "street_address": "Jalan Contoh 1",
    "locality": "Kota Kupang",
    "region": "Nusa Tenggara Timur",
    "postal_code": "85000",
    "telephone": "(0380) 000000",
    "email": "kantor@contoh.test",
    "social": [("Facebook", "https://www.facebook.com/contoh")],
}


def test_organization_holds_only_what_is_known():
    known = organization(OFFICE, SITE_URL)
    assert known["address"]["streetAddress"] == "Jalan Contoh 1"
    assert known["sameAs"] == ["https://www.facebook.com/contoh"]
    unknown = organization({**OFFICE, "telephone": None, "social": None}, SITE_URL)
    assert "telephone" not in unknown and "sameAs" not in unknown
    assert unknown["url"] == SITE_URL + "/"
    assert None not in unknown.values() and None not in unknown["address"].values()


def test_each_placeholder_is_named_with_its_line_in_the_settings():
    office = read_settings(str(SETTINGS))["OFFICE"]
    found = placeholders(office, SETTINGS)
    assert [field for field, _ in found] == [f for f in FIELDS if office[f] is None]
    assert found, "pelicanconf.py has no placeholder left: this test needs a new example"
    lines = SETTINGS.read_text(encoding="utf-8").splitlines()
    for field, line in found:
        assert lines[line - 1].strip().startswith(f'"{field}": None'), (field, line)
    assert placeholders(OFFICE, SETTINGS) == []


def test_check_warns_of_placeholders_in_production_only(monkeypatch):
    local = read_settings(str(SETTINGS))
    assert check_office(local, ROOT) == []
    production = {**local, "OFFICE_PLACEHOLDER_WARNINGS": True}
    problems = check_office(production, ROOT)
    assert problems and all(problem.warning and not problem.fatal for problem in problems)
    line = next(line for field, line in placeholders(local["OFFICE"], SETTINGS) if field == "email")
    english = f"pelicanconf.py:{line}: warning: OFFICE['email'] is still a placeholder (None)"
    assert sum(str(problem).startswith(english) for problem in problems) == 1
    monkeypatch.setenv("KPU_LANG", "id")
    indonesian = (
        f"pelicanconf.py:{line}: peringatan: OFFICE['email'] masih berisi tanda belum diisi"
    )
    assert (
        sum(str(problem).startswith(indonesian) for problem in check_office(production, ROOT)) == 1
    )


def test_publishconf_turns_the_warnings_on():
    tree = ast.parse((ROOT / "publishconf.py").read_text(encoding="utf-8"))
    names = {
        target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets
    }
    assert "OFFICE_PLACEHOLDER_WARNINGS" in names


def test_se_ntt_is_kept_on_one_line_in_titles():
    assert unbroken("Rakor DP3 Se-NTT dan se-NTT") == (
        'Rakor DP3 <span class="nw">Se-NTT</span> dan <span class="nw">se-NTT</span>'
    )
    assert unbroken("Se-NTTB dan Muse-NTT") == "Se-NTTB dan Muse-NTT"


def test_contacts_in_every_footer_and_on_kontak(published_site):
    office = read_settings(str(SETTINGS))["OFFICE"]
    kontak = read_html(published_site / "kontak" / "index.html")
    home = read_html(published_site / "index.html")
    for page in (home, kontak):
        address = page.find("footer").find("address")
        assert address.strong.get_text() == office["name"]
        assert office["locality"] in address.get_text()
        assert "None" not in address.get_text()
    on_page = kontak.find("main").find("address")
    assert on_page and on_page.find_previous("h2").get_text() == "Alamat dan kontak"
    [script] = kontak.find_all("script", type="application/ld+json")
    graph = json.loads(script.string)["@graph"]
    assert graph == [organization(office, SITE_URL)]
    assert graph[0]["@type"] == "GovernmentOrganization"


def test_articles_name_the_office_as_publisher(published_site):
    office = read_settings(str(SETTINGS))["OFFICE"]
    articles = sorted((published_site / "berita").glob("*/*/*/index.html"))
    assert len(articles) > 10
    for path in articles:
        [script] = read_html(path).find_all("script", type="application/ld+json")
        publisher = json.loads(script.string)["publisher"]
        assert publisher == {
            key: organization(office, SITE_URL)[key] for key in ("@type", "@id", "name", "url")
        }, path


def test_the_emblem_is_inlined_small_on_every_page(published_site):
    emblem = (Path(ROOT) / "theme" / "templates" / "lambang-sementara.svg").read_bytes()
    assert len(emblem) < 1024
    for path in [published_site / "index.html", published_site / "kontak" / "index.html"]:
        site = read_html(path).find("p", class_="site")
        assert site.find("svg", class_="lambang")["aria-hidden"] == "true"
        assert [span.get_text() for span in site.find_all("span")] == [
            "KPU Provinsi Nusa Tenggara Timur",
            "KPU Provinsi NTT",
        ]


def test_an_emblem_named_but_missing_stops_the_check(tmp_path, monkeypatch):
    local = read_settings(str(SETTINGS))
    (tmp_path / "templates").mkdir()
    settings = {**local, "THEME": str(tmp_path), "OFFICE": {**local["OFFICE"], "emblem": "k.svg"}}
    line = next(
        number
        for number, text in enumerate(SETTINGS.read_text().splitlines(), 1)
        if text.strip().startswith('"emblem":')
    )
    [problem] = check_office(settings, ROOT)
    assert problem.fatal
    assert str(problem).startswith(f"pelicanconf.py:{line}: the emblem 'k.svg' is not in the theme")
    (tmp_path / "templates" / "k.svg").write_text("<svg>" + " " * 2000 + "</svg>")
    [problem] = check_office(settings, ROOT)
    assert problem.warning and "2011 bytes" in problem.message
    (tmp_path / "templates" / "k.svg").write_text("<svg></svg>")
    assert check_office(settings, ROOT) == []
    monkeypatch.setenv("KPU_LANG", "id")
    (tmp_path / "templates" / "k.svg").unlink()
    assert "lambang 'k.svg' tidak ada di tema" in str(check_office(settings, ROOT)[0])
