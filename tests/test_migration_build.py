"""The old site moved, then built: each post with its old count, each old address redirecting.

One production build of a site copy into which the provincial CMS's saved
pages and a regency office's WordPress export were imported by the tasks an
office runs (`import-old-site`, `import-wordpress`).
"""

import gzip
import re
from pathlib import Path

import pytest
from conftest import BUDGET, SITE_URL, copy_site, read_html, run_task
from migration_mirror import SEED_OLD, SEED_SECOND_OLD, cms_mirror, photo

from kpu_content.header import read_header

EXPORT = Path(__file__).parent / "fixtures/migration/wordpress/kab-sikka.WordPress.2021-12-01.xml"
SEED_FILE = Path("content/berita/2021/2021-11-03-rakor-rencana-pelaksanaan-dp3.md")
NOW = {"KPU_NOW": "2026-12-01T09:00:00+08:00"}


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """(site, output, task outputs): the old sites imported, then `preview` built."""
    folder = tmp_path_factory.mktemp("moved")
    site = copy_site(folder / "site")
    (site / SEED_FILE).unlink()  # the import brings the seed post itself
    mirror = cms_mirror(folder / "mirror")
    uploads = folder / "uploads"
    photo(uploads / "2021/11/bimtek-pantarlih.jpg", size=(1600, 1067))
    photo(uploads / "2021/11/rakor-daring.jpg")
    outputs = [
        run_task(site, "import-old-site", str(mirror), env=NOW).stdout,
        run_task(site, "import-wordpress", str(EXPORT), "--uploads", str(uploads), env=NOW).stdout,
    ]
    output = folder / "www"
    run_task(site, "preview", "--output", str(output))
    return site, output, outputs


def published_posts(site: Path) -> list[tuple[Path, object]]:
    found = []
    for path in sorted((site / "content/berita/2021").glob("2021-11-*.md")):
        header = read_header(path.read_text(encoding="utf-8"))
        if header.get("old_urls") and not header.get("status"):
            found.append((path, header))
    return found


def test_each_imported_post_shows_its_old_count_and_its_old_addresses_redirect(moved):
    site, output, _outputs = moved
    posts = published_posts(site)
    # The seed (both old addresses), the Sikka plenary meeting, WordPress's technical guidance.
    assert len(posts) == 3
    counts = {"kpu-provinsi-ntt": "395", "rapat-pleno": "1.204", "bimbingan-teknis": "212"}
    for path, header in posts:
        slug = path.stem[len("2021-11-03-") :]
        page = read_html(output / "berita/2021/11" / slug / "index.html")
        shown = next(
            tag.get_text() for tag in page.find_all("p") if "Telah dilihat" in tag.get_text()
        )
        (count,) = [count for part, count in counts.items() if slug.startswith(part)]
        assert shown.startswith(f"Telah dilihat {count} kali")
        html = (output / "berita/2021/11" / slug / "index.html").read_bytes()
        assert len(gzip.compress(html, 9)) <= BUDGET
        target = f"{SITE_URL}/berita/2021/11/{slug}/"
        for old in header.get("old_urls").value.split(", "):
            redirect = read_html(output / old.strip("/") / "index.html")
            assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == (
                f"0; url={target}"
            )
            assert redirect.find("link", rel="canonical")["href"] == target
            nginx = (output / "nginx/old-urls.map").read_text(encoding="utf-8")
            assert f'"{old}" "/berita/2021/11/{slug}/";' in nginx
    olds = {old for _path, h in posts for old in h.get("old_urls").value.split(", ")}
    assert {SEED_OLD, SEED_SECOND_OLD, "/2021/11/05/bimtek-pantarlih/"} <= olds


def test_imported_photos_tables_and_links_are_on_the_page(moved):
    _site, output, _outputs = moved
    pleno = "rapat-pleno-terbuka-rekapitulasi-daftar-pemilih-berkelanjutan-kabupaten-sikka"
    article = read_html(output / "berita/2021/11" / pleno / "index.html").find("article")
    photo_tag = article.find("img", alt="Peserta rapat pleno di aula KPU Kabupaten Sikka")
    assert photo_tag is not None and "pleno-sikka" in photo_tag["src"]
    cells = [cell.get_text() for cell in article.find("table").find_all(["th", "td"])]
    assert cells[:4] == ["Jenis kelamin", "Jumlah pemilih", "Laki-laki", "119.204"]
    seed_link = article.find("a", string="rapat koordinasi DP3")
    assert (
        seed_link["href"]
        .rstrip("/")
        .endswith(
            "/berita/2021/11/kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3-pada-22-kpu-kabupaten-kota-se-ntt"
        )
    )


def test_drafts_wait_for_an_editor_and_the_report_says_why(moved):
    site, output, (pages_report, export_report) = moved
    drafts = [
        path
        for path in (site / "content/berita/2021").glob("2021-11-*.md")
        if "Status: draft" in path.read_text(encoding="utf-8")
    ]
    assert len(drafts) == 4  # Ende and Nagekeo, no regency, a second plenary meeting, a WP draft
    for path in drafts:
        slug = path.stem[len("2021-11-18-") :]
        assert not (output / "berita/2021/11" / slug).exists()
        assert not (output / "draf" / slug).exists()  # a production build writes no draft
    assert re.search(r"To review: .*\(3\):", pages_report)
    assert "ntt.kpu.go.id/index.php/blog/read/1236.html" in pages_report
    # The WordPress copy of the seed post is the one already imported: kept, not doubled.
    assert "Kept as they are, not overwritten (1):" in export_report
    assert "no problems" in pages_report and "no problems" in export_report
