"""Python's cycle collector, told what a worker keeps for its whole life.

A full collection walks every object the process holds, and a worker holds about 125,000
from start-up alone (modules, models, URL patterns, templates). Requests that make many
objects trigger full collections: the CSV export of 1,000 projects (11,000 model
instances) ran several, a tenth of its time. gc.freeze() moves what exists once the app is
loaded into a generation that is never collected, so a collection walks only what requests
have made since. Garbage is collected first, so nothing frozen is waste.
"""

import gc


def settle():
    gc.collect()
    gc.freeze()
