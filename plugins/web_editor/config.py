"""The web editor's configuration (Decap CMS's config.yml), made from the site's own lists.

Categories come from CATEGORIES, regencies from the gazetteer, the summary's
limit from SUMMARY_MAX_CHARS and the file names from `invoke new-post`'s
rule, so the form can only offer what `invoke check` accepts.
"""

PROVINCE = {"label": "Se-NTT (seluruh provinsi)", "value": "NTT"}
# Not on the form, but kept when a file is opened and saved again: Slug (a
# post's address, once set), Modified, Status (draft or hidden), and any other
# field editor.js found in the header.
KEPT = [
    {"name": name, "widget": "hidden", "required": False}
    for name in ("slug", "modified", "status", "kept_fields")
]


def regency_options(gazetteer) -> list[dict]:
    """The province-wide choice first, then the 22 regencies by their short names."""
    regencies = sorted(gazetteer.regencies, key=lambda regency: regency.short_name)
    return [PROVINCE] + [{"label": r.short_name, "value": r.name} for r in regencies]


def editor_config(settings: dict, gazetteer, content: str) -> dict:
    """The configuration for Decap CMS; content is the content folder, from the repository root."""
    articles = settings["ARTICLE_PATHS"][0]
    pages = settings["PAGE_PATHS"][0]
    summary_limit = settings["SUMMARY_MAX_CHARS"]
    summary = {
        "label": "Ringkasan",
        "name": "summary",
        "widget": "text",
        "hint": f"Satu atau dua kalimat, paling banyak {summary_limit} huruf. "
        "Tampil di daftar berita dan saat dibagikan.",
        "pattern": [
            f"^[\\s\\S]{{1,{summary_limit}}}$",
            f"Paling banyak {summary_limit} huruf",
        ],
    }
    body = {"label": "Isi", "name": "body", "widget": "markdown"}
    return {
        "backend": {
            "name": "github",
            "repo": settings["EDITOR_REPOSITORY"],
            "branch": settings["EDITOR_BRANCH"],
            **({"base_url": settings["EDITOR_OAUTH_URL"]} if settings["EDITOR_OAUTH_URL"] else {}),
            "commit_messages": {
                "create": "Berita baru: {{slug}} (lewat editor web)",
                "update": "Ubah {{slug}} (lewat editor web)",
                "delete": "Hapus {{slug}} (lewat editor web)",
                "uploadMedia": "Unggah {{path}} (lewat editor web)",
                "deleteMedia": "Hapus {{path}} (lewat editor web)",
            },
        },
        # Used instead of GitHub only when the editor is opened on this machine.
        "local_backend": {
            "url": settings["EDITOR_LOCAL_BACKEND"],
            "allowed_hosts": ["127.0.0.1", "localhost"],
        },
        "publish_mode": "editorial_workflow",
        "locale": "id",
        "site_url": settings["CANONICAL_SITEURL"],
        "display_url": settings["CANONICAL_SITEURL"],
        "media_folder": f"{content}/images/unggahan",
        "public_folder": "images/unggahan",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            {
                "name": "berita",
                "label": "Berita",
                "label_singular": "berita",
                "folder": f"{content}/{articles}",
                "create": True,
                "extension": "md",
                "format": "pelican",
                # As `invoke new-post` names them: berita/2026/2026-11-28-judul.md
                "path": "{{year}}/{{year}}-{{month}}-{{day}}-{{slug}}",
                "slug": "{{slug}}",
                "identifier_field": "title",
                "summary": "{{title}}",
                "sortable_fields": ["date", "title"],
                # Photos go to one folder, written as `invoke check` reads them
                # (from the content folder); without this Decap puts them beside the post.
                "media_folder": f"/{content}/images/unggahan",
                "public_folder": "images/unggahan",
                "fields": [
                    {"label": "Judul", "name": "title", "widget": "string"},
                    {
                        "label": "Tanggal dan jam (WITA)",
                        "name": "date",
                        "widget": "datetime",
                        "format": "YYYY-MM-DD HH:mm",
                        "date_format": "D MMMM YYYY",
                        "time_format": "HH.mm",
                        "picker_utc": False,
                    },
                    {
                        "label": "Kategori",
                        "name": "category",
                        "widget": "select",
                        "options": list(settings["CATEGORIES"]),
                        "default": settings["DEFAULT_CATEGORY"],
                    },
                    {
                        "label": "Wilayah",
                        "name": "wilayah",
                        "widget": "select",
                        "multiple": True,
                        "min": 1,
                        "options": regency_options(gazetteer),
                        "hint": "Kabupaten/kota yang diberitakan, atau Se-NTT untuk seluruh provinsi.",
                    },
                    {
                        "label": "Topik",
                        "name": "tags",
                        "widget": "list",
                        "required": False,
                        "hint": "Pisahkan dengan koma, misalnya: Pemilu 2024, Daftar Pemilih",
                    },
                    summary,
                    {
                        "label": "Foto",
                        "name": "image",
                        "widget": "image",
                        "required": False,
                        "choose_url": False,
                    },
                    {
                        "label": "Teks alternatif foto",
                        "name": "image_alt",
                        "widget": "string",
                        "required": False,
                        "hint": "Wajib bila ada foto: apa yang tampak di foto, untuk pembaca "
                        "tunanetra dan bila foto tidak termuat.",
                    },
                    {
                        "label": "Keterangan foto",
                        "name": "image_caption",
                        "widget": "string",
                        "required": False,
                    },
                    {
                        "label": "Alamat lama",
                        "name": "old_urls",
                        "widget": "list",
                        "required": False,
                        "hint": "Alamat berita ini di situs lama, misalnya /index.php/blog/read/1234",
                    },
                    {
                        "label": "Tampilkan tombol Bagikan",
                        "name": "share",
                        "widget": "boolean",
                        "default": True,
                        "required": False,
                    },
                    *KEPT,
                    body,
                ],
            },
            {
                "name": "halaman",
                "label": "Halaman",
                "label_singular": "halaman",
                "folder": f"{content}/{pages}",
                "create": True,
                "extension": "md",
                "format": "pelican",
                "slug": "{{fields.slug}}",
                "identifier_field": "title",
                "fields": [
                    {"label": "Judul", "name": "title", "widget": "string"},
                    {
                        "label": "Alamat",
                        "name": "slug",
                        "widget": "string",
                        "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "Huruf kecil, angka dan tanda -"],
                        "hint": "Bagian alamat halaman, misalnya profil untuk /profil/. "
                        "Jangan diubah setelah terbit.",
                    },
                    {**summary, "required": False},
                    *(kept for kept in KEPT if kept["name"] != "slug"),
                    body,
                ],
            },
        ],
    }
