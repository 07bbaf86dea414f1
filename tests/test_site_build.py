"""A build on every core, with caches, and the live preview: the same bytes as a plain build.

site_build (plugins/site_build) reads ahead in worker processes, keeps
prepared HTML between builds and renders pages in forked workers; the live
preview rebuilds a post's page alone. None of it may change a byte of the
output: each is compared here with a plain, single-process Pelican build of
the same sources.
"""

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import (
    BUDGET,
    PUBLISH_VARIABLES,
    ROOT,
    SITE_URL,
    assert_same_files,
    copy_site,
    free_port,
    pelican_process,
    run_task,
)
from PIL import Image

from photos.variants import photo_files, photo_problem
from site_build.writer import BATCH

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_posts


def pelican(site: Path, output: Path, *settings: str, file="pelicanconf.py") -> None:
    """`pelican --fatal warnings` with the settings FILE and SETTINGS (NAME=JSON) over them."""
    extra = [part for setting in settings for part in ("-e", setting)]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-s",
            file,
            "-o",
            str(output),
            "--fatal",
            "warnings",
            "-q",
            *extra,
        ],
        cwd=site,
        check=True,
        capture_output=True,
        # Pelican's console wraps at the terminal's width: one message, one line.
        env=os.environ | {"COLUMNS": "400"},
    )


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory) -> Path:
    """The site with 700 generated posts: enough pages for rendering in batches."""
    site = copy_site(tmp_path_factory.mktemp("generated") / "site")
    shutil.rmtree(site / "content" / "berita")
    write_posts(site / "content" / "berita", 700)
    return site


def test_parallel_build_equals_a_plain_pelican_build(generated_site, tmp_path):
    from pelican.settings import read_settings

    plugins = read_settings(str(generated_site / "pelicanconf.py"))["PLUGINS"]
    without = json.dumps([name for name in plugins if name != "site_build"])
    pelican(generated_site, tmp_path / "plain", f"PLUGINS={without}")
    shutil.rmtree(generated_site / ".cache", ignore_errors=True)
    pelican(generated_site, tmp_path / "parallel")
    pelican(generated_site, tmp_path / "one-worker", "BUILD_WORKERS=1")
    # From the prepared cache the second time.
    assert list((generated_site / ".cache" / "prepared").glob("*.json"))
    pelican(generated_site, tmp_path / "cached")
    pages = list((tmp_path / "parallel").rglob("*.html"))
    assert len(pages) > BATCH  # batches were rendered while Pelican was still writing
    for other in ("parallel", "one-worker", "cached"):
        assert_same_files(tmp_path / "plain", tmp_path / other)
    # Relative URLs: each page's own prefix, wherever it is rendered.
    pelican(generated_site, tmp_path / "plain-relative", f"PLUGINS={without}", "RELATIVE_URLS=true")
    pelican(generated_site, tmp_path / "relative", "RELATIVE_URLS=true")
    assert_same_files(tmp_path / "plain-relative", tmp_path / "relative")
    article = next((tmp_path / "relative" / "berita").glob("*/*/*/index.html"))
    assert 'href="../../../../kategori/' in article.read_text(encoding="utf-8")
    # Production: pages are minified and hashed as they are rendered.
    pelican(generated_site, tmp_path / "plain-publish", f"PLUGINS={without}", file="publishconf.py")
    pelican(generated_site, tmp_path / "publish", file="publishconf.py")
    assert_same_files(tmp_path / "plain-publish", tmp_path / "publish")
    # Lists that grow with the site (the archive) stay within the first window.
    sizes = {
        path: len(gzip.compress(path.read_bytes(), 9))
        for path in (tmp_path / "publish").rglob("*.html")
        if "admin" not in path.parts
    }
    assert {path: size for path, size in sizes.items() if size > BUDGET} == {}


def test_caches_follow_settings_theme_and_plugin_code(site_copy, tmp_path):
    """After each change, a build with the caches equals a build from nothing."""

    def warm_equals_cold(name):
        run_task(site_copy, "build", "--output", str(tmp_path / f"{name}-warm"))
        shutil.rmtree(site_copy / ".cache")
        run_task(site_copy, "build", "--output", str(tmp_path / f"{name}-cold"))
        assert_same_files(tmp_path / f"{name}-warm", tmp_path / f"{name}-cold")
        return (tmp_path / f"{name}-warm").rglob("index.html")

    def edit(path, old, new):
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    post = next((site_copy / "content" / "berita").rglob("*.md"))
    edit(post, "\n\n", "\n\nTanda pisah --- di sini.\n\n")
    warm_equals_cold("start")

    edit(
        site_copy / "pelicanconf.py",
        'TYPOGRIFY_DASHES = "oldschool"',
        'TYPOGRIFY_DASHES = "default"',
    )
    pages = warm_equals_cold("settings")
    assert any("Tanda pisah" in page.read_text(encoding="utf-8") for page in pages)

    edit(site_copy / "theme" / "templates" / "base.html", "Langsung ke isi", "Lompat ke isi")
    pages = warm_equals_cold("theme")
    assert "Lompat ke isi" in (tmp_path / "theme-warm" / "index.html").read_text(encoding="utf-8")

    edit(
        site_copy / "plugins" / "kpu_content" / "reading.py",
        "return Prepared(kept_together(clean(typo(content))) if content else content, fields)",
        'return Prepared(clean(typo(content)) + "<p>Disiapkan ulang.</p>", fields)',
    )
    pages = warm_equals_cold("plugins")
    assert any("Disiapkan ulang." in page.read_text(encoding="utf-8") for page in pages)


def wait_for(condition, seconds=60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_preview_pages_equal_the_full_build(site_copy, tmp_path):
    output = site_copy / "output"
    built = site_copy / ".cache" / "preview-built"  # touched when a rebuild is done
    environment = {k: v for k, v in os.environ.items() if k not in PUBLISH_VARIABLES}
    preview = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(free_port())],
        cwd=site_copy,
        env=environment | {"SITEURL": SITE_URL},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    post = next((site_copy / "content" / "berita" / "2021").glob("*.md"))
    try:
        assert wait_for((output / "sitemap.xml").exists), "the preview never built"
        assert wait_for(built.exists)
        time.sleep(1)  # the watcher starts just after it touches the file
        page = next((output / "berita" / "2021" / "11").glob("*/index.html"))
        before, stamp = page.stat().st_mtime_ns, built.stat().st_mtime_ns
        # Only the text: the post's page alone is written again.
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("dimoderatori", "dipandu --- bukan dimoderatori"))
        assert wait_for(lambda: built.stat().st_mtime_ns > stamp), "not rebuilt"
        assert "dipandu" in page.read_text(encoding="utf-8")
        index = (output / "index.html").stat().st_mtime_ns
        assert index < page.stat().st_mtime_ns and before < page.stat().st_mtime_ns
        run_task(site_copy, "build", "--output", str(tmp_path / "full"))
        # The search index keeps the text of the last full build.
        assert_same_files(output, tmp_path / "full", skip=("pagefind",))

        # The title shows on other pages: the whole site is built again.
        stamp = built.stat().st_mtime_ns
        post.write_text(post.read_text(encoding="utf-8").replace("Title: ", "Title: Ralat: ", 1))
        assert wait_for(lambda: built.stat().st_mtime_ns > stamp), "not rebuilt"
        archive = output / "berita" / "2021" / "11" / "index.html"
        assert "Ralat:" in archive.read_text(encoding="utf-8")
        run_task(site_copy, "build", "--output", str(tmp_path / "full-2"))
        assert_same_files(output, tmp_path / "full-2")
    finally:
        os.killpg(preview.pid, signal.SIGTERM)
        log, _ = preview.communicate(timeout=10)
    assert "Preview: output/berita/2021/11/" in log  # English: the suite sets KPU_LANG=en


def test_a_page_that_fails_to_render_in_a_worker_fails_the_build(generated_site, tmp_path):
    template = generated_site / "theme" / "templates" / "article.html"
    original = template.read_text(encoding="utf-8")
    template.write_text(
        original.replace(
            "{% block content %}", "{% block content %}{{ article.date.nonsense() }}", 1
        ),
        encoding="utf-8",
    )
    try:
        with pytest.raises(subprocess.CalledProcessError) as failure:
            pelican(generated_site, tmp_path / "broken")
    finally:
        template.write_text(original, encoding="utf-8")
    # Pelican logs to its console, on stdout.
    errors = (failure.value.stdout + failure.value.stderr).decode()
    assert "could not render" in errors
    assert "/berita/" in errors and "index.html" in errors
    assert "nonsense" in errors


def test_a_damaged_prepared_cache_is_rebuilt(tmp_path):
    from site_build.reading import load, save

    save(tmp_path, {"abc": {"k": ["html", {"title": ["Judul"]}]}})
    cache = tmp_path / "abc.json"
    assert load(cache) == {"k": ["html", {"title": ["Judul"]}]}
    whole = cache.read_text(encoding="utf-8")
    digest = whole.partition("\n")[0]
    for damaged in (
        "{not json",
        whole[:-5],  # torn
        whole.replace("Judul", "Jodoh"),  # edited
        f"{digest}\n[1, 2]",
        "",
    ):
        cache.write_text(damaged, encoding="utf-8")
        assert load(cache) == {}


@pytest.mark.parametrize("workers", ["2", 0, 1.5])
def test_a_wrong_build_workers_setting_stops_the_build_at_once(site_copy, tmp_path, workers):
    with pytest.raises(subprocess.CalledProcessError) as failure:
        pelican(site_copy, tmp_path / "out", f"BUILD_WORKERS={json.dumps(workers)}")
    output = (failure.value.stdout + failure.value.stderr).decode()
    assert f"BUILD_WORKERS = {workers!r}" in output
    assert "a whole number from 1 up" in output
    assert not (tmp_path / "out").exists()


def test_a_build_without_fork_equals_the_forked_build(site_copy, tmp_path):
    """Where there is no fork (Windows, macOS), pages are rendered in Pelican's process and
    photos encoded by spawned processes: the same files."""
    for mode, extra in (("forked", {}), ("no fork", {"no fork": True})):
        settings = {"config": str(site_copy / "pelicanconf.py"), "CACHE_PATH": str(tmp_path / mode)}
        pelican_process(tmp_path / "out" / mode, settings | extra, cwd=site_copy)
    assert list((tmp_path / "no fork" / "photos").iterdir())
    assert_same_files(tmp_path / "out" / "forked", tmp_path / "out" / "no fork")


def test_photos_encoded_ahead_are_the_photos_written(site_copy, tmp_path):
    """Idle processes fill the photo caches from the start; the copies equal a build without them."""
    # Not a photo, and in no post: the idle processes pass over it, the build goes on.
    (site_copy / "content" / "images" / "rusak.jpg").write_bytes(b"bukan foto")
    # A photo in no post yet: encoded all the same, for the post that will show it.
    Image.new("RGB", (800, 600), (200, 30, 40)).save(site_copy / "content" / "images" / "baru.jpg")
    pelican(site_copy, tmp_path / "ahead")
    content, cache = site_copy / "content", site_copy / ".cache"
    photos = [p for p in photo_files(content, ["images"]) if photo_problem(p) is None]
    assert len(photos) == len(list(content.glob("images/**/*.*"))) - 1
    # Every photo, in a post or not, and nothing half-written.
    assert sorted(p.suffix for p in (cache / "photos").iterdir()) == [""] * len(photos)
    assert len(list((cache / "og-images").glob("*.jpg"))) == len(photos)
    shutil.rmtree(cache)
    pelican(site_copy, tmp_path / "one", "BUILD_WORKERS=1")
    assert_same_files(tmp_path / "ahead", tmp_path / "one")


def test_tag_category_and_author_pages_list_what_pelican_lists():
    """taxonomies_in_linear_time() gives each page the articles Pelican's own lists give it."""
    from collections import defaultdict
    from copy import deepcopy

    from pelican.generators import ArticlesGenerator

    from site_build import Members, taxonomies_in_linear_time

    class Post:  # compared by identity, as Pelican's articles are
        def __init__(self, number: int):
            self.date = datetime(2023, 12, 25, 9) + timedelta(hours=5 * number)

    class Group:  # what the writing methods read of a Tag, Category or Author
        def __init__(self, name: str):
            self.save_as = self.url = self.page_name = self.slug = name

    posts = [Post(number) for number in range(300)]
    topics = [Group(f"topik{k}") for k in range(7)] + [Group(f"lain{k}") for k in range(11)]

    def generator():
        made = object.__new__(ArticlesGenerator)  # the writing methods read only these
        made.articles = sorted(posts, key=lambda post: post.date.minute)  # another order
        made.dates = sorted(posts, key=lambda post: post.date, reverse=True)
        made.context = {}
        made.get_template = lambda name: name
        made.tags = defaultdict(list)
        for number, post in enumerate(posts):
            made.tags[topics[number % 7]].append(post)
            made.tags[topics[7 + number % 11]].append(post)
        made.categories = [(Group(f"kategori{k}"), posts[k::3]) for k in range(3)]
        made.authors = [(Group("kpu"), posts[::2])]
        return made

    def pages(made) -> list[tuple[str, str, list[int]]]:
        written = []

        def write(save_as, template, context, **variables):
            written.append((template, save_as, [id(post) for post in variables["dates"]]))

        made.generate_tags(write)
        made.generate_categories(write)
        made.generate_authors(write)
        return written

    pelicans, ours = generator(), generator()
    taxonomies_in_linear_time(ours)
    assert all(type(articles) is Members for articles in ours.tags.values())
    written = pages(ours)
    assert written == pages(pelicans)
    # 7 + 11 tags, 3 categories and one author, each with its posts, newest first
    assert len(written) == 22
    assert sum(len(dates) for _, _, dates in written) == 300 * 2 + 300 + 150
    # A copy holds copies of the posts, and finds them.
    members = ours.categories[0][1]
    copied = deepcopy(members)
    assert all(post in copied for post in copied)
    assert not any(post in copied for post in members)
