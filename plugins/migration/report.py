"""What an import did, as lines an office can act on: each post with the old page it came from."""

from collections import defaultdict

from translations import _, ngettext

from .importing import Outcome, Report


def outcome_lines(outcome: Outcome, reasons: bool = True) -> list[str]:
    sources = ", ".join(outcome.sources)
    if outcome.path:
        # Translators: a post's file, then the old pages it was made from.
        head = _("{file} (from {sources})").format(file=outcome.path, sources=sources)
    else:
        head = _("no file written (from {sources})").format(sources=sources)
    said = outcome.reasons + outcome.notes if reasons else []
    return [f"    {head}"] + [f"      - {reason}" for reason in said]


def report_lines(report: Report) -> list[str]:
    written, unchanged = len(report.written), len(report.unchanged)
    skipped = len(report.skipped)
    lines = [
        ngettext("{count} post written", "{count} posts written", written).format(count=written)
        + ", "
        + ngettext("{count} unchanged", "{count} unchanged", unchanged).format(count=unchanged)
        + ", "
        + ngettext("{count} skipped", "{count} skipped", skipped).format(count=skipped)
    ]
    sections = [
        (
            report.review,
            _("To review: imported as drafts, published only once an editor has looked ({count}):"),
            True,
        ),
        (
            report.kept,
            _("Kept as they are, not overwritten ({count}):"),
            True,
        ),
        (
            report.noted,
            _("Published, with something to look at when you can ({count}):"),
            True,
        ),
        (
            report.refused,
            _("Not imported: they would fail `check` even as drafts ({count}):"),
            True,
        ),
        (
            report.merged,
            _("One post from several old pages (the same post at several addresses) ({count}):"),
            False,
        ),
        (
            report.renamed,
            _("Same title and month as another post: given an address of their own ({count}):"),
            False,
        ),
        (report.written, _("Written ({count}):"), False),
    ]
    for outcomes, title, reasons in sections:
        if outcomes:
            lines += ["", "  " + title.format(count=len(outcomes))]
            for outcome in outcomes:
                lines += outcome_lines(outcome, reasons)
    if report.skipped:
        lines += [
            "",
            "  " + _("Skipped, not news posts ({count}):").format(count=len(report.skipped)),
        ]
        by_reason = defaultdict(list)
        for skipped in report.skipped:
            by_reason[skipped.reason].append(skipped.source)
        for reason, sources in sorted(by_reason.items()):
            lines.append(f"    {reason} ({len(sources)}):")
            lines += [f"      {source}" for source in sources]
    if report.unredirected:
        lines += [
            "",
            "  "
            + _(
                "Old addresses with a '?' cannot be redirected (a static host ignores what "
                "follows '?'); they are kept in data/imported-posts.json ({count}):"
            ).format(count=len(report.unredirected)),
        ]
        lines += [f"    {address} ({source})" for source, address in report.unredirected]
    lines += [
        "",
        "  "
        + ngettext(
            "{count} photo or document copied into content/images/",
            "{count} photos and documents copied into content/images/",
            report.photos,
        ).format(count=report.photos),
        "  "
        + ngettext(
            "{count} old view count kept in data/view-counts.json",
            "{count} old view counts kept in data/view-counts.json",
            report.views,
        ).format(count=report.views),
    ]
    if report.hints:
        lines += ["", "  " + _("What to do:")]
        lines += [f"    - {hint}" for hint in report.hints]
    lines += ["", "  " + _("python3 dev.py check on the site after the import:")]
    lines += [f"    {problem}" for problem in report.problems]
    if report.fatal:
        lines.append(
            "    "
            + ngettext(
                "{count} problem; the site is not built until it is fixed",
                "{count} problems; the site is not built until they are fixed",
                report.fatal,
            ).format(count=report.fatal)
        )
    elif not report.problems:
        lines.append("    " + _("no problems"))
    return lines
