"""Chinese names for generated people, places and units, built from character lists.

Every function takes the generator's own `random.Random`, so the same seed gives the same
names. The lists are plain strings (one character or word per item) so they read at a glance.
"""

from __future__ import annotations

import random
from itertools import accumulate

# The common surnames, roughly by frequency (王、李、张 first); weights fall off with rank.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余"
    "杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
    "陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟"
)
_SURNAME_WEIGHTS = tuple(accumulate(1.0 / (10 + i) for i in range(len(SURNAMES))))
GIVEN_FEMALE = "秀英桂芳玉兰丽华敏静淑珍红梅霞燕凤娟琴云莲洁雪婷慧颖欣悦晶瑶倩璐佳怡"
GIVEN_MALE = "伟强军磊洋勇杰涛明超刚平辉鹏华建国志海波宇浩然俊峰斌东林鑫亮健文博晨"
GIVEN_ANY = "春秋晓新永立金德庆树宏兴福荣红光振学"

# Place names: two characters from these, then the kind of place.
PLACE_FIRST = "安长永兴和平新东西南北中金银双滦凤龙泉清河山松柏桃李梨枣丰裕福德仁义礼信"
PLACE_SECOND = "阳宁泰华源丰乐康庄城园湖桥塘湾坡岭沟屯营台店坊铺寨阁苑"
COMPOUND_SUFFIX = ("小区", "花园", "家园", "苑", "新村", "嘉园", "雅居", "家属院")
# Member units: the kind of unit and what its name looks like.
BUREAUS = (
    "教育局",
    "卫生健康局",
    "民政局",
    "税务局",
    "财政局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "文化旅游局",
    "市场监督管理局",
    "应急管理局",
    "司法局",
)
INDUSTRIES = (
    "建材",
    "物流",
    "科技",
    "餐饮",
    "电力",
    "机械",
    "食品",
    "纺织",
    "钢铁",
    "新能源",
    "医药",
    "商贸",
    "建筑",
    "信息",
    "农业",
)
MARKET_KINDS = ("家政服务部", "便民超市", "大药房", "快递驿站", "洗衣店", "早餐店", "维修部")
SOCIAL_KINDS = ("社会工作服务中心", "志愿者协会", "养老服务中心", "青少年服务社", "调解协会")
SCHOOL_KINDS = ("小学", "中学", "实验学校", "幼儿园", "职业技术学校")
HOSPITAL_KINDS = ("医院", "卫生院", "社区卫生服务中心", "中医院")
STATE_KINDS = ("供电公司", "供水公司", "燃气公司", "邮政分公司", "移动分公司")


def person_name(rng: random.Random, gender: str) -> str:
    surname = rng.choices(SURNAMES, cum_weights=_SURNAME_WEIGHTS)[0]
    pool = GIVEN_FEMALE if gender == "female" else GIVEN_MALE
    if rng.random() < 0.35:
        return surname + rng.choice(pool)
    first = rng.choice(GIVEN_ANY) if rng.random() < 0.3 else rng.choice(pool)
    return surname + first + rng.choice(pool)


def place_stem(rng: random.Random) -> str:
    return rng.choice(PLACE_FIRST) + rng.choice(PLACE_SECOND)


def unit_name(rng: random.Random, kind: str, district: str) -> str:
    stem = place_stem(rng)
    if kind == "agency":
        return district + rng.choice(BUREAUS)
    if kind == "enterprise":
        return f"{stem}{rng.choice(INDUSTRIES)}有限公司"
    if kind == "state_enterprise":
        return district + rng.choice(STATE_KINDS)
    if kind == "school":
        return stem + rng.choice(SCHOOL_KINDS)
    if kind == "hospital":
        return stem + rng.choice(HOSPITAL_KINDS)
    if kind == "social_organisation":
        return stem + rng.choice(SOCIAL_KINDS)
    return stem + rng.choice(MARKET_KINDS)


def phone(rng: random.Random) -> str:
    return "1" + rng.choice("3589") + "".join(rng.choice("0123456789") for _ in range(9))
