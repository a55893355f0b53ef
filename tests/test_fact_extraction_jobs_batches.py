"""New jobs said with "absorb" or "support", and one named project inside a batch's sentence."""

from projects.extraction import suggest


def jobs(text):
    found = suggest(text).jobs
    return found and (found.value["count"], found.value["qualifier"])


def test_absorbing_permanent_workers_is_new_jobs_and_the_construction_peak_is_not():
    text = "The mill will absorb about 1,200 permanent workers, while construction will need up to 5,000 workers at its peak."
    assert jobs(text) == (1200, "about")


def test_supporting_ongoing_roles_is_new_jobs_beside_construction_jobs():
    text = "The terminal is expected to support up to 800 construction jobs and 150 ongoing roles once operational."
    assert jobs(text) == (150, "exact")


def investment(text):
    found = suggest(text).investment
    return found and found.value["amount"]


def test_one_named_project_among_a_batch_keeps_its_own_investment():
    text = (
        "全市共有36个项目集中开工,总投资820亿元,其中星海新能源储能电池制造基地项目总投资约95亿元。"
    )
    assert investment(text) == 9_500_000_000


def test_a_category_among_a_batch_is_still_the_batchs():
    text = "全市共有36个项目集中开工,总投资820亿元,其中工业项目投资500亿元。"
    assert investment(text) is None
