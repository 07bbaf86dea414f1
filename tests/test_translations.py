"""The Indonesian catalog: complete, compiled, and what `check` prints to editors."""

import re
import string
import subprocess
import sys

import pytest
from bad_posts import BAD_POSTS, INDONESIAN, write_bad_post
from conftest import ROOT, run_task
from pelican.settings import read_settings

import translations
from kpu_content.check import check_site
from translations import catalogs

PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifr%]")


def placeholders(text: str) -> list[str]:
    """The {name:spec} fields and %s arguments a message is formatted with, sorted."""
    fields = [
        f"{{{name}:{spec}}}"
        for _, name, spec, _ in string.Formatter().parse(text)
        if name is not None
    ]
    return sorted(fields + PERCENT.findall(text))


@pytest.fixture(scope="module")
def catalog():
    return catalogs.read("id")


@pytest.fixture(scope="module")
def template():
    return catalogs.extract(ROOT)


def messages(catalog):
    return [message for message in catalog if message.id]


def test_every_message_of_the_code_is_in_the_catalog(catalog, template):
    wanted = {message.id for message in messages(template)}
    have = {message.id for message in messages(catalog)}
    # Run `python3 dev.py translations` after adding or changing a message.
    assert sorted(map(str, wanted - have)) == []
    assert sorted(map(str, have - wanted)) == []
    assert len(wanted) > 150


def test_the_catalog_file_is_what_the_translations_task_writes(catalog, template):
    path = catalogs.po_path("id")
    fresh = catalogs.updated(catalogs.read("id"), template)
    assert catalogs.po_bytes(fresh) == path.read_bytes()
    # The compiled catalog is the one the .po makes, not an older one.
    assert catalogs.mo_bytes(catalog) == path.with_suffix(".mo").read_bytes()


def test_every_message_is_translated_and_not_fuzzy(catalog):
    untranslated = [
        message.id
        for message in messages(catalog)
        if not all(message.string if isinstance(message.string, tuple) else [message.string])
    ]
    assert untranslated == []
    assert [message.id for message in messages(catalog) if message.fuzzy] == []


def test_translations_keep_every_placeholder(catalog):
    for message in messages(catalog):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert placeholders(text) == placeholders(ids[-1]), message.id


def test_translations_are_not_the_english_left_in_place(catalog):
    # A message that is only placeholders and punctuation needs no words of its own.
    same = [
        message.id
        for message in messages(catalog)
        if message.string == message.id
        and re.search(r"[a-z]{3}", re.sub(r"\{[^}]*\}", "", message.id))
    ]
    assert same == []


def test_the_language_is_chosen_by_kpu_lang_only(monkeypatch):
    message = "this file is not UTF-8 text; save it as UTF-8"
    monkeypatch.delenv("KPU_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert translations._(message) == "berkas ini bukan teks UTF-8; simpan ulang sebagai UTF-8"
    for english in ("en", "en_US.UTF-8", "EN"):
        monkeypatch.setenv("KPU_LANG", english)
        assert translations._(message) == message
    monkeypatch.setenv("KPU_LANG", "id")
    assert translations.ngettext("{count} problem; nothing was built", "", 3) == (
        "{count} masalah; situs tidak dibangun"
    )


def test_translations_need_only_the_standard_library():
    # dev.py speaks Indonesian before any package is installed.
    code = "import sys; sys.path.insert(0, 'plugins'); import translations; print(translations._('no problems'))"
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={},
    )
    assert done.stdout == "tidak ada masalah\n"


def test_every_bad_post_has_its_indonesian_message():
    assert sorted(INDONESIAN) == sorted(BAD_POSTS)


@pytest.mark.parametrize("name", sorted(BAD_POSTS))
def test_check_tells_each_bad_post_in_indonesian(site_copy, name, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    write_bad_post(site_copy, name)
    settings = read_settings(str(site_copy / "pelicanconf.py"))
    lines = [str(problem) for problem in check_site(settings, site_copy)]
    assert sum(line.startswith(INDONESIAN[name]) for line in lines) == 1, lines
    # The English message is not printed beside it.
    assert not any(line.startswith(BAD_POSTS[name][2]) for line in lines)


def test_the_check_summary_names_no_tool_editors_never_installed(site_copy):
    write_bad_post(site_copy, "category-outside-list")
    result = run_task(site_copy, "check", check=False, env={"KPU_LANG": "id"})
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "python3 dev.py check: 1 masalah; situs tidak dibangun"
    assert "invoke" not in result.stderr
    passing = run_task(ROOT, "check", env={"KPU_LANG": "id"})
    assert passing.stdout.splitlines()[-1].startswith("python3 dev.py check: tidak ada masalah")


def test_a_suggestion_is_marked_in_indonesian(site_copy, monkeypatch):
    monkeypatch.setenv("KPU_LANG", "id")
    post = site_copy / "content" / "berita" / "2026" / "saran.md"
    post.write_text(
        "Title: Rapat di Maumere\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: Ende\n"
        "Summary: Ringkas.\n\nMAUMERE - Rapat koordinasi.\n",
        encoding="utf-8",
    )
    settings = read_settings(str(site_copy / "pelicanconf.py"))
    lines = [str(problem) for problem in check_site(settings, site_copy)]
    assert lines == [
        "content/berita/2026/saran.md:7: saran: tempat berita 'MAUMERE' ada di Sikka; "
        "tambahkan 'Sikka' ke 'Wilayah:' bila berita ini menyangkut daerah itu"
    ]


def test_what_an_import_stores_is_the_same_in_every_language(tmp_path, monkeypatch):
    from view_counts.importing import import_files

    log = ROOT / "tests" / "fixtures" / "analytics-real" / "nginx-combined-goatcounter-testdata.log"
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    stored = {}
    for language in ("id", "en"):
        monkeypatch.setenv("KPU_LANG", language)
        snapshot = tmp_path / f"{language}.json"
        import_files(log, snapshot, settings, format="access-log")
        stored[language] = snapshot.read_text(encoding="utf-8")
    assert stored["id"] == stored["en"]
    assert "successful GET requests of pages" in stored["id"]
