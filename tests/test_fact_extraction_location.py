"""Where the project is: "north of" a city, a Chinese project's stated site, and a manner
word between the place and the verb."""

import pytest

from projects.extraction import suggest


def location(text):
    found = suggest(text).location
    return found and found.value["name"]


@pytest.mark.parametrize("direction", ["north of", "southwest of", "east of"])
def test_a_direction_of_a_city_gives_the_city(direction):
    text = f"Vela Foods will invest $80 million in a dairy plant {direction} Tucson."
    assert location(text) == "Tucson"


def test_a_chinese_projects_stated_site_comes_before_a_batch_sentences_province():
    text = (
        "某省2025年重大项目集中开工活动举行,其中星海新能源储能电池制造基地项目总投资约95亿元。"
        "项目位于某某经济开发区临港园,占地800亩。"
    )
    assert location(text) == "某某经济开发区临港园"


def test_a_manner_word_before_the_verb_is_not_part_of_the_place():
    assert location("该项目在江北新区正式开工,总投资20亿元。") == "江北新区"
