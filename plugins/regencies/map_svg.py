"""An inline SVG map of NTT: each regency a link to its page, shaded by its number of posts.

Drawn at build time from data/ntt-regencies.geojson (simplified boundaries,
MIT, see data/ntt-regencies.SOURCES.md). A plain equirectangular projection
scaled by cos(latitude) is within about 1% of Mercator at 9°S and needs no
library. Points are whole pixels of an 800 px wide view box, written as
relative moves, which keeps the map to a few kilobytes compressed.

Names are printed where they fit (placement.py); a kota, a speck at this
scale, gets a named box in the sea as a second shape of its link, a target a
finger can tap. Every region's link is named by its <title> and aria-label,
"Sikka: 2 berita", whether or not its label fits.
"""

import json
import math
from bisect import bisect_right
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path

from .placement import LABEL_SIZE, LINE, Box, place_labels, text_lines

WIDTH = 800
# The least number of posts of each shade n0, n1, ...: fixed rather than
# quantiles, so that a shade means the same number on every build and a
# regency's first post always changes its colour.
SHADES = (0, 1, 3, 10)
# Outlines and leaders 1 CSS px wide at any size of the map.
LINE_WIDTH = 'vector-effect="non-scaling-stroke"'


@dataclass(frozen=True)
class Region:
    href: str
    name: str  # the link's name: "Sikka", "Kota Kupang"
    count: int  # its posts
    labels: tuple[str, ...] = ()  # what the map may print, in order of preference
    inset: bool = False  # too small to tap: give it a named box beside it


def map_labels(name: str, aliases=()) -> tuple[str, ...]:
    """What the map may print for a regency: its name, else its shortest one-word alias
    ("TTS", "Mabar"), which takes less room."""
    short = sorted((alias for alias in aliases if " " not in alias), key=len)
    return (name, *short[:1])


def shade(count: int) -> str:
    """The CSS class of a regency with COUNT posts: "n0" for none, up to "n3"."""
    return f"n{bisect_right(SHADES, count) - 1}"


def legend() -> list[tuple[str, str]]:
    """(class, what it means) for each shade, in Indonesian as readers read it."""
    entries = [("n0", "belum ada berita")]
    for index, (low, high) in enumerate(pairwise(SHADES[1:]), start=1):
        numbers = f"{low}" if low == high - 1 else f"{low}\u2013{high - 1}"
        entries.append((f"n{index}", f"{numbers} berita"))
    entries.append((f"n{len(SHADES) - 1}", f"{SHADES[-1]} berita atau lebih"))
    return entries


def project(rings_by_code: dict[str, list[list[tuple[float, float]]]]):
    points = [point for rings in rings_by_code.values() for ring in rings for point in ring]
    west = min(lon for lon, _ in points)
    east = max(lon for lon, _ in points)
    north = max(lat for _, lat in points)
    south = min(lat for _, lat in points)
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = round((north - south) * scale)

    def to_pixels(lon, lat):
        return round((lon - west) * squeeze * scale), round((north - lat) * scale)

    return to_pixels, height


def pixel_rings(rings, to_pixels) -> list[list[tuple[int, int]]]:
    """Each ring in pixels, without points that round onto the one before, nor slivers."""
    result = []
    for ring in rings:
        pixels = [to_pixels(lon, lat) for lon, lat in ring]
        pixels = [p for i, p in enumerate(pixels) if i == 0 or p != pixels[i - 1]]
        if len(pixels) >= 3:
            result.append(pixels)
    return result


def path_data(rings) -> str:
    """SVG path data of pixel rings, in relative moves."""
    commands = []
    for pixels in rings:
        (x, y), rest = pixels[0], pixels[1:]
        steps = []
        for nx, ny in rest:
            steps.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        commands.append(f"M{pixels[0][0]} {pixels[0][1]}l" + " ".join(steps) + "z")
    return "".join(commands).replace(" -", "-")


def read_rings(geojson_path: Path) -> dict[str, list]:
    features = json.loads(geojson_path.read_text(encoding="utf-8"))["features"]
    rings = {}
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        rings[feature["properties"]["code_kemendagri"]] = [
            ring for polygon in polygons for ring in polygon
        ]
    return rings


def text_element(lines: list[str], box: Box) -> str:
    # The baseline of a line sits 0.35 em below its middle.
    top = box.y - (len(lines) - 1) * LINE * LABEL_SIZE / 2
    if len(lines) == 1:
        return f'<text x="{box.x:.0f}" y="{top + 0.35 * LABEL_SIZE:.0f}">{escape(lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{box.x:.0f}" y="{top + i * LINE * LABEL_SIZE + 0.35 * LABEL_SIZE:.0f}">'
        f"{escape(line)}</tspan>"
        for i, line in enumerate(lines)
    )
    return f"<text>{spans}</text>"


def line_data(line) -> str:
    (x1, y1), (x2, y2) = line
    return f"M{x1:.0f} {y1:.0f}L{x2:.0f} {y2:.0f}"


def regency_map(geojson_path: Path, regions: dict[str, Region]) -> str:
    """The <svg>: REGIONS maps a Kemendagri code to its Region."""
    rings = read_rings(geojson_path)
    missing = set(regions) - set(rings)
    if missing:
        raise ValueError(f"{geojson_path}: no boundary for {', '.join(sorted(missing))}")
    to_pixels, height = project(rings)
    pixels = {code: pixel_rings(rings[code], to_pixels) for code in regions}
    labels, insets = place_labels(
        {code: region.labels for code, region in regions.items()},
        {code for code, region in regions.items() if region.inset and region.labels},
        pixels,
        (WIDTH, height),
    )
    parts = [
        f'<svg class="peta" viewBox="0 0 {WIDTH} {height}" role="group" '
        'aria-label="Peta kabupaten/kota di Nusa Tenggara Timur menurut jumlah berita">'
    ]
    texts, leaders = [], []
    for code, region in sorted(regions.items()):
        name = escape(f"{region.name}: {region.count} berita")
        shaded = f'<path class="{shade(region.count)}" {LINE_WIDTH} d="{{}}"/>'
        shapes = shaded.format(path_data(pixels[code]))
        inset = ""
        if code in insets:
            # The box is a second shape of the link: a tap on it is a tap on the kota.
            box, line = insets[code]
            west, north, east, south = (round(edge) for edge in box.edges)
            shapes += shaded.format(f"M{west} {north}H{east}V{south}H{west}z")
            texts.append(text_element(text_lines(region.labels[0])[-1], box))
            inset = (
                f'<path stroke="currentColor" {LINE_WIDTH} pointer-events="none" '
                f'd="{line_data(line)}"/>'
            )
        parts.append(
            f'<a href="{escape(region.href)}" aria-label="{name}"><title>{name}</title>'
            f"{shapes}</a>{inset}"
        )
    for lines, box, line in labels.values():
        texts.append(text_element(lines, box))
        if line is not None:
            leaders.append(line_data(line))
    # Labels go over every region, and let a tap through to the region below;
    # style.css hides them where they would print too small to read.
    parts.append(
        f'<g aria-hidden="true" font-size="{LABEL_SIZE}" text-anchor="middle" '
        'fill="currentColor" stroke-width="5" stroke-linejoin="round" paint-order="stroke" '
        'pointer-events="none">'
        + (
            f'<path stroke="currentColor" stroke-width="1" {LINE_WIDTH} d="{"".join(leaders)}"/>'
            if leaders
            else ""
        )
        + "".join(texts)
        + "</g></svg>"
    )
    return "".join(parts)
