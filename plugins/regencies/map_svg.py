"""An inline SVG map of NTT in which each regency is a link to its page.

Drawn at build time from data/ntt-regencies.geojson (simplified boundaries,
MIT, see data/ntt-regencies.SOURCES.md). A plain equirectangular projection
scaled by cos(latitude) is within about 1% of Mercator at 9°S and needs no
library. Points are whole pixels of an 800 px wide view box, written as
relative moves, which keeps the map to a few kilobytes compressed.
"""

import json
import math
from html import escape
from pathlib import Path

WIDTH = 800


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


def path_data(rings, to_pixels) -> str:
    commands = []
    for ring in rings:
        pixels = [to_pixels(lon, lat) for lon, lat in ring]
        # Drop points that round onto the one before.
        pixels = [p for i, p in enumerate(pixels) if i == 0 or p != pixels[i - 1]]
        if len(pixels) < 3:
            continue
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


def regency_map(geojson_path: Path, links: dict[str, tuple[str, str]]) -> str:
    """The <svg>: LINKS maps a Kemendagri code to (href, label)."""
    rings = read_rings(geojson_path)
    missing = set(links) - set(rings)
    if missing:
        raise ValueError(f"{geojson_path}: no boundary for {', '.join(sorted(missing))}")
    to_pixels, height = project(rings)
    parts = [
        f'<svg class="peta" viewBox="0 0 {WIDTH} {height}" role="group" '
        'aria-label="Peta kabupaten/kota di Nusa Tenggara Timur">'
    ]
    for code, (href, label) in sorted(links.items()):
        parts.append(
            f'<a href="{escape(href)}" aria-label="{escape(label)}"><path d="{path_data(rings[code], to_pixels)}">'
            f"<title>{escape(label)}</title></path></a>"
        )
    parts.append("</svg>")
    return "".join(parts)
