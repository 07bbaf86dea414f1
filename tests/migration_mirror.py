"""Saved copies of old sites, made from the seed's text: what `import-old-site` reads.

`cms_mirror()` lays out the provincial PHP CMS (ntt.kpu.go.id) as `wget --mirror
--adjust-extension --convert-links` leaves it: the seed post in its page
layout (menus, a "Berita Terkini" sidebar, the share block, the counter),
more posts with photos, a table, a list and links, the same post under a
second address, two posts with one title in one month, list pages and a tag
page. `wordpress_mirror()` does the same for a regency office's WordPress
theme (comments, widgets, a page). The layouts are in
fixtures/migration/layouts/; fixtures/migration/SOURCES.md says where the text
comes from.
"""

import io
from pathlib import Path
from string import Template

from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures" / "migration"
LAYOUTS = FIXTURES / "layouts"
SEED_TEXT = FIXTURES / "seed-rakor-dp3.txt"
CMS_HOST = "ntt.kpu.go.id"
WP_HOST = "kab-sikka.kpu.go.id"
SEED_OLD = "/index.php/blog/read/1234"
SEED_SECOND_OLD = "/index.php/blog/read/1234/kpu-provinsi-ntt-selenggarakan-rakor"
WP_SEED_OLD = "/2021/11/03/kpu-provinsi-ntt-selenggarakan-rakor-rencana-pelaksanaan-dp3/"
# Each post page written, and the HTML of its post's own text: what an extraction should find
# (benchmarks/migration_extract.py).
BODIES: dict[Path, str] = {}


def seed() -> dict:
    """The seed page's text, in its parts: section, title, paragraphs, views."""
    blocks = [block.strip() for block in SEED_TEXT.read_text(encoding="utf-8").split("\n\n")]
    section, title, *rest = blocks
    paragraphs = []
    for block in rest:
        if not block.strip("\xa0 "):
            break
        paragraphs.append(block)
    views = int(blocks[-1].removeprefix("Telah dilihat ").removesuffix(" kali"))
    return {"section": section, "title": title, "paragraphs": paragraphs, "views": views}


def photo(path: Path, size=(800, 533), colour=(180, 40, 40)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=80)
    path.write_bytes(buffer.getvalue())


def layout(name: str, **values) -> str:
    return Template((LAYOUTS / name).read_text(encoding="utf-8")).substitute(values)


def paragraphs_html(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{text}</p>" for text in paragraphs)


def up_from(address: str) -> str:
    """The relative way back to the mirror's top from the page saved for ADDRESS."""
    depth = address.strip("/").count("/")
    return "/".join([".."] * depth) or "."


def cms_page(root: Path, address: str, **values) -> Path:
    path = root / (address.strip("/") + ".html")
    path.parent.mkdir(parents=True, exist_ok=True)
    values = {"section_id": "104", "section": "Berita Terkini", "meta": ""} | values
    path.write_text(
        layout("kpu-cms-post.html", address=address, up=up_from(address), **values),
        encoding="utf-8",
    )
    BODIES[path] = values["body"]
    return path


def cms_meta(day: str, time: str) -> str:
    return (
        f'<p class="blog-meta"><i class="fa fa-calendar"></i> {day} &nbsp; '
        f'<i class="fa fa-clock-o"></i> {time}</p>'
    )


PLENO_BODY = """\
<p><strong>Maumere, KPU Kabupaten Sikka</strong> &ndash; KPU Kabupaten Sikka menggelar
Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Berkelanjutan pada Jumat, 12 November 2021
di aula kantor KPU Kabupaten Sikka. Rapat dihadiri Bawaslu, partai politik dan
<em>Dinas Kependudukan dan Pencatatan Sipil</em>.</p>
<p><img src="/assets/images/berita/pleno-sikka.jpg" alt="Peserta rapat pleno di aula KPU Kabupaten Sikka" width="800" height="533"></p>
<p>Hasil rekapitulasi per jenis kelamin:</p>
<table class="table table-bordered">
<thead><tr><th>Jenis kelamin</th><th>Jumlah pemilih</th></tr></thead>
<tbody>
<tr><td>Laki-laki</td><td>119.204</td></tr>
<tr><td>Perempuan</td><td>127.880</td></tr>
<tr><td><strong>Jumlah</strong></td><td><strong>247.084</strong></td></tr>
</tbody>
</table>
<p>Masyarakat dapat:</p>
<ul>
<li>memeriksa namanya di <a href="https://cekdptonline.kpu.go.id/">cekdptonline.kpu.go.id</a>;</li>
<li>melapor ke kantor KPU Kabupaten Sikka bila belum terdaftar.</li>
</ul>
<p>Kegiatan ini melanjutkan <a href="1234.html">rapat koordinasi DP3</a> awal bulan ini.</p>
<p>&nbsp;</p>"""

PLENO_SECOND_BODY = """\
<p>KPU Kabupaten Sikka kembali menggelar Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih
Berkelanjutan pada Senin, 29 November 2021 untuk menetapkan data bulan November.</p>
<p>Rapat berjalan lancar dan ditutup pukul 12.00 Wita.</p>"""

BIMTEK_BODY = """\
<p>KPU Provinsi NTT mengumumkan jadwal bimbingan teknis bagi Panitia Pemilihan Kecamatan di
Kabupaten Ende dan Kabupaten Nagekeo.</p>
<p><img src="../../../assets/images/berita/bimtek.JPG"></p>
<ol>
<li>Kabupaten Ende: 22&ndash;23 November 2021.</li>
<li>Kabupaten Nagekeo: 24&ndash;25 November 2021.</li>
</ol>"""

SELEKSI_BODY = """\
<p>Pendaftaran calon anggota Panitia Pemilihan Kecamatan dibuka mulai 1 Desember 2021.
Berkas diserahkan ke kantor KPU kabupaten/kota masing-masing.</p>
<p><img src="https://ntt.kpu.go.id/assets/images/berita/seleksi-ppk.jpg" alt="Brosur pendaftaran calon anggota PPK"></p>"""


def cms_list_items(up: str, posts: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(
        layout("kpu-cms-list-item.html", href=href, title=title, date=date, excerpt=excerpt)
        for href, title, date, excerpt in posts
    )


def cms_list(root: Path, address: str, saved_as: str, heading: str, items: str) -> Path:
    path = root / saved_as
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        layout(
            "kpu-cms-list.html",
            address=address,
            up=up_from(saved_as),
            heading=heading,
            items=items,
        ),
        encoding="utf-8",
    )
    return path


def cms_mirror(folder: Path) -> Path:
    """The PHP CMS saved by wget --mirror -E -k: FOLDER/ntt.kpu.go.id/... Returns FOLDER."""
    root = folder / CMS_HOST
    text = seed()
    seed_values = {
        "title": text["title"],
        "meta": cms_meta("Rabu, 3 November 2021", "09.00 Wita"),
        "body": paragraphs_html(text["paragraphs"]) + "\n<p>&nbsp;</p>" * 3,
        "views": str(text["views"]),
    }
    cms_page(root, SEED_OLD, **seed_values)
    cms_page(root, SEED_SECOND_OLD, **seed_values)
    pleno = "Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Berkelanjutan Kabupaten Sikka"
    cms_page(
        root,
        "/index.php/blog/read/1235",
        title=pleno,
        meta=cms_meta("Jumat, 12 November 2021", "14.30 Wita"),
        body=PLENO_BODY,
        views="1.204",
    )
    cms_page(
        root,
        "/index.php/blog/read/1238",
        title=pleno,
        meta=cms_meta("Senin, 29 November 2021", "10.00 Wita"),
        body=PLENO_SECOND_BODY,
        views="31",
    )
    cms_page(
        root,
        "/index.php/blog/read/1236",
        title="Jadwal Bimbingan Teknis PPK di Ende dan Nagekeo",
        section="Pengumuman",
        section_id="105",
        meta=cms_meta("Kamis, 18 November 2021", "10.00 WIB"),
        body=BIMTEK_BODY,
        views="87",
    )
    cms_page(
        root,
        "/index.php/blog/read/1237",
        title="Pendaftaran Calon Anggota PPK Dibuka",
        section="Siaran Pers",
        section_id="106",
        meta=cms_meta("Selasa, 30 November 2021", "08.15 Wita"),
        body=SELEKSI_BODY,
        views="56",
    )
    photo(root / "assets/images/berita/pleno-sikka.jpg")
    photo(root / "assets/images/berita/bimtek.JPG", colour=(40, 90, 160))
    photo(root / "assets/images/logo-kpu.png", size=(64, 64))
    (root / "assets/css").mkdir(parents=True, exist_ok=True)
    (root / "assets/css/style.css").write_text("body{margin:0}\n", encoding="utf-8")
    posts = [
        ("index.php/blog/read/1235.html", pleno, "Jumat, 12 November 2021", "KPU Kabupaten Sikka menggelar rapat pleno."),
        ("index.php/blog/read/1234.html", text["title"], "Rabu, 3 November 2021", text["paragraphs"][0][:120]),
        ("index.php/blog/read/1236.html", "Jadwal Bimbingan Teknis PPK di Ende dan Nagekeo", "Kamis, 18 November 2021", "Jadwal bimbingan teknis."),
    ]  # fmt: skip
    cms_list(root, "/", "index.html", "Berita Terkini", cms_list_items(".", posts))
    relative = [("../read/" + href.rsplit("/", 1)[1], *rest) for href, *rest in posts]
    cms_list(
        root,
        "/index.php/blog/category/104",
        "index.php/blog/category/104.html",
        "Berita Terkini",
        cms_list_items("../../..", relative),
    )
    cms_list(
        root,
        "/index.php/blog/category/104?page=2",
        "index.php/blog/category/104?page=2.html",
        "Berita Terkini",
        cms_list_items("../../..", relative[1:]),
    )
    cms_list(
        root,
        "/index.php/blog/tag/DP3",
        "index.php/blog/tag/DP3.html",
        "Tag: DP3",
        cms_list_items("../../..", relative[1:2]),
    )
    return folder


WP_BIMTEK_BODY = """\
<!-- wp:paragraph -->
<p><strong>Maumere</strong> &#8211; KPU Kabupaten Sikka menggelar bimbingan teknis bagi
petugas pemutakhiran data pemilih di aula kantor KPU Kabupaten Sikka.</p>
<!-- /wp:paragraph -->
<!-- wp:image {"id":57,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="$up/wp-content/uploads/2021/11/bimtek-pantarlih-1024x683.jpg" alt="Petugas pemutakhiran data mengikuti bimbingan teknis" class="wp-image-57" srcset="$up/wp-content/uploads/2021/11/bimtek-pantarlih-1024x683.jpg 1024w, $up/wp-content/uploads/2021/11/bimtek-pantarlih-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption>Bimbingan teknis di aula KPU Kabupaten Sikka.</figcaption></figure>
<!-- /wp:image -->
<!-- wp:list -->
<ul><li>Materi: tata cara pencocokan dan penelitian.</li><li>Materi: penggunaan aplikasi <em>e-Coklit</em>.</li></ul>
<!-- /wp:list -->"""


def wp_page(root: Path, address: str, **values) -> Path:
    path = root / address.strip("/") / "index.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    up = up_from(address.strip("/") + "/index.html")
    values = {"section": "Berita", "section_slug": "berita", "description": ""} | values
    body = Template(values.pop("body")).safe_substitute(up=up)
    path.write_text(
        layout("wordpress-post.html", address=address, up=up, body=body, **values),
        encoding="utf-8",
    )
    BODIES[path] = body
    return path


def wp_list(root: Path, address: str, heading: str, body_class: str, items: list) -> Path:
    saved = (address.strip("/") + "/index.html").lstrip("/")
    path = root / saved
    path.parent.mkdir(parents=True, exist_ok=True)
    up = up_from(saved)
    shown = "\n".join(
        layout(
            "wordpress-list-item.html",
            href=f"{up}{href}index.html",
            title=title,
            date=date,
            published=published,
            excerpt=excerpt,
        )
        for href, title, date, published, excerpt in items
    )
    og_type = "website"
    path.write_text(
        layout(
            "wordpress-list.html",
            address=address,
            up=up,
            heading=heading,
            body_class=body_class,
            items=shown,
            og_type=og_type,
        ),
        encoding="utf-8",
    )
    return path


def wordpress_mirror(folder: Path) -> Path:
    """A regency office's WordPress site saved by wget: FOLDER/kab-sikka.kpu.go.id/..."""
    root = folder / WP_HOST
    text = seed()
    wp_page(
        root,
        WP_SEED_OLD,
        title=text["title"],
        post_id="1234",
        published="2021-11-03T09:00:00+08:00",
        date_shown="3 November 2021",
        body="\n".join(f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->" for p in text["paragraphs"]),
        views=str(text["views"]),
        description="",
    )  # fmt: skip
    wp_page(
        root,
        "/2021/11/05/bimtek-pantarlih/",
        title="Bimbingan Teknis Pantarlih",
        post_id="1240",
        published="2021-11-05T10:30:00+08:00",
        date_shown="5 November 2021",
        body=WP_BIMTEK_BODY,
        views="212",
        description="KPU Kabupaten Sikka menggelar bimbingan teknis bagi petugas pemutakhiran data.",
    )
    photo(root / "wp-content/uploads/2021/11/bimtek-pantarlih-1024x683.jpg", size=(1024, 683))
    photo(root / "wp-content/uploads/2021/11/bimtek-pantarlih-300x200.jpg", size=(300, 200))
    items = [
        ("/2021/11/05/bimtek-pantarlih/", "Bimbingan Teknis Pantarlih", "5 November 2021", "2021-11-05T10:30:00+08:00", "Bimbingan teknis."),
        (WP_SEED_OLD, text["title"], "3 November 2021", "2021-11-03T09:00:00+08:00", text["paragraphs"][0][:120]),
    ]  # fmt: skip
    wp_list(root, "/", "KPU Kabupaten Sikka", "home blog", items)
    wp_list(root, "/page/2/", "KPU Kabupaten Sikka", "home blog paged paged-2", items[1:])
    wp_list(root, "/tag/dp3/", "Tag: DP3", "archive tag tag-dp3 tag-12", items[1:])
    wp_list(
        root, "/category/berita/", "Kategori: Berita", "archive category category-berita", items
    )
    profile = root / "profil" / "index.html"
    profile.parent.mkdir(parents=True, exist_ok=True)
    profile.write_text(
        layout(
            "wordpress-post.html",
            address="/profil/",
            up="..",
            title="Profil",
            post_id="2",
            published="2019-01-10T08:00:00+08:00",
            date_shown="10 Januari 2019",
            body="<p>KPU Kabupaten Sikka adalah penyelenggara pemilu di Kabupaten Sikka.</p>",
            views="40",
            section="",
            section_slug="",
            description="",
        ).replace("single single-post postid-2", "page-template-default page page-id-2"),
        encoding="utf-8",
    )
    return folder


def many_posts(folder: Path, count: int) -> Path:
    """COUNT posts of the seed's shape in the CMS layout, each with a photo: a longer import."""
    root = folder / CMS_HOST
    text = seed()
    for number in range(count):
        day = 1 + number % 28
        address = f"/index.php/blog/read/{2000 + number}"
        cms_page(
            root,
            address,
            title=f"Rapat Koordinasi DP3 Se-NTT Bagian {number + 1}",
            meta=cms_meta(f"{day} Oktober 2021", "09.00 Wita"),
            body=f'<p><img src="/assets/images/berita/rakor-{number}.jpg" alt="Peserta rapat '
            f'koordinasi bagian {number + 1}"></p>\n' + paragraphs_html(text["paragraphs"]),
            views=str(100 + number),
        )
        photo(root / f"assets/images/berita/rakor-{number}.jpg", colour=(number % 255, 90, 60))
    return folder
