"""Who invests: a ticker in brackets, a country or home town before the name, a Chinese
project named after its owner, and a parent company's name."""

import pytest

from projects.extraction import suggest


def organization(text):
    found = suggest(text).organization
    return found and found.value["name"]


def test_a_ticker_in_brackets_after_the_name_is_no_dateline():
    text = "Brightwater Minerals Ltd (TSX: BWM) has approved a C$900 million copper smelter."
    assert organization(text) == "Brightwater Minerals Ltd"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "New Zealand’s Kauri Dairy Co. will invest NZ$300 million in a milk plant.",
            "Kauri Dairy Co.",
        ),
        (
            "Oslo-based Fjord Hydrogen AS will invest €400 million in an electrolyser plant.",
            "Fjord Hydrogen AS",
        ),
    ],
)
def test_a_country_or_home_town_before_the_name_is_not_the_name(text, name):
    assert organization(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("5月9日,博远新材料高端碳纤维项目在经开区开工。该项目总投资30亿元。", "博远新材料"),
        ("4月2日,位于某某生物城的康泰药业注射剂生产基地项目封顶。该项目总投资8亿元。", "康泰药业"),
    ],
)
def test_a_chinese_project_named_after_its_owner_gives_the_owner(text, name):
    assert organization(text) == name


def test_a_parent_company_is_named_without_the_word_parent():
    text = "该基地总投资20亿元。项目由星辉新能源母公司星辉控股有限公司投资。"
    assert organization(text) in ("星辉新能源", "星辉控股有限公司")
