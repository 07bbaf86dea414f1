"""The snapshot kept small: compaction keeps every total, never counts a day twice, and a
night's import changes a line per post it counted; the "Terpopuler" window."""

import copy
import difflib
import json
from collections import Counter
from datetime import date, timedelta

import pytest
from conftest import run_task
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from view_counts import popular_days
from view_counts import snapshot as snapshots
from view_counts.exports import Export

A, B, C = "/berita/2026/01/a/", "/berita/2026/01/b/", "/berita/2026/01/c/"
ADDRESSES = {url: url for url in (A, B, C)}
KEEP_DAYS, KEEP_MONTHS = snapshots.KEEP_DAYS, snapshots.KEEP_MONTHS


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def pull(snapshot, start, views, end=None, source="matomo", fingerprint=None):
    """One import of START..END, as views-pull or views-import makes it."""
    end = end or start
    name = f"{source}-{start}-{end}.csv"
    return snapshots.add_import(
        snapshot,
        Export("matomo-report", "nb_hits", Counter(views), start, end),
        ADDRESSES,
        source=source,
        file_name=name,
        fingerprint=fingerprint or f"sha256:{name}",
    )


def nightly(day: date) -> dict[str, int]:
    """Views of one night: never the same for two days, so that a lost or doubled day shows."""
    return {A: day.day, B: day.month, C: day.weekday()}


def periods(snapshot) -> list[str]:
    return [entry["period"] for entry in snapshot["imports"]]


def test_three_years_of_nights_become_years_months_and_days_with_every_total():
    snapshot, expected, by_period = snapshots.empty(), Counter(), Counter()
    for day in days(date(2026, 1, 1), date(2028, 12, 31)):
        assert pull(snapshot, day, nightly(day)).added
        expected.update(nightly(day))
    last = date(2028, 12, 31)
    kept = days(last - timedelta(days=KEEP_DAYS - 1), last)
    months = [f"2028-{month:02d}" for month in range(1, 12)]
    assert periods(snapshot) == ["2026", "2027", *months, *(str(day) for day in kept)]
    assert snapshots.totals(snapshot) == dict(expected)
    # Each merged period holds exactly its days' views, and says which days those are.
    for day in days(date(2026, 1, 1), last):
        label = str(day) if day in kept else str(day.year) if day.year < 2028 else f"{day:%Y-%m}"
        by_period[label] += sum(nightly(day).values())
    for entry in snapshot["imports"]:
        assert entry["matched_views"] == by_period[entry["period"]] > 0
        assert sum(snapshots.views_of(snapshot, entry).values()) == entry["matched_views"]
        assert "gaps" not in entry
    year = snapshot["imports"][0]
    assert (year["start"], year["end"], year["imports"]) == ("2026-01-01", "2026-12-31", 365)
    assert snapshots.as_of(snapshot) == last == snapshots.last_day(snapshot, "matomo")
    # One line per article, whatever the number of nights.
    text = snapshots.dumps(snapshot)
    assert [line.strip().split('"')[1] for line in text.splitlines() if "/berita/" in line] == [
        A,
        B,
        C,
    ]
    # Compacting again changes nothing.
    assert snapshots.compact(snapshot) == 0
    assert snapshots.dumps(snapshot) == text


def test_a_merged_month_refuses_any_of_its_days_again():
    snapshot = snapshots.empty()
    for day in days(date(2026, 1, 1), date(2026, 3, 31)):
        pull(snapshot, day, nightly(day))
    assert periods(snapshot)[:2] == ["2026-01", "2026-02"]
    before = snapshots.dumps(snapshot)
    # The same file again, or another export of a day or some days of January: refused.
    refusals = [
        {"start": date(2026, 1, 15), "fingerprint": "sha256:matomo-2026-01-15-2026-01-15.csv"},
        {"start": date(2026, 1, 15)},
        {"start": date(2026, 1, 25), "end": date(2026, 2, 3)},
        {"start": date(2026, 1, 1), "end": date(2026, 1, 30)},
    ]
    for refused in refusals:
        with pytest.raises(snapshots.SnapshotError) as error:
            pull(snapshot, views={A: 1000}, **refused)
        assert "already counted from matomo, merged into the period 2026-0" in str(error.value)
        assert snapshots.dumps(snapshot) == before
    # Another tool's counts of the same days are another source.
    assert pull(snapshot, date(2026, 1, 15), {A: 7}, source="ga4").added
    # An export of the whole month replaces the merged one: January's views are the new ones.
    report = pull(snapshot, date(2026, 1, 1), {A: 5000}, end=date(2026, 1, 31))
    assert report.replaced == [
        "matomo-2026-01-01-2026-01-01.csv … matomo-2026-01-31-2026-01-31.csv"
    ]
    january = next(e for e in snapshot["imports"] if e["source"] == "matomo")
    assert (january["period"], january["file"]) == ("2026-01", "matomo-2026-01-01-2026-01-31.csv")
    expected = Counter({A: 5000 + 7})
    for day in days(date(2026, 2, 1), date(2026, 3, 31)):
        expected.update(nightly(day))
    assert snapshots.totals(snapshot) == dict(expected)


def test_days_missing_from_a_merged_month_can_still_be_imported():
    snapshot = snapshots.empty()
    gap = days(date(2026, 1, 11), date(2026, 1, 19))
    nights = [day for day in days(date(2026, 1, 1), date(2026, 3, 31)) if day not in gap]
    for day in nights:
        pull(snapshot, day, nightly(day))
    january = snapshot["imports"][0]
    assert (january["period"], january["gaps"]) == ("2026-01", [["2026-01-11", "2026-01-19"]])
    assert pull(snapshot, date(2026, 1, 15), {A: 100}).added
    january = snapshot["imports"][0]
    assert january["period"] == "2026-01" and january["imports"] == 10 + 12 + 1
    assert january["gaps"] == [["2026-01-11", "2026-01-14"], ["2026-01-16", "2026-01-19"]]
    with pytest.raises(snapshots.SnapshotError):
        pull(snapshot, date(2026, 1, 15), {A: 100}, fingerprint="sha256:another")
    assert snapshots.totals(snapshot)[A] == 100 + sum(day.day for day in nights)


# Import histories: each source's periods in order, with gaps between them, imported in
# any order, as hand imports and catch-up pulls after failed nights make them.
def histories():
    period = st.tuples(st.integers(0, 20), st.integers(1, 40))  # (days skipped, days)
    views = st.dictionaries(st.sampled_from([A, B, C]), st.integers(0, 90), max_size=3)
    return st.dictionaries(
        st.sampled_from(["matomo", "ga4"]),
        st.lists(st.tuples(period, views), min_size=1, max_size=40),
        min_size=1,
    )


def imports_of(history: dict) -> list[tuple[str, date, date, dict]]:
    found = []
    for source, parts in history.items():
        day = date(2025, 11, 20)
        for (skipped, length), views in parts:
            start = day + timedelta(days=skipped)
            day = start + timedelta(days=length)
            found.append((source, start, day - timedelta(days=1), views))
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories(), data=st.data())
def test_any_history_keeps_every_total_and_every_day_once(history, data):
    imports = data.draw(st.permutations(imports_of(history)))
    snapshot, expected, counted = snapshots.empty(), Counter(), {}
    for source, start, end, views in imports:
        assert pull(snapshot, start, views, end=end, source=source).added
        expected.update(views)
        counted.setdefault(source, set()).update(days(start, end))
        # Every total is kept; each source counts exactly the days imported.
        assert snapshots.totals(snapshot) == {url: n for url, n in expected.items() if n}
        for held, imported in counted.items():
            entries = [e for e in snapshot["imports"] if e["source"] == held]
            found = {d for e in entries for s, t in snapshots.ranges(e) for d in days(s, t)}
            assert found == imported
            assert sum(len(days(s, t)) for e in entries for s, t in snapshots.ranges(e)) == len(
                found
            )
        for entry in snapshot["imports"]:
            assert sum(snapshots.views_of(snapshot, entry).values()) == entry["matched_views"]
        # Compaction ran: again, it changes nothing.
        assert snapshots.compact(snapshot) == 0
    assert sum(
        snapshots.views_in(snapshot, [(date(2000, 1, 1), date(2100, 1, 1))])[0].values()
    ) == (sum(expected.values()))
    # A day imported again is refused, or replaces what it covers: never counted twice.
    source = data.draw(st.sampled_from(sorted(counted)))
    day = data.draw(st.sampled_from(sorted(counted[source])))
    trial = copy.deepcopy(snapshot)
    before = sum(snapshots.totals(trial).values())
    alone = (source, str(day), str(day))
    replaced = [e for e in trial["imports"] if (e["source"], e["start"], e["end"]) == alone]
    try:
        pull(trial, day, {A: 1}, source=source, fingerprint="sha256:again")
    except snapshots.SnapshotError:
        assert trial == snapshot
    else:
        assert len(replaced) == 1  # only a period of that day alone, which it covers
        assert sum(snapshots.totals(trial).values()) == before - replaced[0]["matched_views"] + 1
    # What a file holds is what it loads as.
    assert json.loads(snapshots.dumps(snapshot)) == json.loads(json.dumps(snapshot))


@settings(max_examples=12, deadline=None)
@given(
    missed=st.lists(st.integers(0, 637), max_size=40),
    catch_up=st.lists(st.integers(0, 637), max_size=20),
)
def test_years_of_nights_stay_within_days_months_and_years(missed, catch_up):
    """With failed nights and catch-up pulls, a source keeps at most KEEP_DAYS days,
    KEEP_MONTHS months, a period a year, and the catch-ups that straddle two months."""
    snapshot, day, last = snapshots.empty(), date(2026, 1, 1), date(2027, 9, 30)
    straddling = 0
    while day <= last:
        offset = (day - date(2026, 1, 1)).days
        if offset in missed:
            day += timedelta(days=1)
            continue
        end = min(day + timedelta(days=2), last) if offset in catch_up else day
        straddling += day.month != end.month
        pull(snapshot, day, {A: 1, B: offset % 7}, end=end)
        day = end + timedelta(days=1)
    years = len({entry["start"][:4] for entry in snapshot["imports"]})
    assert len(snapshot["imports"]) <= KEEP_DAYS + KEEP_MONTHS + years + straddling
    cells = max(len(cells) for cells in snapshot["views"]["matomo"].values())
    assert cells <= len(snapshot["imports"])


def test_a_night_changes_a_line_per_post_it_counted():
    snapshot = snapshots.empty()
    posts = [f"/berita/2026/01/berita-{n}/" for n in range(200)]
    addresses = {url: url for url in posts}
    for number, day in enumerate(days(date(2026, 1, 1), date(2026, 6, 30))):
        viewed = {url: 1 + n % 5 for n, url in enumerate(posts) if (n + number) % 9 == 0}
        export = Export("matomo-report", "nb_hits", Counter(viewed), day, day)
        name = f"matomo-{day}.csv"
        before = snapshots.dumps(snapshot)
        snapshots.add_import(
            snapshot, export, addresses, source="matomo", file_name=name, fingerprint=name
        )
    after = snapshots.dumps(snapshot)
    changed = [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"
    ]
    leaving = date(2026, 6, 30) - timedelta(days=KEEP_DAYS)
    left = {
        url for url, cells in snapshot["views"]["matomo"].items() if f"{leaving:%Y-%m}" in cells
    }
    assert len(viewed) == 23
    articles = [line for line in changed if '"/berita/' in line]
    # The posts of tonight and of the night that leaves the days for its month.
    touched = {line[1:].split('"')[1] for line in articles}
    assert touched <= set(viewed) | left
    assert len(articles) <= 2 * len(touched) + 2
    assert len(changed) - len(articles) <= 40  # the import's entry, the month's sums


def test_the_window_counts_the_days_inside_it():
    snapshot = snapshots.empty()
    last = date(2026, 6, 30)
    for day in days(date(2026, 4, 1), last):
        views = {C: 1}
        if day == last - timedelta(days=40):
            views[A] = 900  # forty days ago: not in the last 30
        if day == last - timedelta(days=30):
            views[A] = views.get(A, 0) + 800  # the day before the window
        if day == last - timedelta(days=29):
            views[B] = 5  # the window's first day
        pull(snapshot, day, views)
    window = (last - timedelta(days=popular_days({}) - 1), last)
    assert snapshots.views_in(snapshot, [window])[0] == {B: 5, C: 30}
    assert snapshots.totals(snapshot)[A] == 1700


def test_a_period_the_window_cuts_counts_for_its_days_inside():
    snapshot = snapshots.empty()
    pull(snapshot, date(2026, 5, 1), {A: 310, B: 1}, end=date(2026, 5, 31))
    pull(snapshot, date(2026, 6, 1), {B: 4}, end=date(2026, 6, 20))
    window = (date(2026, 5, 22), date(2026, 6, 20))  # 10 of May's 31 days, all of June's 20
    assert snapshots.views_in(snapshot, [window])[0] == {A: 100, B: 4}


@given(
    views=st.dictionaries(st.sampled_from([A, B, C]), st.integers(1, 500), min_size=1),
    start=st.dates(date(2026, 1, 1), date(2026, 6, 30)),
    length=st.integers(1, 120),
)
@settings(max_examples=100, derandomize=True, deadline=None)
def test_months_add_up_to_the_views_of_a_period_across_them(views, start, length):
    """A period of days in two or more months is shared by its days; each article's months
    still add up to its views (3 views from 29 November to 2 December: 2 and 1, not 2 and 2)."""
    snapshot = snapshots.empty()
    end = start + timedelta(days=length - 1)
    pull(snapshot, start, views, end=end)
    firsts = sorted({snapshots.month_start(day) for day in days(start, end)})
    windows = [(first, snapshots.month_end(first)) for first in firsts]
    months = snapshots.views_in(snapshot, windows)
    for url, count in views.items():
        assert sum(month[url] for month in months) == count
        for month, (first, last) in zip(months, windows, strict=True):
            inside = (min(last, end) - max(first, start)).days + 1
            assert abs(month[url] - count * inside / length) <= 1


@pytest.mark.parametrize("value", [0, -3, 2.5, "30", True])
def test_a_wrong_window_setting_is_named(value):
    with pytest.raises(ValueError, match="VIEW_COUNTS_POPULAR_DAYS must be a whole number"):
        popular_days({"VIEW_COUNTS_POPULAR_DAYS": value})


def version_1(nights: list[date]) -> dict:
    """The file as imports wrote it before compaction: each with its own views."""
    return {
        "version": 1,
        "baseline_date": "2025-12-31",
        "baseline": {A: 395},
        "imports": [
            {
                "source": "matomo",
                "format": "matomo-report",
                "metric": "nb_hits",
                "file": f"matomo-{day}-{day}.csv",
                "fingerprint": f"sha256:{day}",
                "start": str(day),
                "end": str(day),
                "rows": 3,
                "matched_views": sum(nightly(day).values()),
                "unmatched_views": 0,
                "views": {url: n for url, n in nightly(day).items() if n},
            }
            for day in nights
        ],
    }


def test_a_version_1_file_is_read_and_merged_as_it_is_now(tmp_path):
    path = tmp_path / "view-counts.json"
    old = version_1(days(date(2026, 1, 1), date(2026, 1, 31)))
    path.write_text(json.dumps(old, indent=1), encoding="utf-8")
    snapshot = snapshots.load(path)
    assert snapshot["version"] == 2 and len(snapshot["imports"]) == 31
    expected = Counter({A: 395})
    for entry in old["imports"]:
        expected.update(entry["views"])
    assert snapshots.totals(snapshot) == dict(expected)
    # The nightly branch may still hold a version 1 file: merged() reads it too.
    combined = snapshots.merged(snapshots.empty(), old)
    assert snapshots.totals(combined) == dict(expected)


def test_a_cell_of_no_import_names_its_line(tmp_path):
    snapshot = snapshots.empty()
    pull(snapshot, date(2026, 1, 1), {A: 1, B: 2})
    snapshot["views"]["matomo"][B]["2026-01-02"] = 9  # a merge conflict resolved by halves
    path = tmp_path / "view-counts.json"
    snapshots.save(snapshot, path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if B in text)
    with pytest.raises(snapshots.SnapshotError) as error:
        snapshots.load(path)
    assert str(error.value) == (
        f"{path}:{line}: matomo's views of {B} for 2026-01-02 belong to no import; "
        "restore the file from git"
    )


def test_the_nightly_branch_and_main_combine_without_a_day_twice():
    # Main took the branch's first nights, then an editor imported another tool by hand.
    main = snapshots.empty()
    for day in days(date(2026, 1, 1), date(2026, 1, 20)):
        pull(main, day, nightly(day))
    pull(main, date(2026, 1, 1), {C: 1000}, end=date(2026, 1, 31), source="ga4")
    nightly_branch = snapshots.empty()
    for day in days(date(2026, 1, 1), date(2026, 4, 30)):
        pull(nightly_branch, day, nightly(day))
    assert periods(nightly_branch)[:3] == ["2026-01", "2026-02", "2026-03"]
    combined = snapshots.merged(nightly_branch, main)
    expected = Counter(snapshots.totals(nightly_branch))
    expected[C] += 1000
    assert snapshots.totals(combined) == dict(expected)
    # Two halves of one month, merged on two branches: one month again, every view once.
    first, second = snapshots.empty(), snapshots.empty()
    for day in days(date(2026, 1, 1), date(2026, 1, 15)):
        pull(first, day, nightly(day))
    for day in days(date(2026, 1, 16), date(2026, 1, 31)):
        pull(second, day, nightly(day))
    pull(first, date(2026, 3, 31), {A: 1})
    pull(second, date(2026, 3, 31), {A: 2})
    assert periods(first) == periods(second) == ["2026-01", "2026-03-31"]
    combined = snapshots.merged(first, second)
    assert periods(combined) == ["2026-01", "2026-03-31"]
    january = combined["imports"][0]
    assert (january["start"], january["end"], january["imports"]) == (
        "2026-01-01",
        "2026-01-31",
        31,
    )
    assert "gaps" not in january
    expected = Counter({A: 1})
    for day in days(date(2026, 1, 1), date(2026, 1, 31)):
        expected.update(nightly(day))
    assert snapshots.totals(combined) == {url: n for url, n in expected.items() if n}


def test_old_site_counts_imported_on_either_branch_survive_the_merge():
    # The nightly branch has the first old-site counts; main later imports more
    # of the old site (migration): the merge keeps every URL's higher count.
    nightly_branch, main = snapshots.empty(), snapshots.empty()
    snapshots.raise_baseline(nightly_branch, {A: 395, B: 10}, date(2026, 11, 1))
    snapshots.raise_baseline(main, {A: 300, B: 12, C: 7}, date(2026, 11, 20))
    for combined in (
        snapshots.merged(nightly_branch, main),
        snapshots.merged(main, nightly_branch),
    ):
        assert combined["baseline"] == {A: 395, B: 12, C: 7}
    assert snapshots.merged(nightly_branch, main)["baseline_date"] == "2026-11-01"


def test_views_compact_task_rewrites_a_version_1_file_small(site_copy):
    path = site_copy / "data" / "view-counts.json"
    old = version_1(days(date(2026, 1, 1), date(2026, 4, 30)))
    path.write_text(json.dumps(old, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = snapshots.totals(snapshots.load(path))
    result = run_task(site_copy, "views-compact")
    assert result.stdout.startswith("views-compact: 85 periods merged; the snapshot is ")
    snapshot = snapshots.load(path)
    assert periods(snapshot)[:3] == ["2026-01", "2026-02", "2026-03"]
    assert snapshots.totals(snapshot) == expected
    assert len(path.read_bytes()) < len(json.dumps(old, indent=1)) / 3
    again = run_task(site_copy, "views-compact")
    assert again.stdout == "views-compact: nothing to compact; the snapshot is unchanged\n"
