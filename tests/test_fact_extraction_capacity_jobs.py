"""Suggested capacity rows and new jobs, with the figures that are neither."""

import pytest

from projects.extraction import suggest


def rows(text):
    return [
        (s.value["quantity"], s.value["unit"], s.value["period"]) for s in suggest(text).capacity
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mill will have an annual capacity of 2.5 million tonnes.",
            [(2_500_000, "tonnes", "year")],
        ),
        ("The line can produce 120,000 heat pumps a year.", [(120_000, "heat pumps", "year")]),
        ("The plant will make 40,000 vehicles per year.", [(40_000, "vehicles", "year")]),
        ("The cell factory has a capacity of 16 GWh.", [(16, "GWh", None)]),
        ("The fab will produce 30,000 wafers per month.", [(30_000, "wafers", "month")]),
        ("项目建成后年产锂电池正极材料8万吨。", [(80_000, "吨锂电池正极材料", "year")]),
        ("一期建设12万吨电解液装置。", [(120_000, "吨电解液", None)]),
        ("建成后年產電動車15萬輛。", [(150_000, "輛電動車", "year")]),
        ("项目建设20GWh储能电池产线。", [(20, "GWh", None)]),
        ("工厂日产汽车零部件3000套。", [(3000, "套汽车零部件", "day")]),
        (
            "Orion Steel will set up a 6 MTPA integrated steel plant.",
            [(6_000_000, "tonnes", "year")],
        ),
        ("Mesa Power plans a 900 MW solar farm near Yuma.", [(900, "MW", None)]),
    ],
)
def test_a_capacity_is_read_with_its_unit_and_only_a_stated_period(text, expected):
    assert rows(text) == expected


def test_a_line_inside_the_plant_keeps_its_scope():
    text = "The mill includes a coating line with an annual capacity of 300,000 tons."
    (row,) = suggest(text).capacity
    assert row.value["scope"] == "coating line"


def test_a_phase_capacity_keeps_its_phase():
    (row,) = suggest("其中,二期建设5万吨磷酸铁生产线。").capacity
    assert row.value["phase"] == "二期"


@pytest.mark.parametrize(
    "text",
    [
        "The site covers 60,000 square feet.",
        "项目占地面积800亩。",
        "配套建设110KV变电站。",
        "The company sold 2 million tonnes last year.",
        "全县今年实施重大项目30个,其中包括某公司5000吨电池材料项目。",
        "计划建设10万吨级电池材料基地。",
        "The group has a total capacity of 30 MTPA across its plants.",
    ],
)
def test_areas_voltages_sales_classes_and_batch_lists_are_not_capacity(text):
    assert rows(text) == []


def test_a_phase_already_built_is_not_the_new_capacity():
    text = "The first phase, with a capacity of 10 GWh, began production in 2022. The second phase will add 20 GWh."
    assert rows(text) == [(20, "GWh", None)]


def test_the_same_plant_named_twice_gives_one_row():
    text = "签约项目包括年产6万吨正极材料基地。该公司计划建设6万吨正极材料生产线。"
    assert rows(text) == [(60_000, "吨正极材料", "year")]


def jobs(text):
    found = suggest(text).jobs
    return found and (found.value["count"], found.value["qualifier"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The factory will create 850 new jobs.", (850, "exact")),
        (
            "The plant is expected to create approximately 1,200 well-paid positions.",
            (1200, "about"),
        ),
        ("The company will add more than 400 full-time jobs.", (400, "over")),
        ("The site will hire up to 250 staff.", (250, "up_to")),
        ("The new plant is set to employ 650 people by 2028.", (650, "exact")),
        ("项目投产后可新增就业岗位3000多个。", (3000, "over")),
        ("项目建成后预计提供约1200个就业岗位。", (1200, "about")),
        ("項目可解決就業800人。", (800, "exact")),
        ("物流中心落成後將提供約2000個職位。", (2000, "about")),
        ("The plant will provide direct employment to 2,500 people.", (2500, "exact")),
        (
            "Some 900 workers are needed during construction, while 60 permanent jobs will be created.",
            (60, "exact"),
        ),
    ],
)
def test_new_jobs_are_read_with_their_qualifier(text, expected):
    assert jobs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "All of the 320 employees will relocate to the new site.",
        "The company already employs 9,000 people in the country.",
        "More than 700 people work at its existing plant.",
        "About 1,500 construction workers will build the plant.",
        "工地现场有施工人员2000人。",
        "现有员工600人将转移到新厂区。",
    ],
)
def test_relocated_staff_crews_and_existing_headcount_are_not_new_jobs(text):
    assert jobs(text) is None


def test_a_jobs_statement_without_a_figure_has_no_count_and_says_why():
    found = suggest("Kestrel Foods said the upgrade is unlikely to create new jobs.").jobs
    assert found.value["count"] is None
    assert found.unsure and "no new jobs" in found.reason
    assert (
        suggest("Kestrel Foods said the upgrade is unlikely to create new jobs.").as_json()["jobs"]
        is None
    )


def test_direct_jobs_say_so():
    found = suggest("The plant will create 500 direct jobs and 1,000 indirect jobs.").jobs
    assert (found.value["count"], found.value["scope"]) == (500, "direct")


@pytest.mark.parametrize(
    "text",
    [
        "The project will create 1,000 jobs during construction and 200 permanent jobs.",
        "The company currently employs 500 people and will add 200 jobs.",
    ],
)
def test_each_figure_of_a_clause_is_judged_by_its_own_words(text):
    assert jobs(text) == (200, "exact")
