"""Lookups the ORM does not have."""

import re

from django.db.models import Lookup

KEYS = re.compile(r"(?:[0-9]+(?:,[0-9]+)*)?").fullmatch  # ASCII digits: str.isdigit() takes "١"


class AnyOf(Lookup):
    """`AnyOf(F("pk"), keys)`: the integer column is one of `keys`, sent as one array
    (PostgreSQL's `= ANY(array)`) rather than `IN (…)` with a parameter per key. PostgreSQL
    tests a row against a constant array of more than a few keys in a hash, so a walk along
    an index can check thousands of rows against thousands of keys and stop when it has
    enough. `keys`: integers, or their text as `string_agg(key::text, ',')` gives it, which
    saves making thousands of Python integers only to write them back out."""

    lookup_name = "any_of"
    prepare_rhs = False  # the keys are sent as they are, one array

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        keys = self.rhs if isinstance(self.rhs, str) else ",".join(str(int(k)) for k in self.rhs)
        if not KEYS(keys):
            raise ValueError("AnyOf takes integer keys.")
        kind = self.lhs.output_field.cast_db_type(connection)
        return f"{lhs} = ANY(%s::{kind}[])", [*params, f"{{{keys}}}"]
