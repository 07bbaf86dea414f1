"""Where the names go on the map of /wilayah/, and the box of a regency too small to tap.

In pixels of the map's view box (map_svg.WIDTH wide). A name goes on its
regency if at least half of it is there and none on a neighbour; else beside
it, with a leader line over nothing but the sea and the regency itself, as
near as it can; never on another name, box or leader. The land is a grid of
CELL-sized squares, which answers where a box is in a few list slices.
"""

import heapq
import math
from dataclasses import dataclass
from functools import cached_property
from itertools import islice, pairwise

# The map is 336 CSS px wide on a 360 px screen (the body's padding aside):
# 25 units print at 10.5 px there, and a 24 px tap target is 57 units.
LABEL_SIZE = 25
TARGET = 57
CHAR_WIDTH = 0.62  # an average letter, of LABEL_SIZE: DejaVu Sans, wider than Roboto, is ~0.6
LINE = 1.15  # line height of a two-line label, in LABEL_SIZE
GAP = 8  # the least space between two boxes, in units
REACH = 100  # how far from its regency a box in the sea may go, in units
CHOICES = 40  # how many of its nearest places, for each way of setting it, a label has
ROUNDS = 4  # how many times the labels beside their regency are placed, to place more


class Land:
    """Which regency each CELL x CELL square of the map is on, for testing where boxes go."""

    CELL = 2

    def __init__(self, rings_by_code: dict[str, list[list[tuple[int, int]]]], size):
        width, height = size
        self.columns, self.rows = width // self.CELL + 1, height // self.CELL + 1
        self.cells: list[list[str | None]] = [[None] * self.columns for _ in range(self.rows)]
        for code, rings in rings_by_code.items():
            for row in range(self.rows):
                y = (row + 0.5) * self.CELL
                # Even-odd along the row, over all the regency's rings: holes are sea.
                xs = sorted(
                    x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                    for ring in rings
                    for (x1, y1), (x2, y2) in sides(ring)
                    if (y1 > y) != (y2 > y)
                )
                for start, end in zip(xs[::2], xs[1::2], strict=False):
                    first = max(0, math.ceil(start / self.CELL - 0.5))
                    for column in range(first, min(self.columns, int(end / self.CELL + 0.5))):
                        self.cells[row][column] = code

    def codes_in(self, box: "Box") -> set[str | None]:
        """The regencies (None for the sea) of the cells whose centre is in BOX."""
        west, north, east, south = box.edges
        first = max(0, math.ceil(west / self.CELL - 0.5))
        last = min(self.columns - 1, math.floor(east / self.CELL - 0.5))
        top = max(0, math.ceil(north / self.CELL - 0.5))
        bottom = min(self.rows - 1, math.floor(south / self.CELL - 0.5))
        found = set()
        for row in self.cells[top : bottom + 1]:
            found.update(row[first : last + 1])
        return found

    def share_of(self, box: "Box", code: str) -> float:
        """The part of BOX's cells that are CODE's."""
        west, north, east, south = box.edges
        first = max(0, math.ceil(west / self.CELL - 0.5))
        last = min(self.columns - 1, math.floor(east / self.CELL - 0.5))
        rows = self.cells[
            max(0, math.ceil(north / self.CELL - 0.5)) : math.floor(south / self.CELL - 0.5) + 1
        ]
        total = len(rows) * (last - first + 1)
        return sum(row[first : last + 1].count(code) for row in rows) / total if total > 0 else 0

    def at(self, x: float, y: float) -> str | None:
        """The code of the regency at (x, y), None in the sea."""
        row, column = int(y // self.CELL), int(x // self.CELL)
        if 0 <= row < self.rows and 0 <= column < self.columns:
            return self.cells[row][column]
        return None


def bounds(points) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def sides(ring):
    """The ring's sides, the last back to the first point."""
    return pairwise([*ring, ring[0]])


def contains(ring, x, y) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in sides(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def edge_distance(ring, x, y) -> float:
    """Distance from (x, y) to the ring's outline, negative outside it."""
    nearest = math.inf
    for (x1, y1), (x2, y2) in sides(ring):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
        nearest = min(nearest, math.hypot(x - x1 - t * dx, y - y1 - t * dy))
    return nearest if contains(ring, x, y) else -nearest


def pole(ring, precision: float = 2.0) -> tuple[float, float]:
    """The point inside RING farthest from its outline (Mapbox's polylabel)."""
    west, north, east, south = bounds(ring)
    size = min(east - west, south - north) or 1

    def cell(x, y, half):
        d = edge_distance(ring, x, y)
        return (-(d + half * math.sqrt(2)), d, x, y, half)

    cells = [
        cell(west + i * size + size / 2, north + j * size + size / 2, size / 2)
        for i in range(math.ceil((east - west) / size))
        for j in range(math.ceil((south - north) / size))
    ]
    heapq.heapify(cells)
    best = cell(*centroid(ring), 0)
    while cells:
        _, d, x, y, half = heapq.heappop(cells)
        if d > best[1]:
            best = (0, d, x, y, 0)
        if d + half * math.sqrt(2) - best[1] <= precision:
            continue
        for dx in (-half / 2, half / 2):
            for dy in (-half / 2, half / 2):
                heapq.heappush(cells, cell(x + dx, y + dy, half / 2))
    return best[2], best[3]


def area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in sides(ring)))


def centroid(ring) -> tuple[float, float]:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return sum(xs) / len(xs), sum(ys) / len(ys)


@dataclass(frozen=True)
class Box:
    """A label's or an inset's rectangle, centred on (x, y)."""

    x: float
    y: float
    width: float
    height: float

    @cached_property
    def edges(self):
        return (
            self.x - self.width / 2,
            self.y - self.height / 2,
            self.x + self.width / 2,
            self.y + self.height / 2,
        )

    def overlaps(self, other: "Box", gap: float = 0) -> bool:
        a, b = self.edges, other.edges
        return not (
            a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1] or b[3] + gap <= a[1]
        )

    def crossed_by(self, start, end) -> bool:
        """Whether the segment START-END passes through the box (Liang-Barsky clipping)."""
        west, north, east, south = self.edges
        (x1, y1), (x2, y2) = start, end
        low, high = 0.0, 1.0
        for step, room in (
            (x1 - x2, x1 - west),
            (x2 - x1, east - x1),
            (y1 - y2, y1 - north),
            (y2 - y1, south - y1),
        ):
            if step == 0:
                if room < 0:
                    return False
                continue
            t = room / step
            if step < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                return False
        return True

    def within(self, width: float, height: float) -> bool:
        west, north, east, south = self.edges
        return west >= 0 and north >= 0 and east <= width and south <= height


def text_lines(label: str) -> list[list[str]]:
    """The ways to set LABEL: on one line, or on two split at a space."""
    words = label.split()
    return [[label]] + [[" ".join(words[:i]), " ".join(words[i:])] for i in range(1, len(words))]


def text_box(lines: list[str], x: float, y: float) -> Box:
    width = max(len(line) for line in lines) * CHAR_WIDTH * LABEL_SIZE
    return Box(x, y, width, (1 + (len(lines) - 1) * LINE) * LABEL_SIZE)


def on_own_land(box: Box, code: str, land: Land) -> bool:
    """Whether at least half of BOX is on CODE's land and none on another regency's."""
    return land.codes_in(box) <= {code, None} and land.share_of(box, code) >= 0.5


def beside(box: Box, anchor, code: str, land: Land) -> bool:
    """Whether BOX is on no other regency, and its leader to ANCHOR crosses none."""
    if not land.codes_in(box) <= {code, None}:
        return False
    return all(land.at(x, y) in (code, None) for x, y in leader_points(box, anchor))


def leader(box: Box, anchor) -> tuple[tuple[float, float], tuple[float, float]]:
    """The line from the point of BOX nearest ANCHOR to ANCHOR."""
    west, north, east, south = box.edges
    x, y = anchor
    return (min(max(x, west), east), min(max(y, north), south)), anchor


def leader_points(box: Box, anchor, step: float = 3):
    (x1, y1), (x2, y2) = leader(box, anchor)
    steps = max(1, round(math.hypot(x2 - x1, y2 - y1) / step))
    return [(x1 + (x2 - x1) * i / steps, y1 + (y2 - y1) * i / steps) for i in range(steps + 1)]


def apart(one: Box, one_anchor, other: Box, other_anchor) -> bool:
    """Whether two boxes keep GAP apart and neither's leader (to its anchor, if any) crosses
    the other box."""
    if one.overlaps(other, gap=GAP):
        return False
    if one_anchor is not None and other.crossed_by(*leader(one, one_anchor)):
        return False
    return other_anchor is None or not one.crossed_by(*leader(other, other_anchor))


def clear(box: Box, anchor, taken: list) -> bool:
    """Whether BOX, with its leader to ANCHOR if any, is apart from each (box, anchor) TAKEN."""
    return all(apart(box, anchor, *other) for other in taken)


def around(box: Box, reach: float):
    """BOX moved ever farther from where it is, in sixteen directions, up to REACH."""
    start = min(box.width, box.height) / 2 + 4
    for distance in range(round(start), round(start + reach), 4):
        for step in range(16):
            angle = step * math.pi / 8
            yield Box(
                box.x + distance * math.cos(angle),
                box.y + distance * math.sin(angle),
                box.width,
                box.height,
            )


def place_labels(names: dict[str, tuple[str, ...]], small: set[str], rings, size):
    """Labels {code: (lines, Box, leader)} and insets {code: (Box, leader)}, none on another.

    NAMES are what may be printed for each regency, in order of preference;
    SMALL, those too small to tap, get an inset instead. RINGS are the
    regencies' rings in pixels of a map of SIZE. A leader is the line from a box
    beside a regency to the regency, None for a label on it.
    """
    land = Land(rings, size)
    anchors = {code: pole(max(rings[code], key=area)) for code in names}
    taken = []
    insets, labels = {}, {}
    for code in sorted(small):
        box = Box(*anchors[code], TARGET * 1.8, TARGET * 1.2)
        spot = next(
            (
                b
                for b in around(box, REACH)
                if b.within(*size)
                and land.codes_in(b) == {None}
                and beside(b, anchors[code], code, land)
            ),
            None,
        )
        if spot is not None:
            insets[code] = (spot, leader(spot, anchors[code]))
            taken.append((spot, anchors[code]))
    # Every label that fits on its own regency; most do not, at 10 px on a phone.
    for code, labels_of in sorted(names.items()):
        for lines in () if code in insets else label_options(labels_of):
            box = text_box(lines, *anchors[code])
            if box.within(*size) and clear(box, None, taken) and on_own_land(box, code, land):
                labels[code] = (lines, box, None)
                taken.append((box, None))
                break
    # The others beside their regency, with a leader.
    places = {
        code: places_beside(labels_of, code, anchors[code], land=land, taken=taken, size=size)
        for code, labels_of in names.items()
        if code not in labels and code not in insets
    }
    best: dict = {}
    first: set[str] = set()
    for _ in range(ROUNDS):
        placed = place_beside(places, anchors, first)
        if len(placed) > len(best):
            best = placed
        if len(placed) == len(places):
            break
        # Again, with the regencies left out placed first.
        first |= set(places) - set(placed)
    labels.update(best)
    return labels, insets


def place_beside(places: dict, anchors, first: set[str]) -> dict:
    """Each regency at its nearest place still free; FIRST, then those with fewest places
    left go first, so that one with many does not take the only place of another."""
    places = dict(places)
    labels = {}
    while places:
        code = min(
            places, key=lambda code: (code not in first, not places[code], len(places[code]), code)
        )
        options = places.pop(code)
        if not options:
            continue
        _, _, lines, box = options[0]
        labels[code] = (lines, box, leader(box, anchors[code]))
        for other, others in places.items():
            places[other] = [
                place for place in others if apart(place[3], anchors[other], box, anchors[code])
            ]
    return labels


def places_beside(labels: tuple[str, ...], code: str, anchor, *, land: Land, taken, size):
    """(distance, rank, lines, Box) of the nearest places of each way to set LABELS."""
    places = []
    for rank, lines in enumerate(label_options(labels)):
        found = (
            box
            for box in around(text_box(lines, *anchor), REACH)
            if box.within(*size) and beside(box, anchor, code, land) and clear(box, anchor, taken)
        )
        places += [
            (math.hypot(box.x - anchor[0], box.y - anchor[1]), rank, lines, box)
            for box in islice(found, CHOICES)
        ]
    return sorted(places, key=lambda place: place[:2])


def label_options(labels: tuple[str, ...]) -> list[list[str]]:
    """The lines a regency's labels may be set in, in order of preference."""
    return [lines for label in labels for lines in text_lines(label)]
