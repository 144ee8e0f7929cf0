"""The governance graph's model: every node label and relationship type, declared once.

This is the single source for the import format (JSON Schema per record type), the
validator, docs/MODEL.md and the migrations' list of labels. Every node carries the
label `Entity` and a stable external `id` (the source system's key) unique across the
graph, so any record can name any other by id alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PropType = Literal[
    "string", "integer", "number", "boolean", "date", "datetime", "string[]", "integer[]"
]


@dataclass(frozen=True)
class Prop:
    type: PropType = "string"
    required: bool = False
    sensitive: bool = (
        False  # personal data: masked outside roles that may see it (docs/SECURITY.md)
    )
    enum: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    doc: str = ""


@dataclass(frozen=True)
class NodeType:
    label: str
    chinese: str
    doc: str
    props: dict[str, Prop]
    super_label: str | None = None  # Place, Organisation, ... (a GraphQL interface)
    searchable: bool = True  # its name goes into the CJK full-text index

    @property
    def labels(self) -> tuple[str, ...]:
        extra = (self.super_label,) if self.super_label else ()
        return ("Entity", *extra, self.label)


@dataclass(frozen=True)
class RelType:
    type: str
    chinese: str
    doc: str
    sources: tuple[str, ...]  # labels (or super labels) allowed at the start
    targets: tuple[str, ...]
    props: dict[str, Prop] = field(default_factory=dict)
    # Properties that tell apart several relationships of this type between the same two
    # nodes (one person holding two roles at one grid); empty: at most one per pair.
    key: tuple[str, ...] = ()


NAME = Prop("string", required=True, doc="name 名称")
DATE = Prop("date")

PLACE_PROPS: dict[str, Prop] = {
    "name": NAME,
    "code": Prop(doc="administrative code 行政区划代码"),
    "lat": Prop("number", minimum=-90, maximum=90, doc="latitude 纬度"),
    "lon": Prop("number", minimum=-180, maximum=180, doc="longitude 经度"),
    "population": Prop("integer", minimum=0, doc="population 人口"),
    "invented": Prop("boolean", doc="true where the seed articles give no such detail (虚构)"),
}
ORG_PROPS: dict[str, Prop] = {
    "name": NAME,
    "phone": Prop(sensitive=True, doc="contact phone 联系电话"),
    "invented": Prop("boolean", doc="invented for the demo (虚构)"),
}
LIST_STATUS = ("open", "partly_met", "met", "closed", "withdrawn")
# Written by the API on every change it makes (never taken from input): who and when.
AUDIT: dict[str, Prop] = {
    "actorId": Prop(doc="who last recorded it through the API (from the token) 记录人"),
    "recordedAt": Prop("datetime", doc="when the API last recorded it 记录时间"),
}


def _place(label: str, chinese: str, doc: str, **extra: Prop) -> NodeType:
    return NodeType(label, chinese, doc, {**PLACE_PROPS, **extra}, super_label="Place")


def _org(label: str, chinese: str, doc: str, **extra: Prop) -> NodeType:
    return NodeType(label, chinese, doc, {**ORG_PROPS, **extra}, super_label="Organisation")


NODE_TYPES: tuple[NodeType, ...] = (
    # ---- Places 地点 ------------------------------------------------------------------
    _place(
        "District",
        "区/县",
        "District or county, top of a local hierarchy",
        kind=Prop(enum=("district", "county"), required=True),
    ),
    _place(
        "Street",
        "街道/乡镇",
        "Street (subdistrict) or town",
        kind=Prop(enum=("street", "town"), required=True),
    ),
    _place(
        "Community",
        "社区/村",
        "Community or village",
        kind=Prop(enum=("community", "village", "resettlement"), required=True),
        villageToCommunity=Prop("boolean", doc="村改居: a village turned community"),
    ),
    _place(
        "Grid",
        "网格",
        "Grid, the basic unit of grid management",
        level=Prop("integer", required=True, minimum=1, maximum=3, doc="一级/二级/三级 level"),
        colour=Prop(
            enum=("red", "yellow", "blue", "orange", "green"),
            doc="五彩网格 five-colour layer, where the grid belongs to one",
        ),
    ),
    _place(
        "MicroGrid", "微网格", "Micro-grid: one alley in a village or one building in a compound"
    ),
    _place(
        "FunctionalGrid",
        "功能网格",
        "Functional grid overlaid on the same area",
        kind=Prop(
            required=True,
            enum=(
                "government_service",
                "food_hygiene",
                "medical",
                "city_management",
                "legal_service",
                "policing",
                "emergency",
                "red",
                "yellow",
                "blue",
                "orange",
                "green",
            ),
            doc="政务服务、食品卫生、医疗卫生、城市管理、法治服务、警务治安 or a 五彩 layer",
        ),
    ),
    _place("Compound", "小区/楼院", "Residential compound (estate)"),
    _place("Building", "楼栋", "Building"),
    _place("EntranceUnit", "单元", "Entrance unit of a building"),
    _place("Alley", "胡同", "Alley in a village"),
    _place(
        "Household", "户", "Household", address=Prop(sensitive=True, doc="exact address 详细地址")
    ),
    _place(
        "ServiceStation",
        "党群服务中心/综合服务站/邻里服务驿站",
        "Service centre or station",
        kind=Prop(enum=("centre", "station", "post"), required=True),
        services=Prop("string[]", doc="service items sunk into the station 下沉服务事项"),
    ),
    # ---- Organisations 组织 -------------------------------------------------------------
    _org(
        "PartyOrganisation",
        "党组织",
        "Party organisation at any level",
        kind=Prop(
            required=True,
            enum=(
                "working_committee",
                "enlarged_working_committee",
                "committee",
                "enlarged_committee",
                "general_branch",
                "branch",
                "grid_branch",
                "grid_party_group",
                "joint_committee",
                "alliance",
                "unit_committee",
            ),
            doc="党工委/大工委/党委/大党委/党总支/党支部/网格党支部/网格党小组/联合党委/党建联盟",
        ),
    ),
    _org(
        "MemberUnit",
        "驻区单位/共建单位",
        "Member unit: agency, enterprise, school, hospital ...",
        kind=Prop(
            required=True,
            enum=(
                "agency",
                "enterprise",
                "state_enterprise",
                "school",
                "hospital",
                "social_organisation",
                "market_entity",
            ),
        ),
    ),
    _org(
        "Department",
        "职能部门",
        "Government department summoned by a whistle",
        kind=Prop(
            required=True,
            enum=(
                "public_security",
                "health",
                "civil_affairs",
                "petition",
                "market_regulation",
                "education",
                "law_enforcement",
                "housing",
                "justice",
                "other",
            ),
        ),
    ),
    _org(
        "PropertyCompany",
        "物业服务企业",
        "Property company",
        hasPartyOrganisation=Prop("boolean", doc="has its own party organisation (红色物业)"),
    ),
    _org("OwnersCommittee", "业委会", "Owners' committee of a compound"),
    _org(
        "ResidentsCommittee",
        "居委会/村委会",
        "Residents' or villagers' committee",
        kind=Prop(enum=("residents", "villagers"), required=True),
    ),
    _org("VolunteerTeam", "志愿服务组织", "Volunteer team or social organisation"),
    _org("MediationCentre", "矛调中心/调解委员会", "Dispute mediation centre or committee"),
    _org(
        "LegalOffice",
        "法院/法官工作室/律师工作室/公证员联络站",
        "Legal body",
        kind=Prop(
            required=True,
            enum=(
                "court",
                "judges_office",
                "shared_court",
                "procuratorate",
                "justice_office",
                "lawyers_office",
                "notary",
            ),
        ),
    ),
    # ---- People 人员 --------------------------------------------------------------------
    NodeType(
        "Person",
        "人员",
        "A person; every role is a relationship",
        {
            "name": NAME,
            "gender": Prop(enum=("female", "male")),
            "birthYear": Prop("integer", minimum=1900, maximum=2100),
            "phone": Prop(sensitive=True, doc="mobile phone 手机号"),
            "idNumber": Prop(sensitive=True, doc="resident ID number 身份证号"),
            "address": Prop(sensitive=True, doc="home address 住址"),
            "partyMember": Prop("boolean", doc="党员"),
            "retired": Prop("boolean", doc="退休"),
            "skills": Prop("string[]", doc="volunteer skills 技能"),
            "availableDays": Prop("integer[]", doc="days of week 1-7 when available 可服务日"),
            "invented": Prop("boolean", doc="invented for the demo (虚构)"),
            **AUDIT,
        },
    ),
    # ---- The four lists 四张清单 -----------------------------------------------------------
    NodeType(
        "Category",
        "分类",
        "Shared category taxonomy of needs, resources, projects, cases",
        {
            "name": NAME,
            "nameEn": Prop(doc="English name"),
        },
        searchable=False,
    ),
    NodeType(
        "Need",
        "需求",
        "A listed need (需求清单)",
        {
            "title": Prop(required=True),
            "detail": Prop(),
            "quantity": Prop("number", required=True, minimum=0, doc="quantity asked 需求数量"),
            "unit": Prop(doc="unit of the quantity (hours, people, yuan ...)"),
            "urgency": Prop("integer", minimum=1, maximum=3, doc="1 low .. 3 urgent"),
            "status": Prop(enum=LIST_STATUS, required=True),
            "raisedOn": Prop("date", required=True),
            "dueOn": DATE,
            "invented": Prop("boolean"),
            **AUDIT,
        },
    ),
    NodeType(
        "Resource",
        "资源",
        "An offered resource (资源清单)",
        {
            "title": Prop(required=True),
            "kind": Prop(
                required=True,
                enum=(
                    "venue",
                    "funding",
                    "training",
                    "legal",
                    "labour",
                    "goods",
                    "medical",
                    "service",
                ),
            ),
            "capacity": Prop("number", required=True, minimum=0, doc="capacity 可提供数量"),
            "unit": Prop(),
            "availableFrom": DATE,
            "availableTo": DATE,
            "days": Prop("integer[]", doc="days of week 1-7 可用日"),
            "status": Prop(enum=("active", "withdrawn"), required=True),
            "invented": Prop("boolean"),
            **AUDIT,
        },
    ),
    NodeType(
        "Project",
        "项目",
        "A project (项目清单); done ones are 实事",
        {
            "title": Prop(required=True),
            "status": Prop(
                required=True,
                enum=("proposed", "open_pool", "claimed", "in_progress", "done", "cancelled"),
            ),
            "claimDeadline": Prop(
                "date", doc="认领截止: unclaimed by then it goes to the open pool"
            ),
            "startedOn": DATE,
            "doneOn": DATE,
            "invented": Prop("boolean"),
            **AUDIT,
        },
    ),
    NodeType(
        "Task",
        "任务",
        "A task (任务清单) given to people",
        {
            "title": Prop(required=True),
            "status": Prop(required=True, enum=("todo", "doing", "done", "cancelled")),
            "dueOn": DATE,
            "invented": Prop("boolean"),
            **AUDIT,
        },
    ),
    NodeType(
        "Claim",
        "认领",
        "A claim on a need or project; carries the quantity committed",
        {
            "kind": Prop(required=True, enum=("need", "project")),
            "quantity": Prop("number", minimum=0, doc="committed 承诺数量"),
            "delivered": Prop("number", minimum=0, doc="delivered 已兑现数量"),
            "status": Prop(required=True, enum=("active", "fulfilled", "withdrawn")),
            "claimedOn": Prop("date", required=True),
            **AUDIT,
        },
        searchable=False,
    ),
    NodeType(
        "Agreement",
        "共建协议",
        "Joint-building agreement between a unit and a community",
        {
            "title": Prop(required=True),
            "signedOn": Prop("date", required=True),
            "termYears": Prop("integer", minimum=1, maximum=20),
            "endsOn": DATE,
            "invented": Prop("boolean"),
            **AUDIT,
        },
    ),
    # ---- Cases 事件 ----------------------------------------------------------------------
    NodeType(
        "Case",
        "事件/矛盾纠纷/信访",
        "A case: report, dispute, petition or service booking",
        {
            "title": Prop(required=True),
            "kind": Prop(required=True, enum=("report", "dispute", "petition", "booking")),
            "severity": Prop(
                "integer", required=True, minimum=1, maximum=4, doc="1 minor .. 4 major 严重程度"
            ),
            "status": Prop(
                required=True,
                enum=(
                    "reported",
                    "accepted",
                    "assigned",
                    "in_progress",
                    "resolved",
                    "closed",
                    "escalated",
                    "whistled",
                    "returned",
                    "reopened",
                    "withdrawn",
                ),
            ),
            "level": Prop(
                required=True,
                enum=("grid", "community", "street", "district"),
                doc="分级处置: the level that holds it",
            ),
            "reportedAt": Prop("datetime", required=True),
            "closedAt": Prop("datetime"),
            "satisfaction": Prop("integer", minimum=1, maximum=5, doc="满意度"),
            "settled": Prop("boolean"),
            "version": Prop("integer", minimum=0, doc="optimistic-lock version"),
            "phase": Prop(
                enum=("accept", "handle", "verify"),
                doc="which time-limit clock runs (受理/办理/核查时限); none once closed",
            ),
            "phaseStartedAt": Prop("datetime", doc="when the running clock started"),
            "dueAt": Prop("datetime", doc="red mark: the running clock's time limit 超时"),
            "yellowAt": Prop("datetime", doc="yellow mark: share of the limit used 黄牌预警"),
            "invented": Prop("boolean"),
        },
        searchable=False,
    ),
    NodeType(
        "CaseEvent",
        "事件处置记录",
        "One step in a case's life; never rewritten",
        {
            "seq": Prop("integer", required=True, minimum=0),
            "at": Prop("datetime", required=True),
            "action": Prop(required=True),
            "fromState": Prop(),
            "toState": Prop(),
            "level": Prop(enum=("grid", "community", "street", "district")),
            "note": Prop(),
            "attachments": Prop("string[]"),
            "actorId": Prop(),
            "logSeq": Prop(
                "integer", minimum=1, doc="place in the global case-event log (live updates)"
            ),
            "subjectIds": Prop(
                "string[]", doc="who the step names: handlers, departments, mediators"
            ),
            "outcome": Prop(doc="a whistle answer, a mediation outcome or an extension decision"),
            "verifiedBy": Prop(enum=("grid_worker", "resident"), doc="核查人 before closing"),
            "satisfaction": Prop("integer", minimum=1, maximum=5, doc="满意度 given at closing"),
            "settled": Prop("boolean", doc="settled, as recorded at closing"),
            "hours": Prop("number", minimum=0, doc="hours asked or granted (extension, whistle)"),
            "dueAt": Prop("datetime", doc="the red mark of the clock running when it was taken"),
        },
        searchable=False,
    ),
    NodeType(
        "Mediation",
        "调解",
        "Mediation of a dispute",
        {
            "outcome": Prop(enum=("pending", "settled", "not_settled", "sent_to_court")),
            "sessions": Prop("integer", minimum=0),
            "notarised": Prop("boolean", doc="mediation agreement notarised 公证"),
            "startedOn": DATE,
            "endedOn": DATE,
        },
        searchable=False,
    ),
    NodeType(
        "ExtensionRequest",
        "延期申请",
        "A handler's request for more time on a case, approved or refused by someone above",
        {
            "hours": Prop("number", required=True, minimum=0, doc="hours asked"),
            "reason": Prop(required=True),
            "status": Prop(required=True, enum=("pending", "approved", "refused")),
            "requestedAt": Prop("datetime", required=True),
            "requesterId": Prop(doc="who asked (from the token)"),
            "decidedAt": Prop("datetime"),
            "deciderId": Prop(doc="who decided (from the token)"),
            "decisionNote": Prop(),
        },
        searchable=False,
    ),
    NodeType(
        "TimeLimit",
        "办理时限",
        "Time limits per category and level",
        {
            "level": Prop(required=True, enum=("grid", "community", "street", "district")),
            "acceptHours": Prop("number", required=True, minimum=0),
            "handleHours": Prop("number", required=True, minimum=0),
            "verifyHours": Prop("number", required=True, minimum=0),
            "yellowRatio": Prop(
                "number",
                minimum=0,
                maximum=1,
                doc="share of the limit after which a case turns yellow",
            ),
        },
        searchable=False,
    ),
    # ---- Points 积分 ---------------------------------------------------------------------
    NodeType(
        "PointAccount",
        "积分账户",
        "A points account (a person's, or the issuer's / shop's)",
        {
            "kind": Prop(required=True, enum=("person", "issuer", "shop")),
            "name": Prop(),
            **AUDIT,
        },
        searchable=False,
    ),
    NodeType(
        "PointTransfer",
        "积分流水",
        "One double-entry transfer: debit one account, credit another",
        {
            "amount": Prop("integer", required=True, minimum=1),
            "at": Prop("datetime", required=True),
            "reason": Prop(required=True, doc="earned for ... / exchanged at 雷锋超市 ..."),
            "actorId": Prop(),
        },
        searchable=False,
    ),
)

ORG = ("Organisation",)
PLACE = ("Place",)
ROLES = (
    "grid_leader",
    "grid_worker",
    "grid_instructor",
    "building_leader",
    "entrance_leader",
    "alley_leader",
    "community_cadre",
    "community_secretary",
    "mediator",
    "grid_mediator",
    "legal_savvy",
    "legal_adviser",
    "party_instructor",
    "volunteer",
    "secretary",
    "respected_elder",
    "assessor",
    "chair",
    "member",
)

REL_TYPES: tuple[RelType, ...] = (
    RelType("PART_OF", "隶属", "A place inside its parent place", PLACE, PLACE),
    RelType("OVERLAYS", "覆盖", "A functional grid laid over a place", ("FunctionalGrid",), PLACE),
    RelType(
        "UNDER",
        "上级党组织",
        "A party organisation led by another",
        ("PartyOrganisation",),
        ("PartyOrganisation",),
    ),
    RelType(
        "GOVERNS",
        "负责",
        "An organisation responsible for a place (community party "
        "committee, residents' committee, grid branch)",
        ORG,
        PLACE,
    ),
    RelType(
        "LOCATED_IN", "位于", "Where an organisation or resource sits", (*ORG, "Resource"), PLACE
    ),
    RelType(
        "BELONGS_TO",
        "所属单位",
        "A party organisation of a unit or property company",
        ("PartyOrganisation",),
        ("MemberUnit", "PropertyCompany", "Department", "VolunteerTeam"),
    ),
    RelType(
        "MEMBER_OF",
        "成员",
        "Membership: a unit or branch in an alliance, a person in a branch (党员) or team",
        (*ORG, "Person"),
        ORG,
        {"since": DATE, "inService": Prop("boolean", doc="在职党员"), **AUDIT},
    ),
    RelType(
        "HOLDS_SEAT",
        "兼职委员",
        "A member unit's seat on an enlarged party committee",
        ("MemberUnit", "Person"),
        ("PartyOrganisation",),
        {"since": DATE},
    ),
    RelType("SIGNED", "签订", "A unit signed an agreement", ORG, ("Agreement",)),
    RelType(
        "WITH", "共建社区", "The community an agreement is with", ("Agreement",), ("Community",)
    ),
    RelType("AGREES", "约定项目", "A project agreed in an agreement", ("Agreement",), ("Project",)),
    RelType(
        "REPORTS_TO",
        "双报到",
        "Dual reporting of an organisation or in-service member to "
        "the community where it is or lives",
        ("PartyOrganisation", "Person"),
        ("Community",),
        {"on": Prop("date", required=True)},
    ),
    RelType(
        "HOLDS_ROLE",
        "担任",
        "A person's role at a place or organisation",
        ("Person",),
        (*PLACE, *ORG),
        {
            "role": Prop(required=True, enum=ROLES),
            "since": DATE,
            "until": DATE,
            "fullTime": Prop("boolean", doc="专职 (else 兼职)"),
            "claimed": Prop("boolean", doc="claimed by an in-service member (认领)"),
            **AUDIT,
        },
        key=("role",),
    ),
    RelType(
        "MANAGES",
        "物业服务",
        "A property company serving a compound",
        ("PropertyCompany",),
        ("Compound",),
    ),
    RelType("LIVES_IN", "居住", "A resident of a household", ("Person",), ("Household",)),
    RelType("SUBCATEGORY_OF", "子类", "A category under its parent", ("Category",), ("Category",)),
    RelType(
        "IN_CATEGORY",
        "分类",
        "The category of a need, resource, project, case or time limit",
        ("Need", "Resource", "Project", "Task", "Case", "TimeLimit"),
        ("Category",),
    ),
    RelType(
        "HANDLES",
        "职责",
        "A department's or legal body's categories",
        ("Department", "LegalOffice", "MediationCentre"),
        ("Category",),
    ),
    RelType(
        "CONCERNS",
        "涉及地点",
        "The place a need, project or task concerns",
        ("Need", "Project", "Task"),
        PLACE,
    ),
    RelType("RAISED", "提出", "Who raised a need", (*ORG, "Person", *PLACE), ("Need",)),
    RelType("OFFERS", "提供", "Who offers a resource", (*ORG, "Person"), ("Resource",)),
    RelType("ADDRESSES", "回应", "A project taking on a need", ("Project",), ("Need",)),
    RelType("MADE_CLAIM", "认领人", "Who made a claim", (*ORG, "Person"), ("Claim",)),
    RelType("CLAIMS", "认领对象", "What a claim is on", ("Claim",), ("Need", "Project")),
    RelType("USES", "使用资源", "The resource a claim draws on", ("Claim",), ("Resource",)),
    RelType("PART_OF_PROJECT", "所属项目", "A task of a project", ("Task",), ("Project",)),
    RelType("ASSIGNED_TO", "承办人", "Who does a task", ("Task",), ("Person", *ORG)),
    RelType("AT", "发生地", "Where a case happened", ("Case",), PLACE),
    RelType("REPORTED", "上报", "Who reported a case", ("Person", *ORG), ("Case",)),
    RelType("HELD_BY", "承办层级", "The place whose level holds a case now", ("Case",), PLACE),
    RelType("HANDLED_BY", "承办人", "People acting on a case", ("Case",), ("Person",)),
    RelType("HAS_EVENT", "处置记录", "A case's history", ("Case",), ("CaseEvent",)),
    RelType("BY", "操作人", "Who took a step", ("CaseEvent",), ("Person",)),
    RelType(
        "WHISTLED",
        "吹哨",
        "A department summoned to a case",
        ("Case",),
        ("Department",),
        {
            "deadline": Prop("datetime", required=True),
            "answer": Prop(enum=("pending", "arrived", "accepted", "refused")),
            "answeredAt": Prop("datetime"),
            "reason": Prop(),
        },
    ),
    RelType("MEDIATES", "调解", "A mediation of a case", ("Mediation",), ("Case",)),
    RelType(
        "HAS_EXTENSION", "延期申请", "A case's extension requests", ("Case",), ("ExtensionRequest",)
    ),
    RelType("MEDIATOR_IN", "调解员", "A mediator in a mediation", ("Person", *ORG), ("Mediation",)),
    RelType(
        "HAS_ACCOUNT", "积分账户", "A person's points account", ("Person", *ORG), ("PointAccount",)
    ),
    RelType(
        "DEBIT",
        "转出",
        "The account a transfer takes points from",
        ("PointTransfer",),
        ("PointAccount",),
    ),
    RelType(
        "CREDIT",
        "转入",
        "The account a transfer gives points to",
        ("PointTransfer",),
        ("PointAccount",),
    ),
)

NODES_BY_LABEL: dict[str, NodeType] = {n.label: n for n in NODE_TYPES}
RELS_BY_TYPE: dict[str, RelType] = {r.type: r for r in REL_TYPES}
SUPER_LABELS: dict[str, tuple[str, ...]] = {
    sup: tuple(n.label for n in NODE_TYPES if n.super_label == sup)
    for sup in {n.super_label for n in NODE_TYPES if n.super_label}
}


def expand(labels: tuple[str, ...]) -> frozenset[str]:
    """Concrete labels a rel end may have, super labels ("Place") expanded."""
    out: set[str] = set()
    for label in labels:
        out.update(SUPER_LABELS.get(label, (label,)))
    return frozenset(out)


def sensitive_props() -> dict[str, frozenset[str]]:
    return {n.label: frozenset(k for k, p in n.props.items() if p.sensitive) for n in NODE_TYPES}
