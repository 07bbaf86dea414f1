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
    # Hostile or careless input (issue 9): each is refused with its line.
    "ten-megabyte-title": (
        "judul-raksasa.md",
        "Title: " + "<script>alert(1)</script>" * 400_000 + "\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/judul-raksasa.md:1: this file is 10.0 MB",
    ),
    "long-title": (
        "judul-panjang.md",
        "Title: " + "Rapat " * 50 + "\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/judul-panjang.md:1: 'Title' has 299 characters; shorten it to at most 200",
    ),
    "direction-override": (
        "arah-teks.md",
        "Title: Rapat Pleno\u202e 4202 ulimeP\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/arah-teks.md:1: 'Title' holds an invisible control character (U+202E)",
    ),
    "binary-named-md": (
        "foto.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "content/berita/2026/foto.md:3: this file is not text",
    ),
    "slug-out-of-the-site": (
        "slug-keluar.md",
        "Title: Slug Keluar\nSlug: ../../../etc\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/slug-keluar.md:2: slug '../../../etc' may only have",
    ),
    "image-out-of-content": (
        "foto-keluar.md",
        "Title: Foto Keluar\n"
        + GOOD_HEADER
        + "Image: ../../pelicanconf.py\nImage_Alt: Berkas\n\nIsi.\n",
        "content/berita/2026/foto-keluar.md:6: image '../../pelicanconf.py' points outside content/",
    ),
    "image-absolute-path": (
        "foto-mutlak.md",
        "Title: Foto Mutlak\n" + GOOD_HEADER + "Image: /etc/passwd\nImage_Alt: Berkas\n\nIsi.\n",
        "content/berita/2026/foto-mutlak.md:6: image '/etc/passwd' points outside content/",
    ),
    "old-url-script": (
        "alamat-lama-skrip.md",
        "Title: Alamat Lama\n" + GOOD_HEADER + "Old_Urls: javascript:alert(1)\n\nIsi.\n",
        "content/berita/2026/alamat-lama-skrip.md:6: old URL 'javascript:alert(1)' must be a path",
    ),
    "old-url-climbs-out": (
        "alamat-lama-naik.md",
        "Title: Alamat Lama Naik\n" + GOOD_HEADER + "Old_Urls: /berita/../../etc/passwd\n\nIsi.\n",
        "content/berita/2026/alamat-lama-naik.md:6: old URL '/berita/../../etc/passwd' must be a path",
    ),
    "tag-without-words": (
        "topik-kosong.md",
        "Title: Topik Kosong\n" + GOOD_HEADER + "Tags: Pemilu, <svg onload=alert(1)>\n\nIsi.\n",
        "content/berita/2026/topik-kosong.md:6: the tag '<svg onload=alert(1)>' has no words",
    ),
    "link-out-of-content": (
        "tautan-keluar.md",
        "Title: Tautan Keluar\n"
        + GOOD_HEADER
        + "\nLihat [berkas]({static}/../../pelicanconf.py).\n",
        "content/berita/2026/tautan-keluar.md:7: '{static}/../../pelicanconf.py' points outside content/",
    ),
    "photo-not-a-picture": (
        "foto-rusak.md",
        "Title: Foto Rusak\n" + GOOD_HEADER + "Image: images/rusak.jpg\nImage_Alt: Foto\n\nIsi.\n",
        "content/berita/2026/foto-rusak.md:6: the photo 'images/rusak.jpg' cannot be read",
    ),
    "unknown-embed": (
        "sematan-asing.md",
        "Title: Sematan Asing\n"
        + GOOD_HEADER
        + '\nIsi.\n\n<iframe src="https://iklan.example/x" width="600"></iframe>\n',
        "content/berita/2026/sematan-asing.md:9: an <iframe> from 'iklan.example' is not an embed",
    ),
    # What the build would fail on, or lose without a word (issue 24): each is
    # refused with its line, and `check` itself never stops on it.
    "embed-address-unreadable": (
        "sematan-rusak.md",
        "Title: Sematan Rusak\n"
        + GOOD_HEADER
        + '\nIsi.\n\n<iframe src="http://[x" width="600"></iframe>\n',
        "content/berita/2026/sematan-rusak.md:9: an <iframe> from 'http://[x' is not an embed",
    ),
    "link-address-unreadable": (
        "tautan-host-rusak.md",
        "Title: Tautan Host Rusak\n" + GOOD_HEADER + "\nLihat [peta](//[peta.kpu.go.id/ntt).\n",
        "content/berita/2026/tautan-host-rusak.md:7: the address '//[peta.kpu.go.id/ntt' "
        "cannot be read as a web address",
    ),
    "tag-too-long": (
        "topik-panjang.md",
        "Title: Topik Panjang\n"
        + GOOD_HEADER
        + "Tags: Pemilu, "
        + "Sosialisasi" * 25
        + "\n\nIsi.\n",
        "content/berita/2026/topik-panjang.md:6: the tag 'SosialisasiSosialisasi",
    ),
    "old-url-too-long": (
        "alamat-lama-panjang.md",
        "Title: Alamat Lama Panjang\n"
        + GOOD_HEADER
        + "Old_Urls: /index.php/blog/read/"
        + "berita-" * 40
        + "1234\n\nIsi.\n",
        "content/berita/2026/alamat-lama-panjang.md:6: the old URL '/index.php/blog/read/",
    ),
    "slug-too-long": (
        "slug-panjang.md",
        "Title: Slug Panjang\nSlug: " + "rapat-pleno-" * 25 + "ntt\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/slug-panjang.md:2: the address of this post, /berita/2026/05/",
    ),
    "control-character-in-body": (
        "kendali-isi.md",
        "Title: Kendali Isi\n" + GOOD_HEADER + "\nRapat dimulai pukul 09.00\x0b WITA.\n",
        "content/berita/2026/kendali-isi.md:7: this line holds an invisible control character "
        "(U+000B)",
    ),
    "control-character-in-alt-text": (
        "kendali-alt.md",
        "Title: Kendali Alt\n"
        + GOOD_HEADER
        + "\n![Peserta\x08 rapat]({static}/images/2024/tps-ilustrasi.jpg)\n",
        "content/berita/2026/kendali-alt.md:7: this line holds an invisible control character "
        "(U+0008)",
    ),
    "line-separator-in-title": (
        "judul-pemisah-baris.md",
        "Title: Rapat Pleno\u2028Status: draft\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/judul-pemisah-baris.md:1: 'Title' holds a line break that is not a "
        "new line (U+2028)",
    ),
    "field-on-two-lines": (
        "topik-dua-baris.md",
        "Title: Topik Dua Baris\n" + GOOD_HEADER + "Tags: Pemilu,\n    Pilkada\n\nIsi.\n",
        "content/berita/2026/topik-dua-baris.md:6: 'Tags' goes on over 2 lines",
    ),
    "unclosed-script": (
        "skrip-terbuka.md",
        "Title: Skrip Terbuka\n"
        + GOOD_HEADER
        + "\nParagraf pertama.\n\n<script>\n\nParagraf kedua.\n\nParagraf ketiga.\n",
        "content/berita/2026/skrip-terbuka.md:9: '<script>' here is never closed in its paragraph",
    ),
    "unclosed-style": (
        "gaya-terbuka.md",
        "Title: Gaya Terbuka\n"
        + GOOD_HEADER
        + "\nPeserta belajar tag <style> di HTML.\n\nParagraf kedua.\n",
        "content/berita/2026/gaya-terbuka.md:7: '<style>' here is never closed in its paragraph",
    ),
    "unclosed-svg": (
        "svg-terbuka.md",
        "Title: SVG Terbuka\n"
        + GOOD_HEADER
        + '\nLogo KPU: <svg viewBox="0 0 10 10"><style>\n\nParagraf kedua.\n',
        "content/berita/2026/svg-terbuka.md:7: '<svg>' here is never closed in its paragraph",
    ),
    "unclosed-processing-instruction": (
        "php-terbuka.md",
        "Title: PHP Terbuka\n"
        + GOOD_HEADER
        + "\n<div>Jumlah pemilih: <?= $jumlah\n\nParagraf kedua.\n",
        "content/berita/2026/php-terbuka.md:7: '<?' here is never closed in its paragraph",
    ),
}


def write_bad_post(site, name):
    filename, text, _ = BAD_POSTS[name]
    if name == "photo-not-a-picture":
        # A document saved with a photo's name.
        (site / "content" / "images" / "rusak.jpg").write_bytes(b"%PDF-1.4 bukan foto\n")
    path = site / "content" / "berita" / "2026" / filename
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="latin-1" if name == "not-utf8" else "utf-8")
    return path


# What an editor reads for each bad post, in Indonesian (KPU_LANG unset): the same
# file and line, and the start of the message.
INDONESIAN = {
    "no-title": "content/berita/2026/tanpa-judul.md:1: 'Title:' belum ada; tambahkan baris 'Title: ...'",
    "unparseable-date": "content/berita/2026/tanggal-salah.md:2: tanggal '03/11/2021 09.00' tidak dapat dibaca; tulis sebagai tahun-bulan-tanggal",
    "impossible-date": "content/berita/2026/tanggal-mustahil.md:2: tanggal '2026-02-30 09:00' tidak dapat dibaca",
    "same-url": "content/berita/2026/salinan-berita.md:1: "
    "'content/berita/2026/2026-08-19-sosialisasi-pendidikan-pemilih-pemula-di-sekolah.md' "
    "memakai alamat yang sama",
    "broken-internal-link": "content/berita/2026/tautan-rusak.md:7: '{filename}/pages/ppdi.md' tidak menunjuk ke berkas apa pun",
    "missing-image": "content/berita/2026/foto-hilang.md:9: '{static}/images/2026/tidak-ada.jpg' tidak menunjuk ke berkas apa pun",
    "missing-header-image": "content/berita/2026/foto-sampul-hilang.md:6: foto 'images/2026/tidak-ada.jpg' tidak ada di content/",
    "image-without-alt": "content/berita/2026/foto-tanpa-alt.md:7: foto '{static}/images/2024/tps-ilustrasi.jpg' belum punya teks alternatif",
    "category-outside-list": "content/berita/2026/kategori-salah.md:3: kategori 'Pengumuman Resmi' tidak ada di situs ini (pilihannya: Berita, Pengumuman, Siaran Pers); maksudnya 'Pengumuman'?",
    "misspelt-field": "content/berita/2026/salah-ketik.md:6: kolom 'Tgas' tidak dikenal; maksudnya 'Tags'?",
    "summary-too-long": "content/berita/2026/ringkasan-panjang.md:5: ringkasan berisi 399 karakter; persingkat menjadi paling banyak 300",
    "not-utf8": "content/berita/2026/bukan-utf8.md:5: berkas ini bukan teks UTF-8; simpan ulang sebagai UTF-8",
    "ten-megabyte-title": "content/berita/2026/judul-raksasa.md:1: berkas ini 10.0 MB; satu berita paling banyak 1 MB teks",
    "long-title": "content/berita/2026/judul-panjang.md:1: 'Title' berisi 299 karakter; persingkat menjadi paling banyak 200",
    "direction-override": "content/berita/2026/arah-teks.md:1: 'Title' berisi karakter kendali yang tidak terlihat (U+202E)",
    "binary-named-md": "content/berita/2026/foto.md:3: berkas ini bukan teks (isinya data biner)",
    "slug-out-of-the-site": "content/berita/2026/slug-keluar.md:2: slug '../../../etc' hanya boleh berisi huruf a-z",
    "image-out-of-content": "content/berita/2026/foto-keluar.md:6: foto '../../pelicanconf.py' menunjuk ke luar content/",
    "image-absolute-path": "content/berita/2026/foto-mutlak.md:6: foto '/etc/passwd' menunjuk ke luar content/",
    "old-url-script": "content/berita/2026/alamat-lama-skrip.md:6: alamat lama 'javascript:alert(1)' harus berupa jalur",
    "old-url-climbs-out": "content/berita/2026/alamat-lama-naik.md:6: alamat lama '/berita/../../etc/passwd' harus berupa jalur",
    "tag-without-words": "content/berita/2026/topik-kosong.md:6: tag '<svg onload=alert(1)>' tidak berisi kata",
    "link-out-of-content": "content/berita/2026/tautan-keluar.md:7: '{static}/../../pelicanconf.py' menunjuk ke luar content/",
    "photo-not-a-picture": "content/berita/2026/foto-rusak.md:6: foto 'images/rusak.jpg' tidak dapat dibaca",
    "unknown-embed": "content/berita/2026/sematan-asing.md:9: <iframe> dari 'iklan.example'",
    "embed-address-unreadable": "content/berita/2026/sematan-rusak.md:9: <iframe> dari 'http://[x'",
    "link-address-unreadable": "content/berita/2026/tautan-host-rusak.md:7: alamat '//[peta.kpu.go.id/ntt' tidak dapat dibaca sebagai alamat web",
    "tag-too-long": "content/berita/2026/topik-panjang.md:6: tag 'SosialisasiSosialisasi",
    "old-url-too-long": "content/berita/2026/alamat-lama-panjang.md:6: alamat lama '/index.php/blog/read/",
    "slug-too-long": "content/berita/2026/slug-panjang.md:2: alamat berita ini, /berita/2026/05/",
    "control-character-in-body": "content/berita/2026/kendali-isi.md:7: baris ini berisi karakter kendali yang tidak terlihat (U+000B)",
    "control-character-in-alt-text": "content/berita/2026/kendali-alt.md:7: baris ini berisi karakter kendali yang tidak terlihat (U+0008)",
    "line-separator-in-title": "content/berita/2026/judul-pemisah-baris.md:1: 'Title' berisi tanda ganti baris yang bukan baris baru (U+2028)",
    "field-on-two-lines": "content/berita/2026/topik-dua-baris.md:6: 'Tags' ditulis dalam 2 baris",
    "unclosed-script": "content/berita/2026/skrip-terbuka.md:9: '<script>' di baris ini tidak ditutup dalam paragrafnya",
    "unclosed-style": "content/berita/2026/gaya-terbuka.md:7: '<style>' di baris ini tidak ditutup dalam paragrafnya",
    "unclosed-svg": "content/berita/2026/svg-terbuka.md:7: '<svg>' di baris ini tidak ditutup dalam paragrafnya",
    "unclosed-processing-instruction": "content/berita/2026/php-terbuka.md:7: '<?' di baris ini tidak ditutup dalam paragrafnya",
}
