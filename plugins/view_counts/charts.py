"""Bar charts as inline SVG: no script, no style attribute, colours from style.css.

Bars take the regency map's second shade (`n2`), which style.css gives its
dark-mode colour, and text is drawn in the page's own colour, so a chart
reads in both schemes at no cost to other pages. Each bar has a <title>
with its number; the page puts a table of the same numbers under each chart.
"""

from html import escape

from .statistics import grouped

WIDTH = 300
HIGH = 100  # a column of the largest value
LONG = 150  # a bar of the largest value
ROW = 16


def length(value: int, largest: int, full: int) -> str:
    """A bar's length in the view box, to a tenth of a unit."""
    return f"{full * value / largest:.1f}" if largest else "0"


def svg(height: int, label: str, shapes: list[str]) -> str:
    return (
        f'<svg class="grafik" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-label="{escape(label)}" fill="currentColor" font-size="10">'
        + "".join(shapes)
        + "</svg>"
    )


def columns(label: str, bars: list[tuple[str, str, int]]) -> str:
    """A column a value, left to right: (what the axis says, its title, value)."""
    largest = max((value for *_, value in bars), default=0)
    slot = WIDTH / max(len(bars), 1)
    shapes = []
    for index, (axis, title, value) in enumerate(bars):
        height = length(value, largest, HIGH)
        x = index * slot
        shapes.append(
            f'<rect class="n2" x="{x + slot * 0.15:.1f}" y="{4 + HIGH - float(height):.1f}" '
            f'width="{slot * 0.7:.1f}" height="{height}"><title>{escape(title)}: '
            f"{grouped(value)} tayangan</title></rect>"
            f'<text x="{x + slot / 2:.1f}" y="{HIGH + 18}" text-anchor="middle">'
            f"{escape(axis)}</text>"
        )
    return svg(HIGH + 22, label, shapes)


def bars(label: str, rows: list[tuple[str, int]]) -> str:
    """A bar a row, top to bottom, its name before it and its number after it."""
    largest = max((value for _, value in rows), default=0)
    shapes = []
    for index, (name, value) in enumerate(rows):
        top = index * ROW
        width = length(value, largest, LONG)
        shapes.append(
            f'<text x="106" y="{top + 12}" text-anchor="end">{escape(name)}</text>'
            f'<rect class="n2" x="110" y="{top + 3}" width="{width}" height="11">'
            f"<title>{escape(name)}: {grouped(value)} tayangan</title></rect>"
            f'<text x="{110 + float(width) + 3:.1f}" y="{top + 12}">{grouped(value)}</text>'
        )
    return svg(len(rows) * ROW + 4, label, shapes)
