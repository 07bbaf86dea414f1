"""Generated posts for benchmarks: realistic Indonesian news in the site's format.

`write_posts(folder, count)` writes COUNT Markdown posts under FOLDER with
the full header (title, date in WITA, category, tags, Wilayah, summary) and a
body of four to seven paragraphs, about the length of the real posts. With
`photos`, a folder of content/images, one post in ten has a photo, one of
PHOTOS JPEGs of 1600 x 1067 pixels written there. The same seed gives the same posts.
"""

import random
from datetime import datetime, timedelta
from pathlib import Path

REGENCIES = [
    "Kabupaten Kupang",
    "TTS",
    "TTU",
    "Belu",
    "Alor",
    "Flores Timur",
    "Sikka",
    "Ende",
    "Ngada",
    "Manggarai",
    "Sumba Timur",
    "Sumba Barat",
    "Lembata",
    "Rote Ndao",
    "Manggarai Barat",
    "Nagekeo",
    "Sumba Tengah",
    "SBD",
    "Manggarai Timur",
    "Sabu Raijua",
    "Malaka",
    "Kota Kupang",
]
CATEGORIES = ["Berita", "Berita", "Berita", "Pengumuman", "Siaran Pers"]
TAGS = [
    "Pemilu 2024",
    "Pilkada 2024",
    "Daftar Pemilih",
    "Sosialisasi",
    "DP3",
    "Badan Ad Hoc",
    "Logistik",
    "Rekapitulasi",
    "PPID",
    "Pemilih Pemula",
    "Kampanye",
    "Bimtek",
    "Evaluasi",
]
ACTIVITIES = [
    "Rapat Koordinasi",
    "Bimbingan Teknis",
    "Sosialisasi",
    "Rapat Pleno Terbuka",
    "Pembekalan",
    "Monitoring dan Evaluasi",
    "Uji Publik",
    "Rekapitulasi",
    "Pencocokan dan Penelitian",
]
TOPICS = [
    "Daftar Pemilih Berkelanjutan",
    "Pemungutan Suara",
    "Distribusi Logistik",
    "Desa Peduli Pemilu dan Pemilihan",
    "Pemilih Pemula",
    "Badan Ad Hoc",
    "Kampanye",
    "Informasi Publik",
    "Penghitungan Suara",
    "Pendidikan Pemilih",
]
# Words of Indonesian election news, most common first: sentences draw them
# with Zipf's law (the n-th word about 1/n as often as the first), as real
# text does, so an index of generated posts has realistic posting lists.
WORDS = (
    "dan yang di untuk dengan pada dalam ini itu dari ke oleh akan juga tersebut sebagai "
    "kpu pemilu pemilihan pemilih kabupaten kota provinsi daftar data suara tahapan kegiatan dpt "
    "masyarakat desa kelurahan kecamatan rapat koordinasi sosialisasi anggota ketua sekretariat "
    "divisi teknis hukum perencanaan informasi publik layanan pengaduan tanggapan perbaikan "
    "jadwal pelaksanaan persiapan evaluasi laporan tempat pemungutan logistik kotak surat formulir "
    "rekapitulasi hasil penghitungan partisipasi pendidikan kader relawan demokrasi transparan "
    "akuntabel peserta bawaslu partai politik calon kampanye debat verifikasi administrasi "
    "faktual pencalonan dukungan penetapan pengumuman keputusan peraturan regulasi anggaran "
    "hibah pengadaan distribusi gudang pengepakan penyortiran pelipatan pengiriman kapal "
    "pelabuhan pulau perahu cuaca gelombang jalan jembatan listrik sinyal jaringan aplikasi "
    "sirekap sidalih sipol siakba pantarlih kpps pps ppk tps dps dpshp saksi pemantau pengawas "
    "keamanan "
    "polisi tni camat bupati wali gubernur dprd dpr dpd presiden wakil komisioner sekretaris "
    "kepala bagian subbagian staf operator petugas pendamping disabilitas lansia perempuan "
    "pemula milenial sekolah kampus mahasiswa siswa guru gereja masjid tokoh adat agama "
    "pemuda organisasi lembaga media wartawan siaran pers berita foto video spanduk baliho "
    "brosur stiker kalender buku panduan modul materi narasumber moderator diskusi seminar "
    "lokakarya bimbingan pelatihan simulasi uji coba pemutakhiran berkelanjutan pindah "
    "meninggal ganda tidak memenuhi syarat baru ktp elektronik kartu keluarga nik domisili "
    "alamat rumah kampung dusun wilayah daerah nasional pusat kantor aula hotel gedung ruang "
    "pagi siang sore malam senin selasa rabu kamis jumat sabtu minggu januari februari maret "
    "april mei juni juli agustus september oktober november desember tahun bulan minggu hari "
    "jam menit pertama kedua ketiga terakhir lanjutan awal akhir tengah penting utama khusus"
).split()
WEIGHTS = [1 / rank for rank in range(1, len(WORDS) + 1)]


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, weights=WEIGHTS, k=rng.randint(10, 22))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def post_text(number: int, rng: random.Random, start: datetime) -> tuple[str, str]:
    moment = start + timedelta(minutes=rng.randint(0, 6 * 365 * 24 * 60))
    moment = moment.replace(minute=moment.minute - moment.minute % 5)
    places = ["NTT"] if rng.random() < 0.3 else rng.sample(REGENCIES, rng.randint(1, 2))
    where = places[0] if places != ["NTT"] else "Se-NTT"
    title = f"{rng.choice(ACTIVITIES)} {rng.choice(TOPICS)} {where} Nomor {number}"
    header = [
        f"Title: {title}",
        f"Date: {moment:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {', '.join(rng.sample(TAGS, rng.randint(1, 3)))}",
        f"Wilayah: {', '.join(places)}",
        f"Summary: {sentence(rng)}",
    ]
    body = "\n\n".join(paragraph(rng) for _ in range(rng.randint(4, 7)))
    return f"{moment:%Y-%m-%d}-{number:05d}.md", "\n".join(header) + "\n\n" + body + "\n"


PHOTOS = 50


def write_photos(folder: Path) -> list[str]:
    """PHOTOS 1600 x 1067 JPEGs in FOLDER; their paths as a post's "Image:" names them."""
    from PIL import Image, ImageDraw  # noqa: PLC0415

    names = []
    for number in range(PHOTOS):
        photo = Image.linear_gradient("L").resize((1600, 1067)).convert("RGB")
        draw = ImageDraw.Draw(photo)
        for box in range(8):
            x, y = (number * 97 + box * 181) % 1400, (number * 53 + box * 131) % 900
            draw.rectangle((x, y, x + 200, y + 160), fill=(40 * box % 255, number * 5, 120))
        folder.mkdir(parents=True, exist_ok=True)
        photo.save(folder / f"foto-{number:02d}.jpg", quality=85)
        names.append(f"images/{folder.name}/foto-{number:02d}.jpg")
    return names


def write_posts(folder: Path, count: int, seed: int = 2024, photos: Path | None = None) -> None:
    rng = random.Random(seed)
    start = datetime(2021, 1, 1, 8, 0)
    pictures = write_photos(photos) if photos else []
    for number in range(1, count + 1):
        name, text = post_text(number, rng, start)
        if pictures and number % 10 == 0:
            picture = pictures[number // 10 % len(pictures)]
            header, body = text.split("\n\n", 1)
            text = f"{header}\nImage: {picture}\nImage_Alt: Foto kegiatan nomor {number}\n\n{body}"
        target = folder / name[:4] / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
