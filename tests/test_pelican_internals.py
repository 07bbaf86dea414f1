"""What site_build relies on in Pelican that Pelican does not document as its API.

One test for each entry of plugins/site_build/internals.py, on the installed
(locked) Pelican: an upgrade that changes one of them fails here, by name.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from blinker import Signal
from pelican import Pelican, signals
from pelican.contents import Article
from pelican.generators import ArticlesGenerator
from pelican.readers import MarkdownReader, Readers
from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.writers import FileOverwriteFailedError, Writer

from site_build import internals
from site_build.reading import reading_ahead

POST = "Title: {title}\nDate: 2024-01-0{day} 09:00\nTags: {tags}\nCategory: {category}\n\nText.\n"


def settings_for(tmp_path: Path, **extra) -> dict:
    (tmp_path / "content").mkdir(exist_ok=True)
    return read_settings(
        override={
            "PATH": str(tmp_path / "content"),
            "OUTPUT_PATH": str(tmp_path / "output"),
            "CACHE_PATH": str(tmp_path / "cache"),
            "PLUGINS": [],
            **extra,
        }
    )


def articles_generator(tmp_path: Path, posts: dict[str, str]) -> ArticlesGenerator:
    (tmp_path / "content").mkdir(exist_ok=True)
    for name, text in posts.items():
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    settings = settings_for(tmp_path)
    context = settings.copy()
    context["generated_content"] = {}
    context["static_links"] = set()
    context["static_content"] = {}
    generator = ArticlesGenerator(
        context=context,
        settings=settings,
        path=settings["PATH"],
        theme=settings["THEME"],
        output_path=settings["OUTPUT_PATH"],
    )
    generator.generate_context()
    return generator


def two_posts(tmp_path):
    return articles_generator(
        tmp_path,
        {
            "a.md": POST.format(title="A", day=1, tags="x, y", category="Satu"),
            "b.md": POST.format(title="B", day=2, tags="y", category="Dua"),
        },
    )


def test_readers_readers_holds_the_reader_each_extension_reads_with(tmp_path):
    settings = settings_for(tmp_path)
    readers = Readers(settings)
    assert isinstance(
        internals.readers_of(type("G", (), {"readers": readers})())["md"], MarkdownReader
    )
    post = tmp_path / "p.md"
    post.write_text(POST.format(title="Asli", day=1, tags="x", category="C"), encoding="utf-8")

    class Fixed(MarkdownReader):
        def read(self, source_path):
            return "<p>dari pembaca</p>", {"title": "Pengganti"}

    readers.readers["md"] = Fixed(settings)
    article = readers.read_file(str(tmp_path), "p.md", content_class=Article)
    assert article.content == "<p>dari pembaca</p>" and article.title == "Pengganti"
    # The metadata "reader" is the class's name: the read-ahead copy keeps it.
    assert article.metadata["reader"] == "fixed"
    nothing_ahead = type("NothingAhead", (), {"pop": lambda self, path: None})()
    readers.readers["md"] = reading_ahead(Fixed(settings), nothing_ahead)
    assert (
        readers.read_file(str(tmp_path), "p.md", content_class=Article).metadata["reader"]
        == "fixed"
    )


def test_tags_categories_and_authors_have_the_shapes_taxonomies_of_expects(tmp_path):
    tags, categories, authors = internals.taxonomies_of(two_posts(tmp_path))
    assert sorted(str(tag) for tag in tags) == ["x", "y"]
    assert all(type(articles) is list for articles in tags.values())
    for groups in (categories, authors):
        assert type(groups) is list
        assert all(len(pair) == 2 and type(pair[1]) is list for pair in groups)
    assert sorted(str(name) for name, _ in categories) == ["Dua", "Satu"]


def test_a_file_pelican_cannot_read_is_kept_as_none(tmp_path):
    generator = articles_generator(
        tmp_path,
        {
            "a.md": POST.format(title="A", day=1, tags="x", category="C"),
            "rusak.md": "Title: Rusak\nDate: bukan tanggal\n\nTeks.\n",
        },
    )
    context = generator.context
    assert context["generated_content"]["rusak.md"] is None
    assert [content.title for content in internals.generated_content(context)] == ["A"]


def test_override_url_is_what_url_returns(tmp_path):
    article = next(iter(internals.generated_content(two_posts(tmp_path).context)))
    worked_out = article.url
    internals.keep_url(article)
    assert article.override_url == worked_out == article.url
    article.override_url = "lain/"
    assert article.url == "lain/"


def test_get_content_and_get_summary_are_memoized_by_content_and_siteurl(tmp_path):
    article = next(iter(internals.generated_content(two_posts(tmp_path).context)))
    article.get_content("https://a.test")
    article.get_summary("https://a.test")
    for cache in internals.memoized_text(Article):
        assert (article, "https://a.test") in cache


class Recording(Writer):
    """Pelican's writer, noting what write_file() does, in order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.events = []

    def _open_w(self, filename, encoding, override=False):
        file = super()._open_w(filename, encoding, override)
        self.events.append(("open", os.path.relpath(filename, self.output_path), file.name))
        events = self.events
        write = file.write

        def recorded(text):
            events.append(("write", text))
            return write(text)

        file.write = recorded
        return file


class Template:
    def __init__(self, writer, shared, text):
        self.writer, self.shared, self.text = writer, shared, text

    def render(self, context):
        self.writer.events.append(("render", context["output_file"], self.shared["localsiteurl"]))
        return self.text


def test_write_file_renders_then_opens_then_writes_once_then_says_so(tmp_path):
    writer = Recording(str(tmp_path), settings=DEFAULT_CONFIG)
    shared = {"localsiteurl": "https://a.test"}

    def written(path, context):
        writer.events.append(("written", os.path.relpath(path, tmp_path), Path(path).read_text()))

    with signals.content_written.connected_to(written):
        writer.write_file(
            "a/b/c.html", Template(writer, shared, "satu"), shared, relative_urls=True
        )
        # Without relative URLs the shared value is left as it was.
        writer.write_file("d.html", Template(writer, shared, "dua"), shared)
    assert writer.events == [
        ("render", "a/b/c.html", "../.."),
        ("open", "a/b/c.html", str(tmp_path / "a/b/c.html")),
        ("write", "satu"),
        ("written", "a/b/c.html", "satu"),
        ("render", "d.html", "../.."),
        ("open", "d.html", str(tmp_path / "d.html")),
        ("write", "dua"),
        ("written", "d.html", "dua"),
    ]


def test_open_w_skips_after_an_override_and_refuses_a_second_plain_write(tmp_path):
    writer = Writer(str(tmp_path), settings=DEFAULT_CONFIG)
    path = str(tmp_path / "a.html")
    with writer._open_w(path, "utf-8", override=True) as file:
        assert file.name == path
    with writer._open_w(path, "utf-8") as file:
        assert file.name == os.devnull
    other = str(tmp_path / "b.html")
    writer._open_w(other, "utf-8").close()
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(other, "utf-8")


def test_feeds_are_written_through_open_w(tmp_path):
    generator = two_posts(tmp_path)
    writer = Recording(str(tmp_path / "output"), settings=generator.settings)
    writer.write_feed(generator.articles, generator.context, "feeds/all.atom.xml")
    assert [event[:2] for event in writer.events if event[0] == "open"] == [
        ("open", "feeds/all.atom.xml")
    ]


def test_get_writer_gives_pelican_the_class_of_its_first_receiver(tmp_path):
    class First(Writer):
        pass

    pelican = Pelican(settings_for(tmp_path))
    with signals.get_writer.connected_to(lambda sender: First):
        assert type(pelican._get_writer()) is First
    assert type(pelican._get_writer()) is Writer


def test_signals_call_their_receivers_in_the_order_they_were_connected():
    signal, called = Signal(), []
    receivers = [lambda sender, number=number: called.append(number) for number in range(50)]
    for receiver in receivers:
        signal.connect(receiver)
    signal.send(None)
    assert called == list(range(50))


def test_features_import_nothing_of_the_accelerator():
    """Every plugin but site_build and site_output, and `check`, loads without either."""
    from conftest import ROOT

    engine = {"site_build", "site_output"}
    features = sorted(
        path.parent.name
        for path in (ROOT / "plugins").glob("*/__init__.py")
        if path.parent.name not in engine
    )
    assert {"photos", "share_links", "kpu_content", "background"} <= set(features)
    code = (
        "import importlib, sys\n"
        f"sys.path.insert(0, {str(ROOT / 'plugins')!r})\n"
        f"for name in {[*features, 'kpu_content.check']!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {engine!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
