"""typogrify on Indonesian text, and autoescaping of what editors write."""

from conftest import ROOT, SEED_URL, read_html, run_task

SHARE_SCRIPT = (ROOT / "theme" / "templates" / "share.js").read_text(encoding="utf-8").strip()

TITLE = 'Rakor KPU & Bawaslu: "DP3" <script>alert(1)</script> -- 09.00 WITA'
BODY = """\
Rapat "koordinasi" KPU Kabupaten/Kota se-NTT dimulai pukul 09.00 WITA -- tepat waktu.
Program DP3 berjalan 2021---2024. Kata 'desa' tetap utuh.

    kode "tidak" -- diubah
"""


def build_with_post(site, tmp_path, title=TITLE, tags="Pemilu, <b>Tebal</b>"):
    post = site / "content" / "berita" / "2026" / "uji-tipografi.md"
    post.write_text(
        f"Title: {title}\nSlug: uji-tipografi\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\n"
        f'Tags: {tags}\nSummary: Ringkasan & "kutipan".\n\n{BODY}',
        encoding="utf-8",
    )
    output = tmp_path / "out"
    run_task(site, "build", "--output", str(output))
    return output, read_html(output / "berita/2026/05/uji-tipografi/index.html")


def test_indonesian_text_survives_typogrify(site_copy, tmp_path):
    _, page = build_with_post(site_copy, tmp_path)
    paragraph = page.find("article").find("p", class_=False)
    text = paragraph.get_text()
    assert "Kabupaten/Kota" in text
    assert "09.00\xa0WITA" in text  # kept on one line (kept_together)
    assert "se-\u2060NTT" in text
    assert "\u201ckoordinasi\u201d" in text  # curly double quotes
    assert "\u2018desa\u2019" in text  # curly single quotes
    assert "WITA \u2013 tepat" in text  # -- is an en dash
    assert "2021\u20142024" in text  # --- is an em dash
    # No <span class="caps"> around KPU, DP3 or WITA: bytes for nothing.
    assert paragraph.find("span") is None
    # Code is left alone.
    assert page.find("pre").get_text() == 'kode "tidak" -- diubah\n'


def test_title_is_text_not_markup(site_copy, tmp_path):
    _, page = build_with_post(site_copy, tmp_path)
    heading = page.h1
    assert heading.find("script") is None
    assert heading.get_text().replace("\xa0", " ") == (
        "Rakor KPU & Bawaslu: \u201cDP3\u201d <script>alert(1)</script> \u2013 09.00 WITA"
    )
    assert page.title.get_text().startswith("Rakor KPU & Bawaslu: \u201cDP3\u201d <script>")
    # The only script is the theme's own share script; the title's never became one.
    assert [tag.get_text() for tag in page.find_all("script", type=None)] == [SHARE_SCRIPT]
    # Tags are escaped too.
    assert page.find("b") is None
    assert "<b>Tebal</b>" in page.find("article").get_text()


def test_title_in_lists_is_escaped_once(site_copy, tmp_path):
    output, _ = build_with_post(site_copy, tmp_path)
    listing = read_html(output / "index.html")
    link = listing.find("a", href="/berita/2026/05/uji-tipografi/")
    assert (
        link.get_text()
        .replace("\xa0", " ")
        .startswith("Rakor KPU & Bawaslu: \u201cDP3\u201d <script>")
    )
    assert listing.find("script") is None
    raw = (output / "index.html").read_text(encoding="utf-8")
    assert "&amp;amp;" not in raw
    assert "&amp;#8220;" not in raw


def test_seed_title_keeps_kabupaten_kota(built_site):
    page = read_html(built_site / SEED_URL / "index.html")
    assert "22 KPU Kabupaten/Kota" in page.h1.get_text()


def test_a_title_with_backslashes_shows_as_written(site_copy, tmp_path):
    # smartypants reads "\-" and "\\" as escapes; a title is text, shown as written.
    title = r'Berkas di C:\Data\KPU \- salinan \\ kedua "DPT"'
    _, page = build_with_post(site_copy, tmp_path, title=title)
    shown = "Berkas di C:\\Data\\KPU \\- salinan \\\\ kedua \u201cDPT\u201d"
    assert page.h1.get_text().replace("\xa0", " ") == shown
    assert page.title.get_text().replace("\xa0", " ").startswith(shown)


def test_dates_times_and_se_ntt_in_the_text_do_not_break():
    from kpu_content.reading import kept_together

    assert kept_together("pada Rabu, 3 November 2021 pukul 09.00 Wita.") == (
        "pada Rabu,\xa03\xa0November\xa02021 pukul 09.00\xa0Wita."
    )
    assert kept_together("pukul 08.00&#8211;15.30 WITA") == "pukul 08.00&#8211;\u206015.30\xa0WITA"
    assert kept_together("KPU se-NTT") == "KPU se-\u2060NTT"
    # Not inside an address, where a character would change it.
    assert kept_together('<a href="/wilayah/Se-NTT">x</a>') == '<a href="/wilayah/Se-NTT">x</a>'
    assert kept_together("Pukul 9 pagi, 2021 November") == "Pukul 9 pagi, 2021 November"
