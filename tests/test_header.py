"""The header reader that gives `invoke check` its line numbers."""

import pytest

from kpu_content.header import HeaderError, read_header


def test_fields_lines_and_body_start():
    header = read_header("Title: Rapat\nDate: 2021-11-03 09:00\n\nIsi berita.\n")
    assert header.get("title").value == "Rapat"
    assert header.get("TITLE").line == 1
    assert header.get("date").line == 2
    assert header.body_line == 4


def test_continuation_lines_join_the_value():
    header = read_header("Summary: Satu\n    dua\n    tiga\nTags: A\n\nIsi\n")
    assert header.get("summary").value == "Satu dua tiga"
    assert header.get("summary").line == 1
    assert header.get("tags").line == 4


def test_fenced_header():
    header = read_header("---\nTitle: Rapat\n---\nIsi\n")
    assert header.get("title").line == 2
    assert header.body_line == 4


def test_empty_value_counts_as_missing_but_keeps_its_line():
    header = read_header("Title: Rapat\nTags:\n\nIsi\n")
    assert header.get("tags") is None
    assert header.fields["tags"].line == 2


def test_no_header():
    header = read_header("Isi berita tanpa kepala.\n")
    assert header.fields == {}
    assert header.body_line == 1


def test_field_given_twice():
    with pytest.raises(HeaderError) as error:
        read_header("Title: A\nDate: 2021-01-01\ntitle: B\n\nIsi\n")
    assert error.value.line == 3
    assert "first on line 1" in str(error.value)
