"""Draw static/maps/world.svg, the directory map's country outlines (a one-off dev step).

Source: Natural Earth 1:110m admin-0 countries (public domain) as TopoJSON from the
world-atlas npm package (ISC licence, static/maps/LICENSE.txt):
    npm install world-atlas@2.0.2
    .venv/bin/python tests/tools/build_world_map.py node_modules/world-atlas/countries-110m.json
The outlines go through projects/world_map.py's projection, the one the markers use, rounded
to whole units of the 1000-wide viewBox (which is what simplifies them), Antarctica left out.
The page draws them with <use href="world.svg#countries">, so their colours come from the
page's CSS through inheritance (no fill here).
"""

import json
import sys
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from projects.world_map import VIEWBOX, project  # noqa: E402

OUT = ROOT / "static" / "maps" / "world.svg"
ANTARCTICA = "010"


def decoded_arcs(topology):
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def unwrapped(points):
    """A ring cut at the antimeridian (Fiji, Chukotka) kept on its larger side: its few points
    past 180° fall just off the map, instead of a line drawn across the whole world."""
    longitudes = [lon for lon, _ in points]
    if max(longitudes) - min(longitudes) <= 180:
        return points
    east = sum(lon > 0 for lon in longitudes) * 2 >= len(longitudes)
    shift = 360 if east else -360
    return [(lon + shift if (lon < 0) == east else lon, lat) for lon, lat in points]


def ring_path(points):
    """One closed subpath in whole units; points that round onto the previous one are dropped."""
    out = []
    points = unwrapped(points)
    for longitude, latitude in points:
        x, y = project(latitude, longitude)
        point = (round(x), round(y))
        if not out or point != out[-1]:
            out.append(point)
    if len(out) < 3:
        return ""
    # Relative steps ("l3-2") are about half the size of absolute ones.
    steps = "".join(f"l{x - px}{y - py:+d}".replace("+", " ") for (px, py), (x, y) in pairwise(out))
    return f"M{out[0][0]} {out[0][1]}{steps}z"


def country_path(geometry, arcs):
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)


def main(source):
    topology = json.loads(Path(source).read_text())
    arcs = decoded_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        if d := country_path(geometry, arcs):
            paths.append(f'<path d="{d}"/>')
    OUT.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{VIEWBOX}">'
        "<!-- Country outlines: Natural Earth (public domain) via world-atlas (ISC). -->"
        f'<g id="countries">{"".join(paths)}</g></svg>\n'
    )
    print(f"{OUT.relative_to(ROOT)}: {len(paths)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
