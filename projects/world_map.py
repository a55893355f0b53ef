"""Where the directory's projects sit on its world map.

The outlines (static/maps/world.svg, built once by tests/tools/build_world_map.py from
Natural Earth via world-atlas) and the markers share this one projection: plate carrée,
longitude and latitude straight to x and y, cropped to the inhabited latitudes. Simple
enough that a marker needs no library, and honest about where a place is.
"""

from typing import NamedTuple

WIDTH = 1000
NORTH, SOUTH = 84, -58
SCALE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * SCALE, 1)
VIEWBOX = f"0 0 {WIDTH} {HEIGHT}"


def project(latitude, longitude):
    """(x, y) in the map's viewBox for a point in degrees, rounded to a tenth."""
    latitude = min(max(float(latitude), SOUTH), NORTH)
    return round((float(longitude) + 180) * SCALE, 1), round((NORTH - latitude) * SCALE, 1)


class Marker(NamedTuple):
    project: object
    x: float
    y: float


def markers(projects):
    """The projects with coordinates as markers, and those without (listed as not on the map)."""
    placed, unplaced = [], []
    for project_ in projects:
        if project_.latitude is None or project_.longitude is None:
            unplaced.append(project_)
        else:
            placed.append(Marker(project_, *project(project_.latitude, project_.longitude)))
    return placed, unplaced
