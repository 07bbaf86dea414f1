"""`check` is the build's gatekeeper (issue 24): what it passes, both builds write whole.

Hypothesis generates posts whose fields mix ordinary Indonesian text with
markup, control and Unicode separator characters, long words and separators.
`check` never raises on one, and no rule of it fails; it reads each field as
Pelican does; and a post it passes builds with the local and the production
settings, every paragraph on the page. The builds run Pelican's command line as
the tasks do, on a copy of the site that holds only the generated posts. The
examples are derandomized: CI tests the same posts on every run.
"""

import copy
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_URL, copy_site
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from pelican.contents import Article
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings

from kpu_content import SiteMarkdownReader, check
from kpu_content.check import Problem, check_site, is_draft, post_slug, read_source
from kpu_content.header import read_header
from kpu_content.rendered import losses, summary_losses
from safe_html.embeds import card_for
from safe_html.findings import findings
from safe_html.sanitize import clean

WORDS = [
    *("Rapat", "pleno", "KPU", "Provinsi", "NTT", "pemilih", "pemula", "Kabupaten"),
    *("Kupang", "Sikka", "sosialisasi", "2024", "09.00", "WITA", "Rp1.000", "dan", "di"),
    *("“kutipan”", "—", "--", "...", "’", "A & B", "PPK/PPS", "50%", "(DPT)"),
]
MARKUP = [
    *("<script>", "</script>", "<style>", "</style>", "<svg>", "</svg>", "<?", "?>"),
    *("<!--", "-->", "<b>", "</b>", "<textarea>", "<template>", "<div>", "</div>"),
    *('<a href="https://kpu.go.id/">', "</a>", '<a title="', '">', "<i", "<!x"),
    *("[tautan](https://kpu.go.id/)", "[rusak](//[x)", "<http://[x>", "[a](/" + "b" * 260 + ")"),
    '<iframe src="http://[x"></iframe>',
    '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
    "![Peserta rapat]({static}/images/2024/tps-ilustrasi.jpg)",
    *("`", "``", "*", "_", "#", "&amp;", "&#91;", "&lt;script&gt;", "`<script>`"),
    *("&", "<", ">", '"', "'", "\\", "{", "}", "[", "]", "(", ")", "```", "    ", "- "),
    *("1. ", "> ", "---", "===", "|", "=", ":", "Status: draft", "Title: lain"),
]
CONTROL = [
    *("\x01", "\x08", "\x0b", "\x0c", "\x1c", "\x1e", "\x1f", "\x7f", "\x85", "\u2028"),
    *("\u2029", "\ufeff", "\u202e", "\ufffe", "\t", "\r", "\r\n", "\n", "\xa0", "\u200b"),
    *("\u3000", "\x02", "\x03"),
]
LONG = ["a" * 300, "Sosialisasi" * 25, "中" * 50, "x" * 255, "é" * 130, "/" + "berita-" * 40]
SEPARATORS = [";", ",", ", ", "; ", "/", "|", "-", " "]
PIECE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(MARKUP),
    st.sampled_from(CONTROL),
    st.sampled_from(LONG),
    st.sampled_from(SEPARATORS),
    st.text(max_size=6),
)
FIELDS = ("title", "summary", "image_alt", "image_caption")
OLD_URLS = ["/index.php/blog/read/{tag}1234", "/index.php/blog/read/{tag}" + "a" * 252]
OLD_URLS += ["/berita/lama{tag}", "/x{tag}/"]


def text_of(piece, max_size=8):
    return st.lists(piece, max_size=max_size).map("".join)


WILD = text_of(PIECE)


def seldom(usual, odd):
    """USUAL, and ODD about one time in eight (Hypothesis likes 0 and the bounds, not 3)."""
    return st.tuples(st.integers(0, 7), usual, odd).map(lambda t: t[2] if t[0] == 3 else t[1])


# As an editor mostly writes, so that check passes enough posts to build: a
# field seldom odd; a body of words and markup, seldom a control character,
# a long word or any text.
MILD = seldom(text_of(st.sampled_from(WORDS + SEPARATORS)), st.one_of(WILD, st.sampled_from(LONG)))
MILD_BODY = st.lists(
    seldom(
        st.one_of(text_of(st.sampled_from(WORDS + SEPARATORS), 5), st.sampled_from(MARKUP)),
        st.one_of(st.sampled_from(CONTROL + LONG), PIECE),
    ),
    max_size=4,
).map(" ".join)


@st.composite
def posts(draw, field=WILD, body=WILD, paragraphs=6, tag=""):
    """(text, the first and last word of each paragraph): a post as an editor might write.

    TAG tells posts of one site apart: in the title, its old addresses and its words.
    """
    values = {name: draw(field) for name in FIELDS}
    separator = draw(st.sampled_from([", ", "; ", ","]))
    values["tags"] = separator.join(draw(st.lists(field, max_size=4)))
    old_urls = draw(st.lists(st.sampled_from(OLD_URLS), max_size=2, unique=True))
    values["old_urls"] = ", ".join(old.format(tag=tag) for old in old_urls)
    header = [f"Title: Rapat{tag} {values['title']}", "Date: 2026-05-04 10:00"]
    header.append("Category: Berita")
    header += [f"Tags: {values['tags']}", "Wilayah: NTT", f"Summary: Isi {values['summary']}"]
    if draw(st.booleans()):
        header += ["Image: images/2024/tps-ilustrasi.jpg", f"Image_Alt: Foto {values['image_alt']}"]
        header.append(f"Image_Caption: {values['image_caption']}")
    if values["old_urls"]:
        header.append(f"Old_Urls: {values['old_urls']}")
    if draw(st.booleans()):
        header.append("Status: draft")
    count = draw(st.integers(1, paragraphs))
    text = "\n\n".join(f"Awal{n}{tag}kpu {draw(body)} Akhir{n}{tag}kpu" for n in range(count))
    ends = [word for n in range(count) for word in (f"Awal{n}{tag}kpu", f"Akhir{n}{tag}kpu")]
    return "\n".join(header) + "\n\n" + text + "\n", ends


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """The site with no post of its own: each test writes the one it needs."""
    site = copy_site(tmp_path_factory.mktemp("gatekeeper") / "site")
    for path in (site / "content").rglob("*.md"):
        path.unlink()
    (site / "content" / "berita" / "2026").mkdir(exist_ok=True)
    sys.modules.pop("pelicanconf", None)
    local = read_settings(str(site / "pelicanconf.py"))
    sys.modules.pop("pelicanconf", None)
    production = read_settings(str(site / "publishconf.py"))
    return site, {"pelicanconf.py": local, "publishconf.py": production}


def post_path(site: Path) -> Path:
    return site / "content" / "berita" / "2026" / "uji.md"


def write(site: Path, text: str) -> Path:
    path = post_path(site)
    path.write_bytes(text.encode("utf-8"))
    return path


def fatal(problems: list[Problem]) -> list[str]:
    return [str(problem) for problem in problems if problem.fatal]


def build(site: Path, settings_file: str, output: Path) -> tuple[int, str]:
    """`pelican ... --fatal warnings`, as `invoke build` and `invoke preview` run it."""
    arguments = [str(site / "content"), "-s", str(site / settings_file), "-o", str(output)]
    result = subprocess.run(
        [sys.executable, "-m", "pelican", *arguments, "--fatal", "warnings"],
        cwd=site,
        capture_output=True,
        text=True,
        env=os.environ | {"SITEURL": SITE_URL, "COLUMNS": "400"},
        timeout=600,
        check=False,
    )
    return result.returncode, result.stdout + result.stderr


# --- check never raises, and no rule of it fails


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(post=posts(), kind=st.sampled_from(["article", "page"]), mark=st.booleans())
def test_check_never_raises_and_no_rule_fails(small_site, post, kind, mark):
    site, configurations = small_site
    text = ("\ufeff" if mark else "") + post[0]
    folder = site / "content" / ("berita/2026" if kind == "article" else "pages")
    path = folder / "uji.md"
    path.write_bytes(text.encode("utf-8"))
    try:
        settings_ = configurations["pelicanconf.py"]
        source, problems = read_source(path, path.relative_to(site), kind)
        if source:
            problems += check.check_source(source, settings_, Path(settings_["PATH"]))
            problems += check.check_urls([source], settings_)
    finally:
        path.unlink()
    assert not [str(problem) for problem in problems if "could not be checked" in problem.message]


# --- check reads each field as Pelican reads it


def pelican_article(site: Path, settings_: dict):
    """The post as the build reads it: Pelican's Readers, with the site's reader."""
    settings_ = copy.deepcopy(settings_)
    readers = Readers(settings_)
    readers.readers["md"] = SiteMarkdownReader(settings_)
    folder = site / "content"
    relative = post_path(site).relative_to(folder)
    return readers.read_file(str(folder), str(relative), content_class=Article, context={})


@settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.filter_too_much],
)
@given(post=posts(field=MILD, body=MILD, paragraphs=2))
def test_check_reads_the_fields_as_pelican_reads_them(small_site, post):
    site, configurations = small_site
    settings_ = configurations["pelicanconf.py"]
    write(site, post[0])
    header = read_header(post[0])
    assume(not fatal(check_site(settings_, site)))
    article = pelican_article(site, settings_)
    assert article.slug == post_slug(header, settings_)
    assert article.status == ("draft" if is_draft(header) else "published")
    tags = header.get("tags")
    written = check.ensure_metadata_list(tags.value) if tags else []
    assert [tag.name for tag in getattr(article, "tags", [])] == written
    assert article.title == check.title_html(header.get("title").value, settings_)
    # And as Pelican's own Markdown reader, which does not share the header reader.
    _, read = MarkdownReader(copy.deepcopy(settings_)).read(str(post_path(site)))
    # Pelican marks a field it leaves out (an empty 'Tags:') with an object of its own.
    metadata = {name: value for name, value in read.items() if isinstance(value, str | list)}
    assert metadata["title"] == header.get("title").value
    assert metadata.get("status", "published") == article.status
    assert [tag.name for tag in metadata.get("tags", [])] == written
    for name, field in header.fields.items():
        if name not in ("title", "tags", "date", "modified", "status", "category", "summary"):
            assert metadata.get(name, "") == field.value, name


# --- what check passes, both builds write, every paragraph on the page

BATCH = 12  # posts a build writes at once: a build costs about as much for one


def page_words_of(output: Path) -> set[str]:
    """The words of every article's text on its page: published, or as a draft."""
    words = set()
    for page in [*output.glob("berita/2026/05/*/index.html"), *output.glob("draf/*/index.html")]:
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        words.update(article.get_text(" ").split())
    return words


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    batch=st.tuples(
        *[posts(field=MILD, body=MILD_BODY, paragraphs=4, tag=f"p{n}") for n in range(BATCH)]
    )
)
def test_what_check_passes_both_builds_write_whole(small_site, tmp_path_factory, batch):
    site, configurations = small_site
    folder = post_path(site).parent
    for path in folder.glob("*.md"):
        path.unlink()
    posts_ = {folder / f"uji-{number}.md": post for number, post in enumerate(batch)}
    try:
        check_and_build(site, configurations, posts_, tmp_path_factory)
    finally:
        for path in posts_:
            path.unlink(missing_ok=True)


def check_and_build(site: Path, configurations: dict, posts_: dict, tmp_path_factory):
    for path, (text, _ends) in posts_.items():
        path.write_text(text, encoding="utf-8")
    # What check refuses (alone, or with another post) is left out, as the
    # editor would have to: the rest must build whole.
    while problems := [p for c in configurations.values() for p in check_site(c, site) if p.fatal]:
        assert {site / problem.path for problem in problems} <= set(posts_), problems
        for problem in problems:
            (site / problem.path).unlink(missing_ok=True)
    kept = {path: post for path, post in posts_.items() if path.exists()}
    note(f"{len(kept)} of {len(posts_)} posts pass check")
    if not kept:
        return
    outputs = tmp_path_factory.getbasetemp() / "gatekeeper-output"
    for settings_file in configurations:
        code, log = build(site, settings_file, outputs / settings_file)
        texts = "\n\n".join(repr(text) for text, _ends in kept.values())
        assert code == 0, f"{settings_file} failed on\n{texts}\n{log[-4000:]}"
    local, production = page_words_of(outputs / "pelicanconf.py"), None
    for text, ends in kept.values():
        assert [word for word in ends if word not in local] == [], text
        if not is_draft(read_header(text)):
            production = production or page_words_of(outputs / "publishconf.py")
            assert [word for word in ends if word not in production] == [], text


# --- the cases issue 24 names


def problems_of(site: Path, configurations: dict, text: str) -> list[str]:
    write(site, text)
    return fatal(check_site(configurations["pelicanconf.py"], site))


HEADER = "Date: 2026-05-04 10:00\nCategory: Berita\nWilayah: NTT\nSummary: Ringkas.\n"
PHOTO = "{static}/images/2024/tps-ilustrasi.jpg"
WHERE = "content/berita/2026/uji.md"


def test_an_address_urlsplit_refuses_is_a_problem_not_a_traceback(small_site):
    site, configurations = small_site
    embed = '<iframe src="http://[x"></iframe>'
    assert card_for("http://[x") is None
    assert "iframe" not in clean(embed)  # the build no longer stops on it either
    problems = problems_of(
        site,
        configurations,
        f'Title: Rusak\n{HEADER}\n{embed}\n\n[peta](http://[x) dan <a href="//[y">y</a>\n',
    )
    assert problems[0].startswith(f"{WHERE}:7: an <iframe> from 'http://[x' is not an embed")
    assert problems[1].startswith(f"{WHERE}:9: the address '//[y' cannot be read")
    assert len(problems) == 2  # [peta](http://[x) is no link at all once cleaned


def test_tags_are_split_where_pelican_splits_them(small_site):
    site, configurations = small_site
    # Split at ',', the '<svg>' was part of a tag with words; Pelican splits at
    # ';' and makes a tag with no address, and the build stops on its warning.
    problems = problems_of(site, configurations, f"Title: T\n{HEADER}Tags: A, B; <svg>\n\nIsi.\n")
    assert problems == [
        f"{WHERE}:6: the tag '<svg>' has no words to make an address of; write it in words"
    ]
    write(site, f"Title: T\n{HEADER}Tags: Pemilu; Pilkada, 2024\n\nIsi.\n")
    found = [str(problem) for problem in check_site(configurations["pelicanconf.py"], site)]
    assert found == [
        f"{WHERE}:6: warning: 'Tags:' has a ';', so only ';' separates the tags and the commas "
        "stay in them: 'Pemilu'; 'Pilkada, 2024'; to separate tags with commas, write no ';'"
    ]
    article = pelican_article(site, configurations["pelicanconf.py"])
    assert [tag.name for tag in article.tags] == ["Pemilu", "Pilkada, 2024"]


def test_a_file_name_may_be_255_bytes_and_not_one_more(small_site, tmp_path):
    site, configurations = small_site
    longest = (
        f"Title: Batas\nSlug: {'s' * 255}\n{HEADER}"
        f"Tags: {'t' * 255}, {'中' * 42}\nOld_Urls: /{'o' * 255}\n\nIsi.\n"
    )
    assert problems_of(site, configurations, longest) == []
    for settings_file in configurations:
        code, log = build(site, settings_file, tmp_path / settings_file)
        assert code == 0, log[-4000:]
    assert (tmp_path / "pelicanconf.py" / ("o" * 255) / "index.html").is_file()
    write(site, longest.replace("t" * 255, "t" * 256))
    code, log = build(site, "pelicanconf.py", tmp_path / "over")
    assert code != 0
    assert "File name too long" in log
    # 中 is "Zhong" to the slug: 43 of them make 257 bytes.
    over = longest.replace("s" * 255, "s" * 256).replace("t" * 255, "t" * 256)
    over = over.replace("中" * 42, "中" * 43).replace("o" * 255, "o" * 256)
    problems = problems_of(site, configurations, over)
    starts = [
        f"{WHERE}:2: the address of this post, /berita/2026/05/sss",
        f"{WHERE}:7: the tag 'ttt",
        f"{WHERE}:7: the tag '中中中",
        f"{WHERE}:8: the old URL '/ooo",
    ]
    assert len(problems) == len(starts)
    assert all(problem.startswith(start) for problem, start in zip(problems, starts, strict=True))
    assert "part of 256 bytes" in problems[0] and "part of 257 bytes" in problems[2]


def test_a_photo_name_leaves_room_for_its_copies_names(small_site, monkeypatch):
    site, configurations = small_site
    folder = site / "content" / "images" / "2026"
    folder.mkdir(exist_ok=True)
    # "-kecil.webp" makes the longest copy's name: 244 + 11 bytes is a file name, 245 + 11 not.
    fits, long = folder / f"{'f' * 244}.jpg", folder / f"{'g' * 245}.jpg"
    try:
        for path in (fits, long):
            path.write_bytes(b"")
        problems = problems_of(site, configurations, f"Title: Foto\n{HEADER}\nIsi.\n")
        monkeypatch.setenv("KPU_LANG", "id")
        indonesian = fatal(check_site(configurations["pelicanconf.py"], site))
    finally:
        fits.unlink()
        long.unlink()
    assert problems == [
        f"content/images/2026/{long.name}:1: this photo's name is too long for its resized "
        "copies (256 bytes with '-kecil.webp', longer than a file name may be, 255); rename it "
        "shorter"
    ]
    assert indonesian[0].endswith("ganti namanya dengan yang lebih pendek")


@pytest.mark.parametrize("character", ["\x0b", "\x08", "\x1f", "\ufffe"])
def test_a_character_only_the_feed_writer_refuses(small_site, character):
    site, configurations = small_site
    # Production's feed writer stops on the C0 ones, and \ufffe makes a feed no
    # reader parses; the local build has no feeds. The editor hears of it.
    if character < " ":
        with pytest.raises(UnserializableContentError):
            SimplerXMLGenerator(io.StringIO()).characters(f"a{character}b")
    text = f"Title: Kendali\n{HEADER}\nRapat{character} dimulai.\n\n![Foto{character} rapat]({PHOTO})\n"
    problems = problems_of(site, configurations, text)
    code = f"U+{ord(character):04X}"
    expected = f"this line holds an invisible control character ({code})"
    assert [problem for problem in problems if expected in problem] == [
        f"{WHERE}:7: {expected}, which the site's feeds cannot carry; delete it (retype the "
        "words around it)",
        f"{WHERE}:9: {expected}, which the site's feeds cannot carry; delete it (retype the "
        "words around it)",
    ]


def test_a_line_separator_in_a_header_hides_no_field(small_site):
    site, configurations = small_site
    text = f"Title: Rapat Pleno\u2028Status: draft\n{HEADER}\nIsi.\n"
    # str.splitlines() ends a line at U+2028, and `check` read a draft; Pelican's
    # own reader keeps it in the title, and publishes the post.
    assert "Status: draft" in text.splitlines()
    path = write(site, text)
    reader = MarkdownReader(copy.deepcopy(configurations["pelicanconf.py"]))
    _, metadata = reader.read(str(path))
    assert metadata["title"] == "Rapat Pleno\u2028Status: draft"
    assert "status" not in metadata
    header = read_header(text)
    assert header.get("title").value == metadata["title"]
    assert header.get("status") is None
    assert problems_of(site, configurations, text) == [
        f"{WHERE}:1: 'Title' holds a line break that is not a new line (U+2028): the site reads "
        "what follows it as part of 'Title'; retype it on one line, and put each field on a "
        "line of its own"
    ]


def test_a_rule_that_fails_is_a_problem_of_its_file_only(small_site, monkeypatch):
    site, configurations = small_site
    other = site / "content" / "pages" / "lain.md"
    other.write_text("Title: Lain\nTgas: x\n\nIsi.\n", encoding="utf-8")

    def broken(source, settings_, content):
        if source.file.name == "uji.md":
            raise ZeroDivisionError("division by zero")
        return []

    monkeypatch.setattr(check, "RULES", [*check.RULES, (broken, "date")])
    try:
        problems = problems_of(site, configurations, f"Title: Uji\n{HEADER}\nIsi.\n")
        monkeypatch.setenv("KPU_LANG", "id")
        indonesian = fatal(check_site(configurations["pelicanconf.py"], site))
    finally:
        other.unlink()
    assert problems == [
        f"{WHERE}:2: this could not be checked (ZeroDivisionError: division by zero); check "
        "what is written here, and if it looks right, tell the site's developers",
        "content/pages/lain.md:2: unknown field 'Tgas'; did you mean 'Tags'?",
    ]
    assert indonesian[0] == (
        f"{WHERE}:2: bagian ini tidak dapat diperiksa (ZeroDivisionError: division by zero); "
        "periksa tulisan di baris ini, dan bila sudah benar, beri tahu pengembang situs"
    )


# --- nothing an editor writes vanishes


SETTINGS = read_settings(str(Path(__file__).parent.parent / "pelicanconf.py"))


@pytest.mark.parametrize(
    ("body", "line", "opening"),
    [
        ("Satu.\n\n<script>\n\nDua.\n", 3, "'<script>' here is never closed"),
        ("Belajar tag <style> di HTML.\n\nDua.\n", 1, "'<style>' here is never closed"),
        ('Logo <svg viewBox="0 0 9 9"><style>\n\nDua.\n', 1, "'<svg>' here is never closed"),
        ("<div>Jumlah: <?= $jumlah\n\nDua.\n", 1, "'<?' here is never closed"),
        ("Isi\nKata <textarea> ini\n\nDua.\n", 2, "'<textarea>' here is never closed"),
        ('<div title="x\n\nDua">\n\nTiga.\n', 1, "'<div title=\"' here is never closed"),
        ("Satu <script> dua\n\nTiga.\n\n</script> empat\n", 1, "'<script>' here is never closed"),
    ],
)
def test_an_opening_that_swallows_the_rest_is_named_with_its_line(body, line, opening):
    [loss] = losses(body, SETTINGS, 1)
    assert (loss.line, loss.message[: len(opening)]) == (line, opening)


@pytest.mark.parametrize(
    "body",
    [
        "Tulis `<script>` di kode.\n\nDua.\n",
        "Tulis &lt;script&gt; di kode.\n\nDua.\n",
        "<script>window.x=1</script>\n\nDua.\n",
        "Satu <style>p{}</style> dua.\n\nTiga.\n",
        "```\n<script>\n\nkode\n```\n\nDua.\n",
        "    <textarea>\n\nDua.\n",
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n\nDua.\n',
    ],
)
def test_what_the_fix_says_passes(body):
    assert losses(body, SETTINGS, 1) == []


def test_the_summary_is_held_to_it_too():
    assert summary_losses(["Ringkasan <b>tebal</b>."], SETTINGS) == []
    [message] = summary_losses(["Ringkasan <script> dan", "lanjutannya."], SETTINGS)
    assert message.startswith("'<script>' in the summary is never closed")


@pytest.mark.parametrize(
    "body",
    [
        "Lihat [Sumber].\n\n[Sumber]: https://kpu.go.id/x\n",
        "KPU bekerja.\n\n*[KPU]: Komisi Pemilihan Umum\n",
        "Paragraf penting.\n{: .penting #utama }\n",
        "\\[Sumber]: https://kpu.go.id/x\n\n*\\[MK]: Mahkamah Konstitusi\n",
        "Tulis `[Sumber]: https://kpu.go.id/x` begini.\n\n    [Kode]: contoh\n",
        "Satu.\n\n{: x }\n",
    ],
)
def test_a_definition_that_shows_passes(body):
    assert losses(body, SETTINGS, 1) == []


def test_a_field_after_the_end_of_the_header_is_named(small_site):
    site, configurations = small_site
    for end in ("\xa0", "---"):
        text = f"Title: Draf\n{HEADER}{end}\nStatus: draft\n\nIsi.\n"
        # Pelican's own reader ends the header there too: the draft would be published.
        path = write(site, text)
        reader = MarkdownReader(copy.deepcopy(configurations["pelicanconf.py"]))
        _, metadata = reader.read(str(path))
        assert "status" not in metadata
        assert problems_of(site, configurations, text) == [
            f"{WHERE}:6: the header ends on this line (it is empty, or holds only invisible "
            "spaces or '---'), so 'Status:' on line 7 is text of the post, not a field; delete "
            "this line, so that the fields stay together"
        ]


@pytest.mark.parametrize(
    ("body", "line", "tag"),
    [
        ('Logo <svg viewBox="0 0 9 9"><text>KPU</text></svg> di sini.', 1, "svg"),
        ("Satu.\n\nRumus <math><mi>x</mi></math> ini.", 3, "math"),
        ("<template>Teks</template>", 1, "template"),
    ],
)
def test_markup_removed_with_its_text_is_a_warning_on_its_line(body, line, tag):
    assert tag not in clean(f"<p>{body}</p>")
    [found] = [finding for finding in findings(body) if f"<{tag}>" in finding.message]
    assert (found.line + 1, found.error) == (line, False)
    assert found.message.startswith(f"an <{tag}> is removed from the post when it is built")


@pytest.mark.parametrize(
    "body",
    [
        "Tulis `<script>` di kode, atau ``<style>``.",
        "```html\n<script>alert(1)</script>\n<svg></svg>\n```",
        "~~~\n<style>\n~~~",
        "Satu.\n\n    <script>kode</script>",
    ],
)
def test_markup_written_as_code_is_no_warning(body):
    assert findings(body) == []


def test_what_the_build_skips_check_skips(small_site, tmp_path):
    site, configurations = small_site
    folder = post_path(site).parent
    made = [folder / ".tersembunyi.md", folder / "uji.md~", folder / ".DS_Store"]
    for path in made:
        path.write_text(f"Title: Tersembunyi\n{HEADER}\nIsi.\n", encoding="utf-8")
    lock = folder / ".#uji.md"
    lock.symlink_to("editor@laptop.1234")
    try:
        assert problems_of(site, configurations, f"Title: Uji\n{HEADER}\nIsi.\n") == []
        code, log = build(site, "pelicanconf.py", tmp_path / "out")
    finally:
        for path in [*made, lock]:
            path.unlink()
    assert code == 0, log[-4000:]
    assert list((tmp_path / "out").glob("berita/2026/05/*/")) == [
        tmp_path / "out" / "berita" / "2026" / "05" / "uji"
    ]
