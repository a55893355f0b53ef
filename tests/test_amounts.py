"""Amounts read as press releases write them, in English and Chinese, or refused in words."""

from decimal import Decimal

import pytest

from projects.amounts import COUNT, MONEY, QUANTITY, AmountError, read

B = 10**9
M = 10**6

MONEY_PHRASES = [
    ("about 5 billion yuan", 5 * B, None, "CNY", "about"),
    ("RMB 5bn", 5 * B, None, "CNY", "exact"),
    ("50亿元", 5 * B, None, "CNY", "exact"),
    ("约50亿元", 5 * B, None, "CNY", "about"),
    ("€3.5 billion", 3_500 * M, None, "EUR", "exact"),
    ("US$1.2bn", 1_200 * M, None, "USD", "exact"),
    ("Rs 20,000 crore", 200 * B, None, "INR", "exact"),
    ("up to $500 million", 500 * M, None, "USD", "up_to"),
    ("５０亿元", 5 * B, None, "CNY", "exact"),
    ("超过60亿元", 6 * B, None, "CNY", "over"),
    ("60亿元以上", 6 * B, None, "CNY", "over"),
    ("60余亿元", 6 * B, None, "CNY", "over"),
    ("over 6 billion yuan", 6 * B, None, "CNY", "over"),
    ("more than CNY 6 billion", 6 * B, None, "CNY", "over"),
    ("20-24亿元", 2 * B, 2_400 * M, "CNY", "range"),
    ("CNY 2 to 2.4 billion", 2 * B, 2_400 * M, "CNY", "range"),
    ("1.5万亿元", 1_500 * B, None, "CNY", "exact"),
    ("人民币50亿元", 5 * B, None, "CNY", "exact"),
    ("50 亿元人民币", 5 * B, None, "CNY", "exact"),
    ("approximately 700 million US dollars", 700 * M, None, "USD", "about"),
    ("HK$3bn", 3 * B, None, "HKD", "exact"),
    ("£250m", 250 * M, None, "GBP", "exact"),
    ("Rs 1,50,000", 150_000, None, "INR", "exact"),
    ("at least 2 billion euros", 2 * B, None, "EUR", "at_least"),
    ("不低于5亿元", 5 * 10**8, None, "CNY", "at_least"),
    ("Rs 1.5 lakh crore", 15 * 10**11, None, "INR", "exact"),
    ("no more than ¥800 million", 800 * M, None, "CNY", "up_to"),
    ("USD 45.5 million", Decimal("45500000"), None, "USD", "exact"),
    ("约８亿元", 800 * M, None, "CNY", "about"),
    ("总投资约50亿元", None, None, None, None),  # refused below: "总投资" is not an amount
]


@pytest.mark.parametrize(("text", "value", "high", "currency", "qualifier"), MONEY_PHRASES[:-1])
def test_money_is_read_as_it_is_written(text, value, high, currency, qualifier):
    reading = read(text, MONEY)
    assert (reading.value, reading.high, reading.currency, reading.qualifier) == (
        value,
        high,
        currency,
        qualifier,
    )
    assert reading.text == text


def test_a_scale_after_a_range_applies_to_both_ends():
    reading = read("20,000–24,000 crore", MONEY, currency="INR")
    assert (reading.value, reading.high, reading.qualifier) == (200 * B, 240 * B, "range")


def test_a_phrase_without_a_currency_takes_the_one_given_or_is_refused():
    assert read("5000000000", MONEY, currency="CNY").value == 5 * B
    with pytest.raises(AmountError, match="names no currency"):
        read("5 billion", MONEY)


def test_a_conversion_in_brackets_is_an_equivalent_not_the_figure():
    reading = read("5 billion yuan (about US$700 million)", MONEY)
    assert (reading.value, reading.currency) == (5 * B, "CNY")
    assert (reading.equivalent.value, reading.equivalent.currency) == (700 * M, "USD")
    assert reading.equivalent.qualifier == "about"


@pytest.mark.parametrize(
    ("text", "value", "unit", "period", "counted"),
    [
        ("30 million units a year", 30 * M, "", "year", ""),
        ("年产3000万台", 30 * M, "", "year", ""),
        ("12 GWh", 12, "GWh", "", ""),
        ("年产12GWh", 12, "GWh", "year", ""),
        ("30 million compressors a year", 30 * M, "", "year", "compressors"),
        ("年产50万吨", 500_000, "tonnes", "year", ""),
        ("5 m tonnes per year", 5 * M, "tonnes", "year", ""),
        ("200 MW", 200, "MW", "", ""),
        ("1.5 lakh units annually", 150_000, "", "year", ""),
    ],
)
def test_capacities_keep_their_unit_and_period(text, value, unit, period, counted):
    reading = read(text, QUANTITY)
    assert (reading.value, reading.unit, reading.period, reading.counted) == (
        value,
        unit,
        period,
        counted,
    )


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("3,000 jobs", 3000, "exact"),
        ("3000个就业岗位", 3000, "exact"),
        ("3000多人", 3000, "over"),
        ("about 3,000 new jobs", 3000, "about"),
        ("1.5 lakh", 150_000, "exact"),
        ("up to 2,500 workers", 2500, "up_to"),
        ("约3000个岗位", 3000, "about"),
    ],
)
def test_jobs_are_counts(text, value, qualifier):
    reading = read(text, COUNT)
    assert (reading.value, reading.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "kind", "why"),
    [
        ("", MONEY, "empty"),
        ("lots of money", MONEY, "no number"),
        ("5 billion yuan and 3 million dollars", MONEY, "“and” is not part"),
        ("总投资约50亿元", MONEY, "no number"),
        ("5 billion yuan or US$700 million", MONEY, "not part"),
        ("CNY 5 billion USD", MONEY, "two currencies"),
        ("24-20亿元", MONEY, "high end must be above"),
        ("about up to 5 billion yuan", MONEY, "two different things"),
        ("5 billion yuan", QUANTITY, "currency belongs to a money figure"),
        ("3,000 happy jobs", COUNT, "“happy” is not part"),
        ("1.2.3 billion yuan", MONEY, "not part"),
        ("12 GWh", COUNT, "not part"),
    ],
)
def test_what_cannot_be_read_is_refused_quoting_the_phrase(text, kind, why):
    with pytest.raises(AmountError, match=why) as refused:
        read(text, kind)
    assert f"“{text}”" in str(refused.value)


def test_the_reading_is_shown_in_words_before_saving():
    assert str(read("约50亿元")) == "CNY 5,000,000,000 · about"
    assert str(read("20-24亿元")) == "CNY 2,000,000,000–2,400,000,000 · range"
    assert str(read("年产3000万台", QUANTITY)) == "30,000,000 · per year · exact"
