"""Figures about something other than the project: a plant that already runs, a company's
combined or wider plan, construction crews, and the words that still name the project's own."""

import pytest

from projects.extraction import suggest


def rows(text):
    return [(s.value["quantity"], s.value["unit"]) for s in suggest(text).capacity]


@pytest.mark.parametrize(
    "text",
    [
        "Orvik's existing Tampere works, made up of three lines, can turn out some 900,000 tonnes annually.",
        "Vantor currently has installed capacity of 4.2 million tonnes of board a year across its sites.",
        "Kelso's first Nordic plant, in Oulu, has a capacity of 9 GWh; it began cell production in 2021.",
        "The plant will be the region's third after the Halden works, which is being expanded to 8GWh.",
        "公司现有年产能12万吨，分布在两大基地。",
        "集团母公司现有丙烯产能８０万吨／年。",
        "公司现有三大基地,合计产能超过40GWh。",
        "2023年该公司组件出货量达18GW。",
    ],
)
def test_an_existing_other_or_combined_capacity_is_not_the_projects(text):
    assert rows(text) == []


def test_a_process_size_is_not_a_capacity():
    text = "The fab will make logic chips at the 65 nm and 130 nm nodes."
    assert rows(text) == []


def test_the_new_plant_keeps_its_capacity_beside_an_existing_one():
    text = (
        "Orvik will build a new line with an annual capacity of 300,000 tonnes. "
        "Its existing mills can turn out 2 million tonnes annually."
    )
    assert rows(text) == [(300_000, "tonnes")]


def jobs(text):
    found = suggest(text).jobs
    return found and found.value["count"]


def test_several_words_between_the_figure_and_jobs_still_give_the_figure():
    text = "The campus will create over 6,500 direct and indirect highly skilled jobs."
    assert jobs(text) == 6_500


def test_workers_at_the_peak_of_construction_are_not_new_jobs():
    text = (
        "The refinery will employ up to 7,000 workers at the peak of construction and "
        "will create about 1,200 permanent jobs once running."
    )
    assert jobs(text) == 1_200


def test_the_companys_own_jobs_after_including_win_over_the_ecosystem_total():
    text = (
        "Brightwater Chips will invest $9 billion in the plant. The fab is expected to "
        "create nearly 20,000 jobs in the state, including 3,100 Brightwater jobs and "
        "16,900 jobs at suppliers."
    )
    assert jobs(text) == 3_100


def test_a_wider_plans_figure_does_not_replace_the_projects_own():
    text = (
        "Norrland Metals will build a smelter in Luleå with an investment of up to "
        "$12 billion. The project is part of Norrland's plan to invest approximately "
        "$30 billion across its operations by 2035."
    )
    found = suggest(text).investment.value
    assert (found["amount"], found["qualifier"]) == (12 * 10**9, "up_to")


def test_estimated_before_the_noun_makes_the_investment_about():
    text = "Verde Papel will build a mill with an estimated total investment of R$9.2 billion."
    found = suggest(text).investment.value
    assert (found["amount"], found["currency"], found["qualifier"]) == (
        9_200_000_000,
        "BRL",
        "about",
    )


def test_a_group_wide_combined_revenue_is_not_the_projects_revenue():
    text = (
        "Kiran Motors will invest Rs 8,000 crore in a plant in Pune. The Kiran group, whose "
        "combined revenue exceeded Rs 3 lakh crore last year, employs 90,000 people."
    )
    assert suggest(text).annual_revenue is None


def test_a_bare_dollar_beside_a_us_dollar_conversion_is_the_local_dollar():
    text = (
        "Boreal Cells will build a $3-billion battery plant in Alberta, the province said. "
        "At current rates the investment is equal to about US$2.2-billion."
    )
    found = suggest(text).investment
    assert (found.value["amount"], found.value["currency"]) == (3 * 10**9, "CAD")
    assert found.unsure and "US$" in found.reason


def test_a_bare_dollar_without_a_us_dollar_conversion_stays_usd():
    text = "Boreal Cells will invest $3 billion in a battery plant in Ohio."
    assert suggest(text).investment.value["currency"] == "USD"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plant, currently under construction, will have an annual capacity of 30 GWh.",
            [(30, "GWh")],
        ),
        (
            "The new line will be built inside the existing Kuantan complex and will "
            "produce 150,000 scooters a year.",
            [(150_000, "scooters")],
        ),
        (
            "The first line started production in 2023, and the second line will add 5 GWh.",
            [(5, "GWh")],
        ),
    ],
)
def test_a_new_capacity_said_beside_existing_words_is_kept(text, expected):
    assert rows(text) == expected


def test_as_part_of_a_deal_the_investment_is_still_the_projects():
    text = "As part of the deal, Rivet Motors will invest $500 million in the plant."
    assert suggest(text).investment.value["amount"] == 500_000_000


def test_an_including_share_without_a_name_or_direct_does_not_replace_the_total():
    text = "Lumen said the plant would employ 1,200 people, including 300 engineers."
    assert jobs(text) == 1_200


def test_a_combined_capacity_the_project_will_have_is_kept():
    assert rows("The two new lines will have a combined capacity of 20 GWh.") == [(20, "GWh")]
