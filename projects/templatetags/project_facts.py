from babel.numbers import get_currency_name
from django import template

from projects.formatting import language, partial_date, readable_number
from projects.timeline import chart

register = template.Library()


@register.simple_tag
def usd_equivalent(figure, rates):
    """ "≈ USD 704 million at 0.1408 USD per CNY on 2 January 2024" (or in Chinese), or ""
    without a rate."""
    rate = rates.get(figure.currency) if figure.is_money else None
    if rate is None:
        return ""
    amount = readable_number(rate.to_usd(figure.value).quantize(1))
    if figure.value_high is not None:
        high = readable_number(rate.to_usd(figure.value_high).quantize(1))
        amount += f"至{high}" if language() == "zh" else f"–{high}"
    per_unit, on = rate.usd_per_unit.normalize(), partial_date(rate.on, "day")
    if language() == "zh":
        name = get_currency_name(rate.currency, locale="zh_Hans")
        return f"≈ {amount}美元（按{on}汇率，1{name}兑{per_unit}美元）"
    return f"≈ USD {amount} at {per_unit} USD per {rate.currency} on {on}"


@register.filter
def written_date(value):
    """A full date as the active language writes it: "5 March 2025" / "2025年3月5日"."""
    return partial_date(value, "day") if value else ""


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
