"""The web editor at /admin/: its configuration, its place in the site, its
pinned bundle, and an editor writing a post through it in Chromium against
Decap's local backend (decap-server) on 127.0.0.1."""

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import threading
from datetime import datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, copy_site, free_port, read_html, run_task, serve_build
from pelican.settings import read_settings
from PIL import Image, ImageDraw

from kpu_content.new_post import new_post_file
from regencies.gazetteer import load_gazetteer
from web_editor.config import editor_config

SETTINGS = read_settings(str(ROOT / "pelicanconf.py"))
GAZETTEER = load_gazetteer(str(SETTINGS["REGENCIES_FILE"]))
CONFIG = editor_config(SETTINGS, GAZETTEER, "content")
DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"
SCREENSHOTS = os.environ.get("KPU_EDITOR_SCREENSHOTS")


def collection(name: str) -> dict:
    return next(c for c in CONFIG["collections"] if c["name"] == name)


def field(collection_name: str, name: str) -> dict:
    return next(f for f in collection(collection_name)["fields"] if f["name"] == name)


def test_the_form_offers_only_what_check_accepts():
    assert field("berita", "category")["options"] == SETTINGS["CATEGORIES"]
    options = field("berita", "wilayah")["options"]
    assert options[0] == {"label": "Se-NTT (seluruh provinsi)", "value": "NTT"}
    assert len(options) == 23
    assert len({o["label"] for o in options}) == 23  # Kota and Kabupaten Kupang apart
    regencies = GAZETTEER.place(", ".join(o["value"] for o in options[1:]))
    assert len(regencies.regencies) == 22
    assert GAZETTEER.place("NTT").province_wide
    assert field("berita", "wilayah")["min"] == 1
    limit = SETTINGS["SUMMARY_MAX_CHARS"]
    assert field("berita", "summary")["pattern"][0] == f"^[\\s\\S]{{1,{limit}}}$"


def test_posts_land_where_new_post_puts_them(tmp_path):
    now = datetime(2026, 11, 20, 9, 30)
    settings = {**SETTINGS, "PATH": str(tmp_path)}
    made = new_post_file(settings, "Rapat Pleno DPT", "Berita", now)
    berita = collection("berita")
    written = (
        berita["path"]
        .replace("{{year}}", "2026")
        .replace("{{month}}", "11")
        .replace("{{day}}", "20")
        .replace("{{slug}}", "rapat-pleno-dpt")
    )
    assert berita["folder"] == "content/berita"
    assert made.relative_to(tmp_path / "berita").as_posix() == written + ".md"
    assert berita["format"] == "pelican"  # editor.js's writer of the site's own header
    assert berita["media_folder"] == "/content/images/unggahan"


def test_admin_is_built_and_no_reader_page_points_to_it(published_site):
    admin = published_site / "admin"
    config = json.loads((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["collections"][0]["name"] == "berita"
    assert config["local_backend"]["allowed_hosts"] == ["127.0.0.1", "localhost"]
    page = read_html(admin / "index.html")
    assert [s["src"] for s in page.find_all("script")] == ["decap-cms.js", "editor.js"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    for html in published_site.rglob("*.html"):
        if admin in html.parents:
            continue
        text = html.read_text(encoding="utf-8")
        assert "/admin" not in text, html
        assert "decap" not in text.lower(), html
    assert "Disallow: /admin/" in (published_site / "robots.txt").read_text(encoding="utf-8")


def test_the_bundle_is_the_one_the_lock_pins(published_site):
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/decap-cms"]["version"]
    bundle = (published_site / "admin" / "decap-cms.js").read_text(encoding="utf-8")
    assert f"decap-cms-app {version}" in bundle
    # Decap loads the rest of itself in chunks, from the same folder.
    assert len(list((published_site / "admin").glob("*.decap-cms.js"))) > 10


# --- dev.py's download, from a registry on 127.0.0.1 -----------------------


def tarball(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture
def registry(tmp_path):
    """A folder served as an npm registry, and a project whose lock names it."""
    served = tmp_path / "registry"
    (served / "decap-cms" / "-").mkdir(parents=True)
    handler = partial(SimpleHTTPRequestHandler, directory=str(served))
    handler.log_message = lambda *arguments: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy2(ROOT / "dev.py", project / "dev.py")
    # What dev.py says comes from the catalog beside it.
    shutil.copytree(
        ROOT / "plugins" / "translations",
        project / "plugins" / "translations",
        ignore=shutil.ignore_patterns("__pycache__"),
    )

    def publish(data: bytes, integrity_of: bytes | None = None) -> subprocess.CompletedProcess:
        (served / "decap-cms" / "-" / "decap-cms-9.9.9.tgz").write_bytes(data)
        digest = hashlib.sha512(integrity_of or data).digest()
        lock = {
            "packages": {
                "node_modules/decap-cms": {
                    "version": "9.9.9",
                    "integrity": "sha512-" + base64.b64encode(digest).decode(),
                }
            }
        }
        (project / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
        environment = os.environ | {
            "NPM_CONFIG_REGISTRY": f"http://127.0.0.1:{server.server_address[1]}/"
        }
        return subprocess.run(
            [sys.executable, "-c", "import dev; dev.ensure_editor_bundle()"],
            cwd=project,
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )

    yield project, publish
    server.shutdown()


def test_dev_py_unpacks_only_the_bundle(registry):
    project, publish = registry
    result = publish(
        tarball(
            {
                "package/package.json": b"{}",
                "package/dist/decap-cms.js": b"// bundle",
                "package/dist/12.decap-cms.js": b"// chunk",
                "package/dist/12.decap-cms.js.map": b"{}",
                "package/dist/../../../outside.decap-cms.js": b"// escape",
            }
        )
    )
    assert result.returncode == 0, result.stderr
    vendor = project / ".vendor"
    assert sorted(p.name for p in (vendor / "decap-cms-9.9.9").iterdir()) == [
        "12.decap-cms.js",
        "decap-cms.js",
        "outside.decap-cms.js",  # kept by its base name, inside the folder
    ]
    assert not (project.parent / "outside.decap-cms.js").exists()
    assert [p.name for p in vendor.iterdir()] == ["decap-cms-9.9.9"]


def test_dev_py_refuses_a_bundle_that_is_not_the_pinned_one(registry):
    project, publish = registry
    genuine = tarball({"package/dist/decap-cms.js": b"// bundle"})
    result = publish(tarball({"package/dist/decap-cms.js": b"// changed"}), integrity_of=genuine)
    assert result.returncode != 0
    assert "does not match the integrity hash in package-lock.json" in result.stderr
    assert not (project / ".vendor" / "decap-cms-9.9.9").exists()


# --- In Chromium, against decap-server ---------------------------------------


@pytest.fixture(scope="module")
def editor_site(tmp_path_factory):
    """A clone of the site in its own git repository, decap-server on it, and /admin/ served."""
    if not DECAP_SERVER.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs decap-server: `npm ci` (dev.py test does) installs it")
        pytest.skip("no node_modules/.bin/decap-server: run `npm ci` for the web editor tests")
    site = copy_site(tmp_path_factory.mktemp("editor") / "site")
    (site / ".gitignore").write_text(".cache/\n.vendor\noutput/\n__pycache__/\n", encoding="utf-8")

    def git(*arguments):
        subprocess.run(["git", *arguments], cwd=site, check=True, capture_output=True)

    git("init", "-b", "main")
    git("config", "user.name", "Humas KPU Sikka")
    git("config", "user.email", "humas@kpu-sikka.invalid")
    git("add", "-A")
    git("commit", "-m", "Situs")
    port = free_port()
    backend = subprocess.Popen(
        [str(DECAP_SERVER)],
        env=os.environ
        | {
            "MODE": "git",
            "GIT_REPO_DIRECTORY": str(site),
            "PORT": str(port),
            "BIND_HOST": "127.0.0.1",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    output = tmp_path_factory.mktemp("editor-output")
    server, base = serve_build(
        output, {"EDITOR_LOCAL_BACKEND": f"http://127.0.0.1:{port}/api/v1"}, project=site
    )
    yield site, base
    server.shutdown()
    backend.terminate()
    backend.wait(timeout=10)


@pytest.fixture
def editor(browser, editor_site):
    _, base = editor_site
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, timezone_id="Asia/Makassar", locale="id-ID"
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Masuk").click()
    page.get_by_text("Alur kerja").wait_for()
    yield page
    context.close()


def screenshot(page, name: str, tmp_path: Path) -> None:
    """Kept for docs/panduan-penulis.md when KPU_EDITOR_SCREENSHOTS names a folder (docs/editor)."""
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / name))


def photo(folder: Path) -> Path:
    path = folder / "rapat-pleno.jpg"
    image = Image.new("RGB", (1200, 800), (200, 120, 40))
    ImageDraw.Draw(image).rectangle((100, 100, 600, 500), fill=(30, 60, 160))
    image.save(path, quality=85)
    return path


def fill_post(page, base: str, title: str, regencies: list[str]) -> None:
    page.goto(f"{base}/admin/#/collections/berita/new")
    page.get_by_label("Judul").fill(title)
    page.get_by_label("Tanggal dan jam (WITA)").fill("2026-11-20T09:30")
    for regency in regencies:
        page.locator("input[id^=wilayah-field]").fill(regency)
        page.keyboard.press("Enter")
    page.get_by_label("Ringkasan").fill(
        "KPU Kabupaten Sikka dan KPU Kota Kupang menetapkan daftar pemilih tetap "
        "dalam rapat pleno terbuka."
    )
    page.locator("[data-slate-editor]").click()
    page.keyboard.type("Rapat pleno terbuka digelar di aula kantor KPU.")


def choose_photo(page, folder: Path) -> None:
    page.get_by_role("button", name="Pilih foto").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Unggah", exact=True).click()
    chooser.value.set_files(str(photo(folder)))
    page.get_by_role("button", name="Pakai yang dipilih").click()


def cms_branches(site: Path) -> list[str]:
    listed = subprocess.run(
        ["git", "branch", "--list", "cms/*"], cwd=site, capture_output=True, text=True, check=True
    )
    return listed.stdout.split()


def test_an_editor_writes_a_post_that_the_site_publishes(editor, editor_site, tmp_path):
    site, base = editor_site
    title = "Rapat Pleno Penetapan DPT di Sikka dan Kota Kupang"
    screenshot(editor, "1-masuk.png", tmp_path)
    fill_post(editor, base, title, ["Sikka", "Kota Kupang"])
    editor.get_by_label("Topik").fill("Daftar Pemilih, Rapat Pleno")
    choose_photo(editor, tmp_path)
    editor.get_by_label("Teks alternatif foto").fill(
        "Anggota KPU membacakan hasil rapat pleno di depan peserta"
    )
    preview = editor.frame_locator("iframe").first
    preview.get_by_text("Wilayah: Sikka, Kota Kupang").wait_for()
    preview.get_by_text("Jumat, 20 November 2026, 09.30 WITA").wait_for()
    screenshot(editor, "2-menulis.png", tmp_path)
    editor.get_by_role("button", name="Simpan", exact=True).click()
    editor.get_by_role("button", name="Status: Draf").wait_for()
    assert len(cms_branches(site)) == 1  # a draft is a branch, as a pull request on GitHub
    editor.get_by_role("button", name="Status: Draf").click()
    editor.get_by_text("Siap", exact=True).click()
    editor.get_by_role("button", name="Status: Siap").wait_for()
    editor.get_by_role("button", name="Terbitkan", exact=True).click()
    screenshot(editor, "3-terbitkan.png", tmp_path)
    editor.get_by_text("Terbitkan sekarang").click()
    editor.get_by_role("button", name="Terbit", exact=True).wait_for()
    assert cms_branches(site) == []

    post = (
        site
        / "content"
        / "berita"
        / "2026"
        / ("2026-11-20-rapat-pleno-penetapan-dpt-di-sikka-dan-kota-kupang.md")
    )
    assert post.read_text(encoding="utf-8").splitlines()[:9] == [
        f"Title: {title}",
        "Date: 2026-11-20 09:30",
        "Category: Berita",
        "Tags: Daftar Pemilih, Rapat Pleno",
        "Wilayah: Kabupaten Sikka, Kota Kupang",
        "Summary: KPU Kabupaten Sikka dan KPU Kota Kupang menetapkan daftar pemilih tetap "
        "dalam rapat pleno terbuka.",
        "Image: images/unggahan/rapat-pleno.jpg",
        "Image_Alt: Anggota KPU membacakan hasil rapat pleno di depan peserta",
        "",
    ]
    assert (site / "content" / "images" / "unggahan" / "rapat-pleno.jpg").is_file()
    run_task(site, "check")
    output = tmp_path / "built"
    run_task(site, "build", "--output", str(output))
    page = read_html(
        output / "berita/2026/11/rapat-pleno-penetapan-dpt-di-sikka-dan-kota-kupang/index.html"
    )
    meta = page.find("article").get_text(" ", strip=True)
    date_line = page.find("article").find("p", class_="meta").get_text()
    assert date_line.startswith("Jumat, 20 November 2026, 09.30 WITA ")
    assert "Wilayah: Sikka , Kota Kupang" in meta
    image = page.find("article").find("img")
    assert "rapat-pleno" in image["src"]
    assert image["alt"] == "Anggota KPU membacakan hasil rapat pleno di depan peserta"


def test_the_form_refuses_a_post_without_regency_or_alt_text(editor, editor_site, tmp_path):
    site, base = editor_site
    before = cms_branches(site)
    fill_post(editor, base, "Sosialisasi Pemilih Pemula di Ende", [])
    editor.get_by_role("button", name="Simpan", exact=True).click()
    editor.get_by_text("Wilayah wajib diisi.").scroll_into_view_if_needed()
    screenshot(editor, "4-wilayah-wajib.png", tmp_path)
    editor.get_by_text("Ada isian wajib yang belum diisi").wait_for(state="hidden")
    editor.locator("input[id^=wilayah-field]").fill("Ende")
    editor.keyboard.press("Enter")
    choose_photo(editor, tmp_path)
    editor.get_by_role("button", name="Simpan", exact=True).click()
    message = editor.get_by_text("Gagal menyimpan: foto ini belum punya teks alternatif")
    message.wait_for()
    # The message slides in from the right; the screenshot waits until it is in view.
    message.evaluate(
        "e => new Promise(done => (function wait() {"
        " e.getBoundingClientRect().right <= innerWidth ? done() : requestAnimationFrame(wait)"
        " })())"
    )
    screenshot(editor, "5-teks-alternatif-wajib.png", tmp_path)
    assert cms_branches(site) == before  # nothing was saved


def test_every_post_and_page_survives_the_editors_format(browser):
    """editor.js's reader and writer, run in Chromium on every real content file:
    opened and saved again, a file keeps every field and its text."""
    from kpu_content.header import read_header

    page = browser.new_page()
    page.set_content("<!doctype html><title>format</title>")
    page.evaluate(
        "window.formats = {}; window.h = function () {};"
        "window.createClass = function (spec) { return spec; };"
        "window.CMS = {registerCustomFormat: function (n, e, f) { formats[n] = f; },"
        " registerEventListener: function () {}, registerPreviewStyle: function () {},"
        " registerPreviewTemplate: function () {}, registerLocale: function () {},"
        " getLocale: function () { return {}; }};"
    )
    page.add_script_tag(path=str(ROOT / "plugins" / "web_editor" / "editor.js"))
    files = sorted((ROOT / "content").rglob("*.md"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        again = page.evaluate(
            "text => formats.pelican.toFile(formats.pelican.fromFile(text))", text
        )
        before, after = read_header(text), read_header(again)
        assert {k: f.value for k, f in after.fields.items()} == {
            k: f.value for k, f in before.fields.items()
        }, path
        body = "\n".join(text.splitlines()[before.body_line - 1 :]).strip()
        assert "\n".join(again.splitlines()[after.body_line - 1 :]).strip() == body, path
    # A field the form does not know is kept, and a fenced header is read.
    odd = "---\nTitle: Uji\nAuthor: Humas\nTags: A,\n    B\n---\n\nIsi.\n"
    again = page.evaluate("text => formats.pelican.toFile(formats.pelican.fromFile(text))", odd)
    assert again == "Title: Uji\nTags: A, B\nAuthor: Humas\n\nIsi.\n"
    page.close()
