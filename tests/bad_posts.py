"""Posts an editor can get wrong, each with the line `invoke check` must print.

Each entry: file name under content/berita/2026/, its text, and the start of the
expected `path:line: message`.
"""

GOOD_HEADER = (
    "Date: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: Ringkasan singkat.\n"
)

BAD_POSTS = {
    "no-title": (
        "tanpa-judul.md",
        GOOD_HEADER + "\nIsi berita.\n",
        "content/berita/2026/tanpa-judul.md:1: missing 'Title:'",
    ),
    "unparseable-date": (
        "tanggal-salah.md",
        "Title: Tanggal Salah\nDate: 03/11/2021 09.00\nCategory: Berita\nWilayah: NTT\nSummary: Ringkas.\n\nIsi.\n",
        "content/berita/2026/tanggal-salah.md:2: cannot read the date '03/11/2021 09.00'",
    ),
    "impossible-date": (
        "tanggal-mustahil.md",
        "Title: Tanggal Mustahil\nDate: 2026-02-30 09:00\nCategory: Berita\nWilayah: NTT\nSummary: Ringkas.\n\nIsi.\n",
        "content/berita/2026/tanggal-mustahil.md:2: cannot read the date '2026-02-30 09:00'",
    ),
    "same-url": (
        "salinan-berita.md",
        "Title: Sosialisasi Pendidikan Pemilih bagi Pemilih Pemula di Sekolah\n"
        "Date: 2026-08-25 09:00\nCategory: Berita\nWilayah: NTT\nSummary: Ringkas.\n\nIsi.\n",
        "content/berita/2026/salinan-berita.md:1: "
        "'content/berita/2026/2026-08-19-sosialisasi-pendidikan-pemilih-pemula-di-sekolah.md' "
        "has the same address",
    ),
    "broken-internal-link": (
        "tautan-rusak.md",
        "Title: Tautan Rusak\n"
        + GOOD_HEADER
        + "\nLihat [halaman PPID]({filename}/pages/ppdi.md).\n",
        "content/berita/2026/tautan-rusak.md:7: '{filename}/pages/ppdi.md' points at no file",
    ),
    "missing-image": (
        "foto-hilang.md",
        "Title: Foto Hilang\n" + GOOD_HEADER + "\nParagraf.\n\n"
        "![Peserta rapat]({static}/images/2026/tidak-ada.jpg)\n",
        "content/berita/2026/foto-hilang.md:9: '{static}/images/2026/tidak-ada.jpg' points at no file",
    ),
    "missing-header-image": (
        "foto-sampul-hilang.md",
        "Title: Foto Sampul Hilang\n" + GOOD_HEADER + "Image: images/2026/tidak-ada.jpg\n"
        "Image_Alt: Peserta rapat\n\nIsi.\n",
        "content/berita/2026/foto-sampul-hilang.md:6: image 'images/2026/tidak-ada.jpg' is not in content/",
    ),
    "image-without-alt": (
        "foto-tanpa-alt.md",
        "Title: Foto Tanpa Alt\n" + GOOD_HEADER + "\n![]({static}/images/2024/tps-ilustrasi.jpg)\n",
        "content/berita/2026/foto-tanpa-alt.md:7: the image '{static}/images/2024/tps-ilustrasi.jpg' has no alt text",
    ),
    "category-outside-list": (
        "kategori-salah.md",
        "Title: Kategori Salah\nDate: 2026-05-04 10:00\nCategory: Pengumuman Resmi\nWilayah: NTT\n"
        "Summary: Ringkas.\n\nIsi.\n",
        "content/berita/2026/kategori-salah.md:3: category 'Pengumuman Resmi' is not one of the site's",
    ),
    "misspelt-field": (
        "salah-ketik.md",
        "Title: Salah Ketik\n" + GOOD_HEADER + "Tgas: Pemilu\n\nIsi.\n",
        "content/berita/2026/salah-ketik.md:6: unknown field 'Tgas'; did you mean 'Tags'?",
    ),
    "summary-too-long": (
        "ringkasan-panjang.md",
        "Title: Ringkasan Panjang\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: "
        + "kata " * 80
        + "\n\nIsi.\n",
        "content/berita/2026/ringkasan-panjang.md:5: the summary has",
    ),
    "not-utf8": (
        "bukan-utf8.md",
        "Title: Pemilu\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: Caf\xe9 latin-1\n\nIsi.\n",
        "content/berita/2026/bukan-utf8.md:5: this file is not UTF-8 text",
    ),
}


def write_bad_post(site, name):
    filename, text, _ = BAD_POSTS[name]
    path = site / "content" / "berita" / "2026" / filename
    encoding = "latin-1" if name == "not-utf8" else "utf-8"
    path.write_text(text, encoding=encoding)
    return path
