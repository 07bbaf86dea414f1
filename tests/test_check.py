"""`invoke check`: one clear `path:line: message` for each thing an editor can get wrong."""

import pytest
from bad_posts import BAD_POSTS, write_bad_post
from conftest import ROOT, run_task
from pelican.settings import read_settings

from kpu_content.check import check_site, reserved_segments


def test_the_real_content_passes():
    result = run_task(ROOT, "check")
    assert "no problems" in result.stdout


@pytest.mark.parametrize("name", sorted(BAD_POSTS))
def test_bad_post_is_named_with_file_and_line(site_copy, name):
    write_bad_post(site_copy, name)
    result = run_task(site_copy, "check", check=False)
    assert result.returncode != 0
    expected = BAD_POSTS[name][2]
    lines = result.stderr.splitlines()
    assert any(line.startswith(expected) for line in lines), result.stderr
    # The problem is reported once, and nothing else in the site is blamed.
    assert sum(line.startswith(expected) for line in lines) == 1
    assert all(BAD_POSTS[name][0] in line or "has the same address" in line for line in lines[:-1])


def test_build_stops_before_pelican_runs(site_copy, tmp_path):
    write_bad_post(site_copy, "category-outside-list")
    output = tmp_path / "out"
    result = run_task(site_copy, "build", "--output", str(output), check=False)
    assert result.returncode != 0
    assert "nothing was built" in result.stderr
    assert not output.exists()


def settings_for(site):
    return read_settings(str(site / "pelicanconf.py"))


def test_same_title_in_one_month_points_at_both_files(site_copy):
    folder = site_copy / "content" / "berita" / "2026"
    text = "Title: Rapat Pleno\nDate: 2026-05-0{d} 10:00\nCategory: Berita\nWilayah: NTT\nSummary: Ringkas.\n\nIsi.\n"
    (folder / "a.md").write_text(text.format(d=4), encoding="utf-8")
    (folder / "b.md").write_text(text.format(d=5), encoding="utf-8")
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert any(
        p.startswith("content/berita/2026/a.md:1: 'content/berita/2026/b.md'") for p in problems
    )
    assert any(
        p.startswith("content/berita/2026/b.md:1: 'content/berita/2026/a.md'") for p in problems
    )
    assert all("/berita/2026/05/rapat-pleno/" in p for p in problems)


def test_same_title_in_another_month_is_fine(site_copy):
    # The real content has "Rekapitulasi Daftar Pemilih Berkelanjutan Semester I" twice.
    assert check_site(settings_for(site_copy), site_copy) == []


def test_a_slug_resolves_a_clash(site_copy):
    folder = site_copy / "content" / "berita" / "2026"
    text = "Title: Rapat Pleno\n{slug}Date: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n\nIsi.\n"
    (folder / "a.md").write_text(text.format(slug=""), encoding="utf-8")
    (folder / "b.md").write_text(text.format(slug="Slug: rapat-pleno-kedua\n"), encoding="utf-8")
    assert check_site(settings_for(site_copy), site_copy) == []


def test_page_may_not_take_an_address_of_the_site(site_copy):
    page = site_copy / "content" / "pages" / "berita.md"
    page.write_text("Title: Berita\nSlug: berita\n\nIsi.\n", encoding="utf-8")
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert problems == [
        "content/pages/berita.md:1: the page address /berita/ is used by the site itself; "
        "give the page another 'Slug:'"
    ]


def test_reserved_addresses_come_from_the_settings():
    reserved = reserved_segments(read_settings(str(ROOT / "pelicanconf.py")))
    assert {"berita", "kategori", "topik", "draf", "images", "theme", "page"} <= reserved


def test_draft_may_have_an_empty_summary_but_a_published_post_may_not(site_copy):
    folder = site_copy / "content" / "berita" / "2026"
    header = "Title: Draf {n}\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary:\n{status}\nIsi.\n"
    (folder / "a.md").write_text(header.format(n=1, status="Status: draft\n"), encoding="utf-8")
    (folder / "b.md").write_text(header.format(n=2, status=""), encoding="utf-8")
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert len(problems) == 1
    assert problems[0].startswith("content/berita/2026/b.md:5: the summary is empty")


def test_header_line_that_is_not_a_field(site_copy):
    post = site_copy / "content" / "berita" / "2026" / "a.md"
    post.write_text(
        "Title: Rapat\nDate: 2026-05-04 10:00\nKategori Berita\nSummary: R.\n\nIsi.\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert problems == [
        "content/berita/2026/a.md:3: this line is neither 'Field: value' nor a continuation; "
        "leave one blank line between the header and the text"
    ]


def test_image_from_another_host_is_refused(site_copy):
    post = site_copy / "content" / "berita" / "2026" / "a.md"
    post.write_text(
        "Title: Foto\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n\n"
        '<img src="https://example.com/a.jpg" alt="Foto rapat">\n',
        encoding="utf-8",
    )
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert problems == [
        "content/berita/2026/a.md:7: the image 'https://example.com/a.jpg' is not a file of this "
        "site; put it in content/images/ and write {static}/images/<name>"
    ]


def test_file_that_is_not_markdown(site_copy):
    (site_copy / "content" / "berita" / "2026" / "rapat.docx").write_bytes(b"PK\x03\x04")
    (site_copy / "content" / "pages" / "tentang.rst").write_text("Tentang\n=======\n")
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert problems == [
        "content/berita/2026/rapat.docx:1: only Markdown files (.md) are read here; save the post "
        "as .md, and put photos in content/images/",
        "content/pages/tentang.rst:1: only Markdown files (.md) are read here; save the post "
        "as .md, and put photos in content/images/",
    ]


POST = "Title: {title}\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: R.\n{more}\n{body}\n"


def test_an_old_url_may_not_land_on_a_file_the_site_writes(site_copy):
    # Each would stop the build: the redirect writer refuses to replace a page,
    # a folder cannot be made where a file is (sitemap.xml/index.html), or the
    # web editor writes over the redirect page while nginx's map keeps it.
    taken = {
        "/topik/pemilu-2024": "topik/pemilu-2024/index.html",
        "/index.html": "index.html",
        "/berita/2026": "berita/2026/index.html",
        "/cari/index.html": "cari/index.html",
        "/sitemap.xml": "sitemap.xml",
        "/images/2026/sosialisasi-ilustrasi.jpg": "images/2026/sosialisasi-ilustrasi.jpg",
        "/images/2024/tps-ilustrasi-640.webp": "images/2024/tps-ilustrasi-640.webp",
        "/admin/index.html": "admin/",
        "/admin": "admin/",
        "/wilayah/sumba-tengah": "wilayah/sumba-tengah/index.html",
        "/page/2": "page/2/index.html",
        "/kategori/berita/page/2/": "kategori/berita/page/2/index.html",
        "/feeds/semua.atom.xml": "feeds/",
        "/pagefind/pagefind.js": "pagefind/",
    }
    more = f"Old_Urls: {', '.join(taken)}, /index.php/blog/read/1234, /berita/lama\n"
    post = site_copy / "content" / "berita" / "2026" / "a.md"
    post.write_text(POST.format(title="Alamat Lama", more=more, body="Isi."), encoding="utf-8")
    problems = [str(p) for p in check_site(settings_for(site_copy), site_copy)]
    assert sorted(problems) == sorted(
        f"content/berita/2026/a.md:6: the old URL /{old.strip('/')} is taken by the site's own "
        f"/{file}, so its redirect page cannot be written there; leave it out"
        for old, file in taken.items()
    )


def test_links_the_published_site_has_pass(site_copy):
    folder = site_copy / "content" / "berita" / "2026"
    old = "Old_Urls: /index.php/blog/read/77\n"
    (folder / "b.md").write_text(POST.format(title="Lama", more=old, body="Isi."))
    # A draft may link to a draft: neither is published.
    (folder / "draf.md").write_text(
        "Title: Draf\nDate: 2026-11-21 10:00\nCategory: Berita\nStatus: draft\n\n"
        "[Draf lain]({filename}draf-lain.md)\n"
    )
    (folder / "draf-lain.md").write_text(
        "Title: Draf Lain\nDate: 2026-11-21 10:00\nCategory: Berita\nStatus: draft\n\nIsi.\n"
    )
    body = (
        "[t]({tag}Pemilu 2024) [c]({category}berita) [i]({index}) [d](/berita/2026)\n"
        "[a](/) [topik](/topik/) [f](/feeds/semua.atom.xml) [l](/index.php/blog/read/77)\n"
        "[s](https://kpu-ntt.github.io/berita/2026/08/"
        "sosialisasi-pendidikan-pemilih-bagi-pemilih-pemula-di-sekolah/#isi)\n"
        "[p](|filename|2026-08-19-sosialisasi-pendidikan-pemilih-pemula-di-sekolah.md)\n"
        '<a href="/wilayah/sikka/">Sikka</a> [luar](https://kpu.go.id/berita/tidak-ada/)'
    )
    (folder / "a.md").write_text(POST.format(title="Tautan", more="", body=body))
    assert [str(p) for p in check_site(settings_for(site_copy), site_copy)] == []


def test_a_link_to_a_category_no_published_post_has(site_copy):
    post = site_copy / "content" / "berita" / "2026" / "a.md"
    body = "Lihat [siaran]({category}siaran-pers) dan [lain]({category}tidak-ada)."
    post.write_text(POST.format(title="Kategori", more="", body=body))
    assert [str(p) for p in check_site(settings_for(site_copy), site_copy)] == [
        "content/berita/2026/a.md:7: '{category}tidak-ada' leads to the page of the category "
        "'tidak-ada', and no published post has it, so the site would not be published; write "
        "one a post has, or take the link out"
    ]


def test_files_the_build_skips_are_skipped_quietly(site_copy):
    folder = site_copy / "content" / "berita" / "2026"
    for name in (".DS_Store", "rapat.md~", ".rapat.md.swp", "#rapat.md#", ".tersembunyi.md"):
        (folder / name).write_text("Title: x\n\nbukan berita\n")
    (folder / ".#rapat.md").symlink_to("editor@laptop.1234")  # Emacs' lock: a broken link
    (site_copy / "content" / "images" / ".DS_Store").write_bytes(b"\x00\x01")
    assert [str(p) for p in check_site(settings_for(site_copy), site_copy)] == []
    # The same files, where the settings do not skip dotfiles: a lock is named, not a crash.
    settings = settings_for(site_copy) | {"IGNORE_FILES": ["**/.*"]}
    problems = [str(p) for p in check_site(settings, site_copy) if "rapat.md" in p.path]
    assert problems == [
        "content/berita/2026/.#rapat.md:1: this is a link to a file that does not exist, such as "
        "the lock file Emacs keeps while a post is open (.#post.md); close the post there, or "
        "delete this file"
    ]
