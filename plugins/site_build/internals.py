"""Every part of Pelican the accelerator uses that Pelican does not document as its API.

Each is named here, and tests/test_pelican_internals.py pins the behaviour
relied on, so that a Pelican upgrade that changes one fails a test named
after it rather than a page. The locked Pelican version is the one tested.

Used through the accessors below:

- Readers.readers: the reader instance of each file extension (readers_of).
- ArticlesGenerator.tags (a dict of tag -> list of articles), .categories and
  .authors (lists of (name, list of articles)) as generate_context() leaves
  them, before anything is written (taxonomies_of).
- context["generated_content"]: path -> content, where a file Pelican could
  not read is kept as None (generated_content).
- Content.override_url: what Content.url returns when it is set (keep_url).
- Content.get_content and get_summary, memoized by (content, siteurl) for the
  whole process: their caches (memoized_text).

Used by BuildWriter (writer.py) and the preview, and pinned the same way:

- Writer._open_w(filename, encoding, override): Pelican's overwrite rules;
  it returns a file opened on os.devnull for a write it skips.
- Writer.write_file(): renders with template.render(localcontext), having set
  the shared context's "localsiteurl" for the page, then opens the file with
  _open_w() and writes the whole page with one write(), then sends
  content_written; a feed is written through _open_w() too.
- Readers.read_file(): the metadata "reader" is the reader class's name.
- Pelican._get_writer(): the writer of get_writer's first receiver.
- ArticlesGenerator.generate_articles(write) and generate_drafts(write),
  PagesGenerator.generate_output(writer): how a preview writes one page.
- Signals call their receivers in the order they were connected (Pelican
  sets blinker's set_class to an ordered set): site_build's `finalized`
  receiver runs before those of the plugins listed after it.
"""

from pelican.contents import Content


def readers_of(generator) -> dict:
    return generator.readers.readers


def taxonomies_of(generator):
    return generator.tags, generator.categories, generator.authors


def generated_content(context) -> list[Content]:
    return [content for content in context["generated_content"].values() if content is not None]


def keep_url(content: Content) -> None:
    # Pelican's own override (a post's "URL:" field) is returned as it is.
    content.override_url = content.url


def memoized_text(kind: type[Content]) -> list[dict]:
    return [kind.get_content.cache, kind.get_summary.cache]
