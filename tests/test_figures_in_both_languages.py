"""Figures and partial dates as English and Chinese readers write them (projects/formatting.py).

Each row: the active language, the figure's fields, and the text a reader of that language
expects. Babel supplies the numbers and month names; the words around them are ours.
"""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from projects.dates import PreciseDate, shift, span
from projects.models import Figure
from projects.models.exchange_rates import ExchangeRate


def money(value, currency="CNY", qualifier="exact", high=None):
    high = None if high is None else Decimal(high)
    return Figure(
        kind="investment",
        currency=currency,
        qualifier=qualifier,
        value=Decimal(value),
        value_high=high,
    )


def capacity(value, product="compressors", unit="", period="year", qualifier="exact"):
    return Figure(
        kind="capacity",
        value=Decimal(value),
        product=product,
        unit=unit,
        period=period,
        qualifier=qualifier,
    )


def jobs(value, job_type="total", qualifier="exact"):
    return Figure(kind="jobs", value=Decimal(value), job_type=job_type, qualifier=qualifier)


FIGURES = [
    ("en", money("5000000000", qualifier="about"), "about CNY 5 billion"),
    ("zh-hans", money("5000000000", qualifier="about"), "约50亿元"),
    ("en", money("6000000000", qualifier="over"), "over CNY 6 billion"),
    ("zh-hans", money("6000000000", qualifier="over"), "超过60亿元"),
    ("en", money("1250000000"), "CNY 1.25 billion"),
    ("zh-hans", money("1250000000"), "12.5亿元"),
    ("en", money("200000000", "USD", "up_to"), "up to USD 200 million"),
    ("zh-hans", money("200000000", "USD", "up_to"), "最多2亿美元"),
    ("en", money("750000000", "EUR", "about"), "about EUR 750 million"),
    ("zh-hans", money("750000000", "EUR", "about"), "约7.5亿欧元"),
    ("en", money("750000"), "CNY 750,000"),
    ("zh-hans", money("750000"), "75万元"),
    ("zh-hans", money("8000"), "8000元"),
    ("en", money("1000000000", qualifier="range", high="2000000000"), "CNY 1 billion–2 billion"),
    ("zh-hans", money("1000000000", qualifier="range", high="2000000000"), "10亿至20亿元"),
    ("en", money("100000000000", "USD"), "USD 100 billion"),
    ("zh-hans", money("100000000000", "USD"), "1000亿美元"),
    ("en", capacity("30000000"), "30 million compressors per year"),
    ("zh-hans", capacity("30000000"), "年产3000万台"),
    ("zh-hans", capacity("30000000", qualifier="about"), "年产约3000万台"),
    ("en", capacity("10", unit="GWh", product="batteries"), "10 GWh batteries per year"),
    ("zh-hans", capacity("10", unit="GWh", product="batteries"), "年产10GWh"),
    ("en", capacity("500000", product="vehicles"), "500,000 vehicles per year"),
    ("zh-hans", capacity("500000", product="vehicles"), "年产50万辆"),
    ("zh-hans", capacity("200000", unit="tonnes", product="steel"), "年产20万吨"),
    ("zh-hans", capacity("1000000", product="空调压缩机", period="month"), "月产100万台空调压缩机"),
    ("en", jobs("3000"), "3,000 jobs in total"),
    ("zh-hans", jobs("3000"), "3000个就业岗位"),
    ("en", jobs("3000", "direct", "over"), "over 3,000 direct jobs"),
    ("zh-hans", jobs("3000", "direct", "over"), "超过3000个直接就业岗位"),
    ("en", jobs("12000", "construction", "about"), "about 12,000 construction jobs"),
    ("zh-hans", jobs("12000", "construction", "about"), "约1.2万个建设期就业岗位"),
]


@pytest.mark.parametrize(("language", "figure", "text"), FIGURES)
def test_a_figure_reads_as_its_language_writes_it(language, figure, text):
    with translation.override(language):
        assert figure.display == text


DATES = [
    ("en", datetime.date(2025, 3, 1), "month", "March 2025"),
    ("zh-hans", datetime.date(2025, 3, 1), "month", "2025年3月"),
    ("en", datetime.date(2025, 1, 1), "quarter", "Q1 2025"),
    ("zh-hans", datetime.date(2025, 1, 1), "quarter", "2025年第一季度"),
    ("en", datetime.date(2025, 10, 1), "quarter", "Q4 2025"),
    ("zh-hans", datetime.date(2025, 10, 1), "quarter", "2025年第四季度"),
    ("en", datetime.date(2025, 1, 1), "half_year", "H1 2025"),
    ("zh-hans", datetime.date(2025, 1, 1), "half_year", "2025年上半年"),
    ("en", datetime.date(2025, 7, 1), "half_year", "H2 2025"),
    ("zh-hans", datetime.date(2025, 7, 1), "half_year", "2025年下半年"),
    ("en", datetime.date(2025, 1, 1), "year", "2025"),
    ("zh-hans", datetime.date(2025, 1, 1), "year", "2025年"),
    ("en", datetime.date(2025, 3, 5), "day", "5 March 2025"),
    ("zh-hans", datetime.date(2025, 3, 5), "day", "2025年3月5日"),
]


@pytest.mark.parametrize(("language", "start", "precision", "text"), DATES)
def test_a_partial_date_shows_its_precision_in_its_language(language, start, precision, text):
    with translation.override(language):
        assert str(PreciseDate(start, precision)) == text


def test_the_same_figure_follows_the_language_active_when_it_is_shown():
    figure = money("5000000000", qualifier="about")
    with translation.override("zh-hans"):
        assert figure.display == "约50亿元"
    with translation.override("en"):
        assert figure.display == "about CNY 5 billion"  # the cache is per language


def test_a_full_date_in_a_template_follows_the_language():
    template = Template("{% load project_facts %}{{ day|written_date }}")
    day = datetime.date(2024, 1, 2)
    with translation.override("zh-hans"):
        assert template.render(Context({"day": day})) == "2024年1月2日"
    with translation.override("en"):
        assert template.render(Context({"day": day})) == "2 January 2024"


def test_the_dollar_equivalent_is_written_in_each_language():
    template = Template("{% load project_facts %}{% usd_equivalent figure rates %}")
    rate = ExchangeRate(
        currency="CNY", usd_per_unit=Decimal("0.1408"), on=datetime.date(2024, 1, 2)
    )
    context = Context({"figure": money("5000000000"), "rates": {"CNY": rate}})
    with translation.override("en"):
        assert (
            template.render(context) == "≈ USD 704 million at 0.1408 USD per CNY on 2 January 2024"
        )
    with translation.override("zh-hans"):
        assert template.render(context) == "≈ 7.04亿美元（按2024年1月2日汇率，1人民币兑0.1408美元）"


def day(*parts):
    return PreciseDate(datetime.date(*parts), "day")


SPANS = [
    ("en", day(2024, 1, 2), day(2024, 1, 18), "16 days"),
    ("zh-hans", day(2024, 1, 2), day(2024, 1, 18), "16天"),
    ("en", day(2024, 1, 2), day(2024, 1, 3), "1 day"),
    ("en", PreciseDate(datetime.date(2025, 3, 1), "month"), day(2025, 6, 9), "about 3 months"),
    ("zh-hans", PreciseDate(datetime.date(2025, 3, 1), "month"), day(2025, 6, 9), "约3个月"),
    ("en", PreciseDate(datetime.date(2025, 1, 1), "year"), day(2027, 6, 9), "about 2 years"),
    ("zh-hans", PreciseDate(datetime.date(2025, 1, 1), "year"), day(2027, 6, 9), "约2年"),
]


@pytest.mark.parametrize(("language", "first", "second", "text"), SPANS)
def test_the_time_between_two_dates_reads_in_its_language(language, first, second, text):
    with translation.override(language):
        assert span(first, second) == text


def test_a_delay_against_the_plan_reads_in_both_languages():
    plan, late = PreciseDate(datetime.date(2025, 3, 1), "month"), day(2025, 6, 9)
    with translation.override("en"):
        assert (shift(plan, late), shift(plan, day(2025, 3, 9))) == (
            "about 3 months later than planned",
            "as planned",
        )
    with translation.override("zh-hans"):
        assert (shift(plan, late), shift(late, plan)) == ("比计划晚约3个月", "比计划早约3个月")
        assert shift(plan, day(2025, 3, 9)) == "按计划"
