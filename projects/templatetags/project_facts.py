from django import template

from projects.formatting import readable_number
from projects.timeline import chart

register = template.Library()


@register.simple_tag
def usd_equivalent(figure, rates):
    """ "≈ USD 704 million at 0.1408 USD per CNY on 2024-01-02", or "" without a rate."""
    rate = rates.get(figure.currency) if figure.is_money else None
    if rate is None:
        return ""
    amount = readable_number(rate.to_usd(figure.value).quantize(1))
    if figure.value_high is not None:
        amount += f"–{readable_number(rate.to_usd(figure.value_high).quantize(1))}"
    per_unit = rate.usd_per_unit.normalize()
    return f"≈ USD {amount} at {per_unit} USD per {rate.currency} on {rate.on:%-d %B %Y}"


@register.filter
def cited_from(project, article):
    """The figures the project record took from `article`: (label, text, since revised), from
    prefetched rows. (Milestones citing it are cited on the project page.)"""
    current = set(project.current_figures)
    return [
        (figure.get_kind_display(), figure.display, figure not in current)
        for figure in project.all_figures
        if figure.source and figure.source.article_id == article.pk
    ]


@register.simple_tag
def timeline_chart(project):
    """The SVG timeline's geometry for a project page (projects/timeline.py)."""
    return chart(project.timeline)
