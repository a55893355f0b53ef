"""Suggested investment and annual revenue: every scale, currency and qualifier, and the
money figures that belong to something else. All sentences are written for these tests."""

import pytest

from projects.extraction import suggest

B, M = 10**9, 10**6


def investment(text, **kwargs):
    found = suggest(text, **kwargs).investment
    return found and found.value


INVESTMENTS = [
    ("Orion Cables will invest Rs 1,200 crore in a new wire plant.", 12 * B, None, "INR", "exact"),
    ("Orion Cables will invest ₹450 lakh in a new warehouse.", 45 * M, None, "INR", "exact"),
    (
        "Orion Cables will invest Rs 20,000–24,000 crore in the complex.",
        200 * B,
        240 * B,
        "INR",
        "range",
    ),
    ("Hanil Steel will invest ₩800 billion in a new rolling mill.", 800 * B, None, "KRW", "exact"),
    (
        "Sertão Motores is investing R$ 2.3 billion in the assembly plant.",
        2_300 * M,
        None,
        "BRL",
        "exact",
    ),
    ("Wisła Foods will invest zł 300 million in the bakery.", 300 * M, None, "PLN", "exact"),
    (
        "Rheinwerk will invest approximately €750 million in the foundry.",
        750 * M,
        None,
        "EUR",
        "about",
    ),
    (
        "Lone Peak Solar will invest more than US$1.1bn in the module factory.",
        1_100 * M,
        None,
        "USD",
        "over",
    ),
    ("Lone Peak Solar plans to invest up to $600m in the plant.", 600 * M, None, "USD", "up_to"),
    (
        "Lone Peak Solar plans to invest at least $90 million in the plant.",
        90 * M,
        None,
        "USD",
        "at_least",
    ),
    (
        "Lone Peak Solar will spend between $1 billion and $1.2 billion on the plant.",
        B,
        1_200 * M,
        "USD",
        "range",
    ),
    (
        "The estimated investment is $3.1 billion to $3.4 billion.",
        3_100 * M,
        3_400 * M,
        "USD",
        "range",
    ),
    ("华辰材料拟投资约８５亿元建设新工厂。", 8_500 * M, None, "CNY", "about"),
    ("该项目总投资超过12亿元人民币。", 1_200 * M, None, "CNY", "over"),
    ("项目计划投资不低于60亿元。", 6 * B, None, "CNY", "at_least"),
    ("項目總投資約12億元,建設新廠房。", 1_200 * M, None, "CNY", "about"),
    ("項目總投資30萬億元。", 30 * 10**12, None, "CNY", "exact"),
    ("该基地总投资20亿至25亿元。", 2 * B, 2_500 * M, "CNY", "range"),
    ("鼎新科技总投资RMB 40亿元。", 4 * B, None, "CNY", "exact"),
    ("台冠光電將投資新台幣500億元擴建新廠。", 50 * B, None, "TWD", "exact"),
    ("Foxwell will invest NT$12 billion in a plant in Tainan.", 12 * B, None, "TWD", "exact"),
    ("項目投資額約為港幣120億元,興建物流中心。", 12 * B, None, "HKD", "about"),
    ("The plant will cost an estimated $2.4 billion.", 2_400 * M, None, "USD", "about"),
    ("Orion Foods will invest Rs 45 mn in a cold store.", 45 * M, None, "INR", "exact"),
    ("Wisła Foods will invest 500 mln zł in the bakery.", 500 * M, None, "PLN", "exact"),
    ("项目总投资8000万元,建设冷库。", 80 * M, None, "CNY", "exact"),
    ("该公司拟投资最高10亿元建设研发中心。", B, None, "CNY", "up_to"),
    ("PT Sinar Nikel will invest Rp 4 trillion in a smelter.", 4 * 10**12, None, "IDR", "exact"),
    ("The group will invest CNY 6 billion in the base.", 6 * B, None, "CNY", "exact"),
    ("The group will invest 6 billion yuan in the base.", 6 * B, None, "CNY", "exact"),
    (
        "Orion Steel will set up the mill with an investment of Rs 9,000-crore.",
        90 * B,
        None,
        "INR",
        "exact",
    ),
    (
        "Mesa Power announced a $2.2-billion, 900 MW solar farm near Yuma.",
        2_200 * M,
        None,
        "USD",
        "exact",
    ),
]


@pytest.mark.parametrize(("text", "amount", "high", "currency", "qualifier"), INVESTMENTS)
def test_an_investment_is_read_with_its_scale_currency_and_qualifier(
    text, amount, high, currency, qualifier
):
    value = investment(text)
    assert (value["amount"], value.get("amount_max"), value["currency"], value["qualifier"]) == (
        amount, high, currency, qualifier,
    )  # fmt: skip


def test_the_suggestion_quotes_the_input_verbatim_at_its_offsets():
    text = "Intro line.\nOrion Cables will invest Rs 1,200 crore in a new wire plant in Pune."
    found = suggest(text).investment
    assert text[found.start : found.end] == found.text
    assert "Rs 1,200 crore" in found.text


def test_full_width_digits_are_read_and_quoted_as_written():
    text = "华辰材料拟投资约８５亿元建设新工厂。"
    found = suggest(text).investment
    assert found.value["amount"] == 8_500 * M
    assert "８５" in found.text


def test_a_bracketed_conversion_is_an_equivalent_not_the_figure():
    value = investment(
        "Wisła Foods will invest PLN 900 million (about EUR 200 million) in a bakery."
    )
    assert (value["amount"], value["currency"]) == (900 * M, "PLN")
    assert value["equivalents"] == [{"amount": 200 * M, "currency": "EUR"}]


def test_a_chinese_figure_without_currency_is_yuan_and_says_so():
    found = suggest("去年,星河电池在某市投资80亿,建设电池工厂。").investment
    assert (found.value["amount"], found.value["currency"]) == (8 * B, "CNY")
    assert found.unsure and "currency" in found.reason


@pytest.mark.parametrize(
    "text",
    [
        "The state offered grants of $40 million to Lone Peak Solar.",
        "The plant will generate $90 million in payroll every year.",
        "The factory is expected to grow the regional economy by $2 billion.",
        "Lone Peak Solar received $15 million in tax incentives.",
        "政府给予企业补贴2亿元。",
        "项目年纳税3亿元。",
        "本次集中签约项目28个,总投资达320亿元。",
        "全区今年将实施重点项目150个,完成年度投资260亿元。",
        "The 12 projects signed today are worth a total investment of $5 billion.",
        "Lone Peak Solar will invest $3 billion worldwide over five years.",
    ],
)
def test_grants_payroll_tax_economy_and_batch_totals_are_not_the_investment(text):
    assert suggest(text).investment is None


def test_the_projects_own_figure_wins_over_a_total_of_several_announcements():
    text = (
        "The governor announced 900 new jobs and $510 million in investment. "
        "Kestrel Foods will add 300 jobs and invest $120 million in its Marion plant. "
        "Pine Logistics, which will create 60 jobs with a $4 million investment, also expands."
    )
    result = suggest(text)
    assert result.investment.value["amount"] == 120 * M
    assert result.jobs.value["count"] == 300
    assert result.organization.value["name"] == "Kestrel Foods"


def test_another_plants_investment_is_not_the_projects():
    text = (
        "Kestrel Foods will invest $80 million in its Marion plant. "
        "Separately, the company will invest $30 million in another plant in Ohio."
    )
    assert investment(text)["amount"] == 80 * M


def test_a_phase_figure_gives_way_to_the_projects_total():
    text = "项目总投资约50亿元。其中,一期投资20亿元。"
    assert investment(text)["amount"] == 5 * B
    only_phase = suggest("其中,一期投资20亿元。").investment
    assert only_phase.unsure and "一期" in only_phase.reason


@pytest.mark.parametrize(
    ("text", "amount", "high", "kind"),
    [
        ("项目达产后,预计年产值可达150亿元。", 15 * B, None, "output_value"),
        ("屆時可實現年產值30億元、利潤3億元。", 3 * B, None, "output_value"),
        ("达产后可实现销售收入40亿至50亿元。", 4 * B, 5 * B, "revenue"),
        ("预计年营业收入约20亿元。", 2 * B, None, "operating_income"),
        (
            "The plant is expected to generate annual revenue of $400 million.",
            400 * M,
            None,
            "revenue",
        ),
        (
            "Once at full capacity the plant will reach sales of €1.2 billion a year.",
            1_200 * M,
            None,
            "revenue",
        ),
        (
            "The city expects the base to generate annual output value of more than 30 billion yuan.",
            30 * B,
            None,
            "output_value",
        ),
    ],
)
def test_annual_revenue_is_read_with_its_kind(text, amount, high, kind):
    value = suggest(text).annual_revenue.value
    assert (value["amount"], value.get("amount_max"), value["kind"]) == (amount, high, kind)


@pytest.mark.parametrize(
    "text",
    [
        "项目建成后年利税5亿元。",
        "项目可带动上下游产业链300亿元产值。",
        "The plant will pay $30 million in taxes each year.",
        "Last year the company reported revenue of $9 billion.",
        "该集团去年实现营业收入310亿元。",
        "The site will support EBITDA of $50 million.",
    ],
)
def test_profit_tax_induced_output_and_the_companys_accounts_are_not_annual_revenue(text):
    assert suggest(text).annual_revenue is None


def test_the_full_output_wins_over_the_first_years():
    text = "今年年产值将达5亿元,全面达产后,年产值将达60亿元。"
    assert suggest(text).annual_revenue.value["amount"] == 6 * B


def test_yen_is_read_as_yen_in_a_text_about_japan():
    value = investment("Japan's Kisaragi Chemical will invest ¥90 billion in a plant in Sakai.")
    assert (value["amount"], value["currency"]) == (90 * B, "JPY")


def test_a_bare_dollar_in_a_text_about_another_dollar_country_is_flagged():
    found = suggest(
        "Maple Foods will invest $200 million in a plant in Ontario, Canada."
    ).investment
    assert found.value["currency"] == "USD"
    assert found.unsure and "another dollar" in found.reason


def test_two_figures_said_alike_propose_the_first_and_say_so():
    found = suggest(
        "Kestrel will invest $50 million in Ohio. Kestrel will invest $70 million in Iowa."
    ).investment
    assert found.value["amount"] == 50 * M
    assert found.unsure and "70,000,000" in found.reason
