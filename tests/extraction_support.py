"""What the fact-extraction tests compare: suggested milestones as plain tuples."""

from projects.extraction import suggest


def milestone_rows(text, published):
    return [
        (m.value["kind"], m.value["date"], m.value["precision"], m.value["planned"])
        for m in suggest(text, published=published).milestones
    ]
