"""Capacity rows in lists, with a product after the unit, and the figures beside them that
are not a row: money, a total of the rows, another plant's output, a country's goal."""

import pytest

from projects.extraction import suggest


def rows(text):
    return [
        (s.value["quantity"], s.value["unit"], s.value["period"]) for s in suggest(text).capacity
    ]


def test_a_period_stated_once_for_a_list_reaches_every_item():
    text = "The works will have an annual capacity of 2 million bicycles and 300,000 cargo bikes."
    assert [r[2] for r in rows(text)] == ["year", "year"]


def test_a_period_after_the_last_item_reaches_the_first():
    text = "The smelter will produce 80,000 tonnes of refined zinc and 9,000 tonnes of lead a year."
    assert rows(text) == [
        (80_000, "tonnes of refined zinc", "year"),
        (9_000, "tonnes of lead", "year"),
    ]


def test_per_annum_before_the_product_is_a_period_and_keeps_the_product():
    text = "The refinery will have a capacity of 20,000 tonnes per annum of high-purity alumina."
    assert rows(text) == [(20_000, "tonnes of high-purity alumina", "year")]


def test_the_second_item_of_a_chinese_list_keeps_the_cue_and_the_period():
    text = "建成后可年产智能门锁200万套、门禁终端50万台。"
    assert rows(text) == [(2_000_000, "套智能门锁", "year"), (500_000, "台门禁终端", "year")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建年产3亿平方米光学膜产能。", [(300_000_000, "平方米光学膜", "year")]),
        ("规划建设标准机架8000个。", [(8000, "个标准机架", None)]),
        ("配套建设算力规模达3000P的智算中心。", [(3000, "P", None)]),
        ("码头设计年通过能力500万吨。", [(5_000_000, "吨", "year")]),
        ("The data hall will have an IT capacity of 48 megawatts.", [(48, "MW", None)]),
    ],
)
def test_area_racks_computing_power_and_throughput_are_capacities(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "项目占地面积12万平方米。",  # an area, with no period, is not a capacity
        "The bakery is expected to produce annual turnover of 90 million euros.",
        "Its other site, opened in 2011, makes 2 million tyres a year.",
        "That plant employs 400 people and makes 50,000 boilers a year.",
        "The group already operates a mill that produces 30,000 tonnes of pulp a year.",
        "The quarry produced 200,000 tonnes of limestone in 2023.",
        "码头一期工程已形成年吞吐能力600万吨。",
        "到2030年,全市算力规模力争达到2万P。",
        "The country aims to reach 4 gigawatts of wind capacity by 2030.",
    ],
)
def test_money_another_plant_a_past_output_and_a_regional_goal_are_not_rows(text):
    assert rows(text) == []


def test_a_total_of_the_rows_is_not_a_row_of_its_own():
    text = "项目一期年产4万吨负极材料,二期年产6万吨负极材料。建成后负极材料总产能达10万吨。"
    assert [r[0] for r in rows(text)] == [40_000, 60_000]


def test_a_total_alone_is_kept_but_marked_unsure():
    capacity = suggest("建成后负极材料总产能达10万吨。").capacity
    assert [(c.value["quantity"], c.unsure) for c in capacity] == [(100_000, True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("建设年产8万吨硅碳负极材料生产线。", [(80_000, "吨硅碳负极材料", "year")]),
        (
            "建成后可年产面膜3000万片、精华液500万支。",
            [(30_000_000, "片面膜", "year"), (5_000_000, "支精华液", "year")],
        ),
        ("项目完成后年产量可达到20万台。", [(200_000, "台", "year")]),
        ("建成后年产电池封装能力6亿只。", [(600_000_000, "只电池封装", "year")]),
    ],
)
def test_a_chinese_unit_keeps_the_product_it_counts(text, expected):
    assert rows(text) == expected
