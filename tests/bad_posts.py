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
    # What a clean clone's review found check passing and a build (or
    # verify-output, before publishing) failing on, or text lost silently.
    "old-url-of-a-tag-page": (
        "alamat-lama-topik.md",
        "Title: Alamat Lama Topik\n" + GOOD_HEADER + "Old_Urls: /topik/pemilu-2024\n\nIsi.\n",
        "content/berita/2026/alamat-lama-topik.md:6: the old URL /topik/pemilu-2024 is taken by "
        "the site's own /topik/pemilu-2024/index.html",
    ),
    "old-url-of-the-sitemap": (
        "alamat-lama-sitemap.md",
        "Title: Alamat Lama Sitemap\n" + GOOD_HEADER + "Old_Urls: /sitemap.xml\n\nIsi.\n",
        "content/berita/2026/alamat-lama-sitemap.md:6: the old URL /sitemap.xml is taken by the "
        "site's own /sitemap.xml",
    ),
    "unreadable-modified": (
        "diubah-kemarin.md",
        "Title: Diubah Kemarin\n" + GOOD_HEADER + "Modified: kemarin\n\nIsi.\n",
        "content/berita/2026/diubah-kemarin.md:6: cannot read the date 'kemarin' in 'Modified:'",
    ),
    "unknown-link-indicator": (
        "penanda-asing.md",
        "Title: Penanda Asing\n" + GOOD_HEADER + "\nLihat [berkas]({foo}bar).\n",
        "content/berita/2026/penanda-asing.md:7: '{foo}bar' starts with '{foo}', which the site "
        "does not know",
    ),
    "pipe-filename-link": (
        "tautan-pipa.md",
        "Title: Tautan Pipa\n" + GOOD_HEADER + "\nLihat [berita](|filename|tidak-ada.md).\n",
        "content/berita/2026/tautan-pipa.md:7: '|filename|tidak-ada.md' points at no file",
    ),
    "filename-link-to-a-photo": (
        "foto-filename.md",
        "Title: Foto Filename\n"
        + GOOD_HEADER
        + "\n![Kotak suara]({filename}/images/2024/tps-ilustrasi.jpg)\n",
        "content/berita/2026/foto-filename.md:7: '{filename}/images/2024/tps-ilustrasi.jpg' links a "
        "photo or a file with {filename}",
    ),
    "title-of-markup": (
        "judul-kode.md",
        "Title: <b></b>\n" + GOOD_HEADER + "\nIsi.\n",
        "content/berita/2026/judul-kode.md:1: the title '<b></b>' is nothing but markup",
    ),
    "link-to-an-author-page": (
        "tautan-penulis.md",
        "Title: Tautan Penulis\n" + GOOD_HEADER + "\nDitulis oleh [KPU]({author}kpu).\n",
        "content/berita/2026/tautan-penulis.md:7: '{author}kpu' leads to an author page",
    ),
    "link-to-a-tag-no-post-has": (
        "tautan-topik.md",
        "Title: Tautan Topik\n" + GOOD_HEADER + "\nLihat [topik]({tag}tidak-ada).\n",
        "content/berita/2026/tautan-topik.md:7: '{tag}tidak-ada' leads to the page of the tag "
        "'tidak-ada', and no published post has it",
    ),
    "link-to-a-draft": (
        "tautan-draf.md",
        "Title: Tautan Draf\n" + GOOD_HEADER + "\nLihat [draf]({filename}2026-11-21-draf.md).\n",
        "content/berita/2026/tautan-draf.md:7: '{filename}2026-11-21-draf.md' leads to a draft",
    ),
    "link-to-a-post-not-out-yet": (
        "tautan-nanti.md",
        "Title: Tautan Nanti\n" + GOOD_HEADER + "\nLihat [nanti]({filename}2099-01-01-nanti.md).\n",
        "content/berita/2026/tautan-nanti.md:7: '{filename}2099-01-01-nanti.md' leads to a post "
        "dated 2099-01-01 09:00",
    ),
    "link-to-no-page": (
        "tautan-buntu.md",
        "Title: Tautan Buntu\n" + GOOD_HEADER + "\nLihat [berita](/berita/2020/01/tidak-ada/).\n",
        "content/berita/2026/tautan-buntu.md:7: the link '/berita/2020/01/tidak-ada/' leads to "
        "no page of this site",
    ),
    "unused-link-definition": (
        "definisi-tautan.md",
        "Title: Definisi Tautan\n" + GOOD_HEADER + "\nIsi.\n\n[Sumber]: https://kpu.go.id/x\n",
        "content/berita/2026/definisi-tautan.md:9: '[Sumber]: https://kpu.go.id/x' reads as a "
        "link definition",
    ),
    "summary-of-a-link-definition": (
        "ringkasan-definisi.md",
        "Title: Ringkasan Definisi\nDate: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\n"
        'Summary: [Catatan]: Diperbarui "kemarin"\n\nIsi.\n',
        "content/berita/2026/ringkasan-definisi.md:5: '[Catatan]: Diperbarui \"kemarin\"' reads "
        "as a link definition",
    ),
    "unused-abbreviation": (
        "singkatan.md",
        "Title: Singkatan\n" + GOOD_HEADER + "\nIsi.\n\n*[BAWASLU]: Badan Pengawas Pemilu\n",
        "content/berita/2026/singkatan.md:9: '*[BAWASLU]: Badan Pengawas Pemilu' reads as the "
        "meaning of the abbreviation BAWASLU",
    ),
    "removed-attribute-list": (
        "atribut.md",
        "Title: Atribut\n" + GOOD_HEADER + "\nParagraf pertama.\n{: x }\n",
        "content/berita/2026/atribut.md:8: '{: x }' at the end of a paragraph reads as "
        "attributes for it",
    ),
    "field-after-the-header-ends": (
        "draf-terbit.md",
        "Title: Draf Terbit\n" + GOOD_HEADER + "\u00a0\nStatus: draft\n\nIsi.\n",
        "content/berita/2026/draf-terbit.md:6: the header ends on this line",
    ),
    "image-name-too-long": (
        "foto-nama-panjang.md",
        "Title: Foto Nama Panjang\n"
        + GOOD_HEADER
        + "Image: images/"
        + "a" * 300
        + ".jpg\nImage_Alt: Foto\n\nIsi.\n",
        "content/berita/2026/foto-nama-panjang.md:6: image 'images/aaa",
    ),
}


# A draft, and a post dated long after any run of the tests: neither is on the published site.
LINKED_POSTS = {
    "link-to-a-draft": (
        "2026-11-21-draf.md",
        "Title: Draf\nDate: 2026-11-21 10:00\nCategory: Berita\nStatus: draft\n\nIsi.\n",
    ),
    "link-to-a-post-not-out-yet": (
        "2099-01-01-nanti.md",
        "Title: Nanti\nDate: 2099-01-01 09:00\nCategory: Berita\nWilayah: NTT\n"
        "Summary: Ringkas.\n\nIsi.\n",
    ),
}


def write_bad_post(site, name):
    filename, text, _ = BAD_POSTS[name]
    if name == "photo-not-a-picture":
        # A document saved with a photo's name.
        (site / "content" / "images" / "rusak.jpg").write_bytes(b"%PDF-1.4 bukan foto\n")
    if name in LINKED_POSTS:
        # The post linked to: itself as the site accepts it.
        linked_name, linked_text = LINKED_POSTS[name]
        (site / "content" / "berita" / "2026" / linked_name).write_text(linked_text)
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
    "old-url-of-a-tag-page": "content/berita/2026/alamat-lama-topik.md:6: alamat lama /topik/pemilu-2024 sudah dipakai situs ini sendiri untuk /topik/pemilu-2024/index.html",
    "old-url-of-the-sitemap": "content/berita/2026/alamat-lama-sitemap.md:6: alamat lama /sitemap.xml sudah dipakai situs ini sendiri untuk /sitemap.xml",
    "unreadable-modified": "content/berita/2026/diubah-kemarin.md:6: tanggal 'kemarin' di 'Modified:' tidak dapat dibaca",
    "unknown-link-indicator": "content/berita/2026/penanda-asing.md:7: '{foo}bar' diawali '{foo}', yang tidak dikenal situs",
    "pipe-filename-link": "content/berita/2026/tautan-pipa.md:7: '|filename|tidak-ada.md' tidak menunjuk ke berkas apa pun",
    "filename-link-to-a-photo": "content/berita/2026/foto-filename.md:7: '{filename}/images/2024/tps-ilustrasi.jpg' menautkan foto atau berkas dengan {filename}",
    "title-of-markup": "content/berita/2026/judul-kode.md:1: judul '<b></b>' hanya berisi kode (markah)",
    "link-to-an-author-page": "content/berita/2026/tautan-penulis.md:7: '{author}kpu' menuju halaman penulis",
    "link-to-a-tag-no-post-has": "content/berita/2026/tautan-topik.md:7: '{tag}tidak-ada' menuju halaman topik 'tidak-ada', padahal tidak ada berita terbit yang memakainya",
    "link-to-a-draft": "content/berita/2026/tautan-draf.md:7: '{filename}2026-11-21-draf.md' menuju draf",
    "link-to-a-post-not-out-yet": "content/berita/2026/tautan-nanti.md:7: '{filename}2099-01-01-nanti.md' menuju berita bertanggal 2099-01-01 09:00",
    "link-to-no-page": "content/berita/2026/tautan-buntu.md:7: tautan '/berita/2020/01/tidak-ada/' tidak menuju halaman mana pun di situs ini",
    "unused-link-definition": "content/berita/2026/definisi-tautan.md:9: '[Sumber]: https://kpu.go.id/x' terbaca sebagai definisi tautan",
    "summary-of-a-link-definition": "content/berita/2026/ringkasan-definisi.md:5: '[Catatan]: Diperbarui \"kemarin\"' terbaca sebagai definisi tautan",
    "unused-abbreviation": "content/berita/2026/singkatan.md:9: '*[BAWASLU]: Badan Pengawas Pemilu' terbaca sebagai arti singkatan BAWASLU",
    "removed-attribute-list": "content/berita/2026/atribut.md:8: '{: x }' di akhir paragraf terbaca sebagai atribut paragraf itu",
    "field-after-the-header-ends": "content/berita/2026/draf-terbit.md:6: kepala berita berakhir di baris ini",
    "image-name-too-long": "content/berita/2026/foto-nama-panjang.md:6: foto 'images/aaa",
}
