"""The AUX Wuhu project's record in Chinese: its translated fields (projects/translation.py).

These are our translations of the English record, which follows the article; the
project's Chinese name is the one the company uses (its local name)."""

from newsroom.models import Category, Tag
from projects.models import Milestone, Person

PROJECT = {
    "name_zh_hans": "奥克斯智能空调压缩机生产建设项目（芜湖分公司）",
    "summary_zh_hans": "奥克斯集团在芜湖建设的工厂，年产3000万台智能空调压缩机。",
    "province_zh_hans": "安徽省",
    "city_zh_hans": "芜湖市",
}
AUX = {"name_zh_hans": "奥克斯集团", "description_zh_hans": "空调和压缩机制造商，总部位于宁波。"}
MILESTONES = {
    Milestone.Kind.LAND: "取得项目用地",
    Milestone.Kind.GROUNDBREAKING: "项目动员会暨开工建设",
    Milestone.Kind.OPERATION: "竣工投产",
}
TITLES = {
    "Ningbo": "芜湖市委书记",
    "Xu Zhi": "市委副书记、芜湖市市长",
    "Li Jian": "奥克斯集团首席执行官",
}

CATEGORY = {"enterprise-news": {"name_zh_hans": "企业新闻"}}
TAGS = {
    "AUX": "奥克斯",
    "Anhui": "安徽",
    "Wuhu": "芜湖",
    "compressors": "压缩机",
    "major projects": "重大项目",
}


def load_chinese_names(upsert, project, aux):
    for slug, names in CATEGORY.items():
        upsert(Category, {"slug": slug}, names)
    for name, chinese in TAGS.items():
        upsert(Tag, {"name": name}, {"name_zh_hans": chinese})
    upsert(type(project), {"pk": project.pk}, PROJECT)
    upsert(type(aux), {"pk": aux.pk}, AUX)
    for kind, title in MILESTONES.items():
        upsert(Milestone, {"project": project, "kind": kind}, {"title_zh_hans": title})
    for name, title in TITLES.items():
        upsert(Person, {"name": name}, {"title_zh_hans": title})
