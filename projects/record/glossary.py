"""What the codes in a project's record mean: kinds of figure, qualifiers, date precisions
and units, as the data dictionary lists them."""

from projects.dates import Precision
from projects.models import JobType, Kind, Period, Qualifier

KINDS = {
    Kind.INVESTMENT: "Money: the total investment in the project.",
    Kind.ANNUAL_INVESTMENT: "Money: the investment planned for one year.",
    Kind.REVENUE: "Money: the expected annual revenue once the project operates.",
    Kind.OUTPUT_VALUE: "Money: the expected annual output value (产值), the gross value of "
    "production used in Chinese statistics; it is not revenue.",
    Kind.OPERATING_INCOME: "Money: the expected annual operating income (营业收入 in some "
    "statements), as the source states it; neither revenue nor output value.",
    Kind.CAPACITY: "How much the project can produce: value units of product per period.",
    Kind.JOBS: "How many jobs of job_type the project creates.",
}

QUALIFIERS = {
    Qualifier.EXACT: "The source states the number without qualification.",
    Qualifier.ABOUT: "The source says about or approximately (约).",
    Qualifier.OVER: "The source says over, more than or at least (超过, 以上): value is the floor.",
    Qualifier.UP_TO: "The source says up to or at most: value is the ceiling.",
    Qualifier.RANGE: "The source gives a range: value is its low end, value_high its high end.",
}

PRECISIONS = {
    Precision.DAY: "The day is known: 2024-01-02, “2 January 2024”.",
    Precision.MONTH: "Only the month is known: 2025-03, “March 2025”.",
    Precision.QUARTER: "Only the quarter is known: the date gives the year, 2025, and the "
    "text the quarter, “Q3 2025”.",
    Precision.HALF_YEAR: "Only the half-year is known: the date gives the year, 2021, and the "
    "text the half, “H2 2021” (the second half).",
    Precision.YEAR: "Only the year is known: 2027.",
}

UNITS = [
    (
        "Money",
        "In whole units of the currency, not thousands or millions: 5000000000 with "
        "currency CNY is 5 billion yuan. Amounts in different currencies are never converted.",
    ),
    (
        "Capacity",
        "value units of product per period; with no unit, value counts the product "
        "itself (30000000 compressors per year). Periods: "
        + ", ".join(f"{key} ({label})" for key, label in Period.choices)
        + ".",
    ),
    (
        "Jobs",
        "A count of jobs. Types: "
        + ", ".join(f"{key} ({label})" for key, label in JobType.choices)
        + ".",
    ),
]
