"""The one description of a project's record: what each exported column means and how its
value is read, and the glossaries of the codes the values use.

The CSV and JSON writers (projects/export.py), the data dictionary page (/projects/data/)
and the API's field descriptions all read it, so no document can drift from another.
"""

from projects.record.columns import FIGURE_COLUMNS, PROJECT_COLUMNS, Column, describe
from projects.record.glossary import KINDS, PRECISIONS, QUALIFIERS, UNITS
from projects.record.values import plain

__all__ = [
    "FIGURE_COLUMNS",
    "KINDS",
    "PRECISIONS",
    "PROJECT_COLUMNS",
    "QUALIFIERS",
    "UNITS",
    "Column",
    "describe",
    "plain",
]
