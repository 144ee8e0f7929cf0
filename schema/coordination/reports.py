"""Answers to the coordination questions (协调问题) 5-8: coverageGaps, dualReporting,
caseStats, needStats. Every rate is null when its denominator is 0 (no cases is not 0 %)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.coordination import case_stats, dual_reporting, gaps, need_stats
from schema.coordination.types import Count, OpenNeedList, Reason, entities, entity, maybe, reasons
from schema.core.relay import Node

if TYPE_CHECKING:
    from schema.people.types import Person
    from schema.places.types import Community, Place

Lazy = strawberry.lazy
_P, _PE = "schema.places.types", "schema.people.types"


def counts(cs: list[case_stats.Count]) -> list[Count]:
    return [Count(key=c.key, count=c.count) for c in cs]


# ---- 5. coverageGaps -----------------------------------------------------------------------


@strawberry.type(
    description="One gap: what lacks something, where it lies, and what it lacks. 缺项"
)
class Gap:
    subject: Node = strawberry.field(
        description="The grid, building, alley, compound, property company or community. 对象"
    )
    within: Annotated[Place, Lazy(_P)] | None = strawberry.field(
        description="Where it lies (its community or compound), for context. 所在"
    )
    missing: list[str] = strawberry.field(
        description="What it lacks, as codes (party_organisation, owners_committee ...). 缺少"
    )
    reasons: list[Reason] = strawberry.field(description="The same, in words. 说明")


@strawberry.type(description="A list of gaps: the full count and the first items, by id. 缺项清单")
class GapList:
    total: int = strawberry.field(description="How many there are. 总数")
    items: list[Gap] = strawberry.field(description="The first `first` of them. 明细")

    @classmethod
    def of(cls, g: gaps.GapList) -> GapList:
        return cls(
            total=g.total,
            items=[
                Gap(
                    subject=entity(x.subject),
                    within=maybe(x.within),
                    missing=list(x.missing),
                    reasons=reasons(x.reasons),
                )
                for x in g.items
            ],
        )


@strawberry.type(description="What is missing under a place, list by list. 覆盖缺口")
class CoverageGaps:
    scope: Annotated[Place, Lazy(_P)] = strawberry.field(description="The place asked about. 范围")
    open_days: int = strawberry.field(
        description="The age after which an unmatched need counts. 天数"
    )
    grids_without_party_organisation: GapList = strawberry.field(
        description="Grids no party organisation governs. 未建党组织的网格"
    )
    buildings_without_leader: GapList = strawberry.field(
        description="Buildings with no current building leader, alleys with no alley leader. "
        "未设楼栋长/胡同长"
    )
    compounds_incomplete: GapList = strawberry.field(
        description="Compounds with no property company or no owners' committee. 缺物业或业委会的小区"
    )
    property_companies_not_red: GapList = strawberry.field(
        description="Property companies serving here with neither their own party organisation "
        "nor an instructor. 非红色物业"
    )
    communities_missing_six_in_one: GapList = strawberry.field(
        description="Communities missing any of the six in one (六位一体): party organisation, "
        "residents' committee, owners' committee, property company, building leaders, "
        "service station."
    )
    communities_without_partner: GapList = strawberry.field(
        description="Communities with no current joint-building agreement. 无共建单位的社区"
    )
    stale_needs: OpenNeedList = strawberry.field(
        description="Needs open at least openDays days that no provider can take. 久拖未接需求"
    )

    @classmethod
    def of(cls, g: gaps.CoverageGaps) -> CoverageGaps:
        return cls(
            scope=entity(g.scope),
            open_days=g.open_days,
            grids_without_party_organisation=GapList.of(g.grids_without_party_organisation),
            buildings_without_leader=GapList.of(g.buildings_without_leader),
            compounds_incomplete=GapList.of(g.compounds_incomplete),
            property_companies_not_red=GapList.of(g.property_companies_not_red),
            communities_missing_six_in_one=GapList.of(g.communities_missing_six_in_one),
            communities_without_partner=GapList.of(g.communities_without_partner),
            stale_needs=OpenNeedList.of(g.stale_needs),
        )


# ---- 6. dualReporting ----------------------------------------------------------------------


@strawberry.type(
    description="Dual reporting (双报到) to one community: who reported by the window's end, "
    "what they claimed and recorded in it. A service record is a claim made, a case step "
    "taken, a task done or points earned. 双报到情况"
)
class CommunityReporting:
    community: Annotated[Community, Lazy(_P)] = strawberry.field(description="社区/村")
    organisations: int = strawberry.field(description="Party organisations reported. 报到组织数")
    organisations_new: int = strawberry.field(description="... of which in the window. 新报到组织")
    organisation_claims: int = strawberry.field(
        description="Claims those organisations (or their units) made in the window. 组织认领数"
    )
    members: int = strawberry.field(description="In-service party members reported. 报到党员数")
    members_new: int = strawberry.field(description="... of which in the window. 新报到党员")
    roles_claimed: int = strawberry.field(
        description="Roles those members claimed, held in the window. 认领岗位数"
    )
    roles_by_kind: list[Count] = strawberry.field(description="The same, per role. 按岗位")
    service_records: int = strawberry.field(
        description="Members' records in the window. 服务记录数"
    )
    records_by_kind: list[Count] = strawberry.field(
        description="Per kind: claim, case_step, task_done, points_earned. 按类型"
    )
    silent_count: int = strawberry.field(
        description="Reported members with no record in the window. 报到未服务党员数"
    )
    silent_members: list[Annotated[Person, Lazy(_PE)]] = strawberry.field(
        description="The first `first` of them, by id. 报到未服务党员"
    )

    @classmethod
    def of(cls, c: dual_reporting.CommunityReporting) -> CommunityReporting:
        return cls(
            community=entity(c.community),
            organisations=c.organisations,
            organisations_new=c.organisations_new,
            organisation_claims=c.organisation_claims,
            members=c.members,
            members_new=c.members_new,
            roles_claimed=c.roles_claimed,
            roles_by_kind=counts(c.roles_by_kind),
            service_records=c.records,
            records_by_kind=counts(c.records_by_kind),
            silent_count=c.silent_count,
            silent_members=entities(c.silent),
        )


@strawberry.type(description="Dual reporting per community under a place. 双报到统计")
class DualReporting:
    from_: datetime.date = strawberry.field(name="from", description="Window start. 起始日期")
    to: datetime.date = strawberry.field(description="Window end (inclusive). 截止日期")
    scope: Annotated[Place, Lazy(_P)] = strawberry.field(description="范围")
    communities: list[CommunityReporting] = strawberry.field(description="By community id. 各社区")

    @classmethod
    def of(cls, d: dual_reporting.DualReporting) -> DualReporting:
        return cls(
            from_=d.window.start,
            to=d.window.end,
            scope=entity(d.scope),
            communities=[CommunityReporting.of(c) for c in d.communities],
        )


# ---- 7. caseStats --------------------------------------------------------------------------


@strawberry.type(
    description="Figures on cases reported in the window at a place or under it. closed = "
    "status closed. closureRate = closed / total. resolvedAtGridShare = closed cases held at "
    "the grid level with no step recorded at another level / closed. mediationSuccessRate = "
    "disputes with a mediation ended settled / disputes with a mediation. medianHoursToClose "
    "= median of reportedAt→closedAt hours over closed cases (mean of the middle two when "
    "even). meanSatisfaction = mean satisfaction (1-5) over cases rated. onTimeClosureRate = "
    "closed within their limit / closed cases a limit applies to; the limit is accept + "
    "handle + verify hours of the time limit for the category (or the nearest above with one) "
    "at the level holding the case, plus approved extensions. 事件统计"
)
class CaseFigures:
    place: Annotated[Place, Lazy(_P)] = strawberry.field(description="地点")
    total: int = strawberry.field(description="Cases reported in the window. 事件总数")
    by_kind: list[Count] = strawberry.field(description="Per kind, most first. 按类型")
    by_status: list[Count] = strawberry.field(description="Per status, most first. 按状态")
    closed: int = strawberry.field(description="Closed cases. 办结数")
    closure_rate: float | None = strawberry.field(description="closed / total. 结办率")
    closed_at_grid: int = strawberry.field(
        description="Closed without leaving the grid. 网格内办结数"
    )
    resolved_at_grid_share: float | None = strawberry.field(
        description="closedAtGrid / closed. 小事不出网格率"
    )
    disputes_mediated: int = strawberry.field(description="Disputes with a mediation. 调解纠纷数")
    disputes_settled: int = strawberry.field(description="... ended settled. 调解成功数")
    mediation_success_rate: float | None = strawberry.field(
        description="disputesSettled / disputesMediated. 调解成功率"
    )
    median_hours_to_close: float | None = strawberry.field(description="办结时长中位数（小时）")
    rated: int = strawberry.field(description="Cases with a satisfaction score. 评价数")
    mean_satisfaction: float | None = strawberry.field(description="平均满意度 (1-5)")
    closed_with_limit: int = strawberry.field(
        description="Closed cases a time limit applies to. 有时限的办结数"
    )
    closed_on_time: int = strawberry.field(description="... closed within it. 按时办结数")
    on_time_closure_rate: float | None = strawberry.field(
        description="closedOnTime / closedWithLimit. 按时办结率"
    )

    @classmethod
    def of(cls, f: case_stats.CaseFigures) -> CaseFigures:
        return cls(
            place=entity(f.place),
            total=f.total,
            by_kind=counts(f.by_kind),
            by_status=counts(f.by_status),
            closed=f.closed,
            closure_rate=f.closure_rate,
            closed_at_grid=f.closed_at_grid,
            resolved_at_grid_share=f.resolved_at_grid_share,
            disputes_mediated=f.disputes_mediated,
            disputes_settled=f.disputes_settled,
            mediation_success_rate=f.mediation_success_rate,
            median_hours_to_close=f.median_hours_to_close,
            rated=f.rated,
            mean_satisfaction=f.mean_satisfaction,
            closed_with_limit=f.closed_with_limit,
            closed_on_time=f.closed_on_time,
            on_time_closure_rate=f.on_time_closure_rate,
        )


@strawberry.type(description="Case figures for a place and each place directly under it. 事件统计")
class CaseStats:
    from_: datetime.date = strawberry.field(name="from", description="Window start. 起始日期")
    to: datetime.date = strawberry.field(description="Window end (inclusive). 截止日期")
    scope: CaseFigures = strawberry.field(description="The place as a whole. 本级合计")
    children: list[CaseFigures] = strawberry.field(
        description="Each direct child, by id, to drill down; cases at the place itself belong "
        "to none. 下级明细"
    )

    @classmethod
    def of(cls, s: case_stats.CaseStats) -> CaseStats:
        return cls(
            from_=s.window.start,
            to=s.window.end,
            scope=CaseFigures.of(s.scope),
            children=[CaseFigures.of(c) for c in s.children],
        )


# ---- 8. needStats --------------------------------------------------------------------------


@strawberry.type(
    description="The lists' health at a place. Needs counted are those raised in the window. "
    "unmatched = not met, closed or withdrawn and no active or fulfilled claim. asked and "
    "delivered leave withdrawn needs out; a need's delivery counts up to what it asked. "
    "fillRate = delivered / asked (quantities of every unit summed); meanNeedFill = mean over "
    "needs of delivered / asked (unit-free). medianDaysToCommitment = median days from a need "
    "being raised to its first claim. Projects: claimed = a claim made in the window; done "
    "(实事) = finished in the window; in the open pool = now. 清单统计"
)
class NeedFigures:
    place: Annotated[Place, Lazy(_P)] = strawberry.field(description="地点")
    raised: int = strawberry.field(description="Needs raised. 需求数")
    met: int = strawberry.field(description="Fully met. 已满足")
    partly_met: int = strawberry.field(description="Partly met. 部分满足")
    unmatched: int = strawberry.field(description="No commitment yet. 未匹配")
    withdrawn: int = strawberry.field(description="Withdrawn. 已撤回")
    asked: float = strawberry.field(description="Quantity asked. 需求数量")
    delivered: float = strawberry.field(description="Quantity delivered. 兑现数量")
    fill_rate: float | None = strawberry.field(description="delivered / asked. 满足率")
    mean_need_fill: float | None = strawberry.field(description="Mean per-need fill. 平均满足度")
    committed: int = strawberry.field(description="Needs with a claim. 已认领需求数")
    median_days_to_commitment: float | None = strawberry.field(
        description="Median days to the first claim. 认领用时中位数（天）"
    )
    projects_claimed: int = strawberry.field(description="项目认领数")
    projects_done: int = strawberry.field(description="实事 done. 完成项目数")
    projects_in_open_pool: int = strawberry.field(
        description="Waiting in the open pool. 项目池待认领"
    )

    @classmethod
    def of(cls, f: need_stats.NeedFigures) -> NeedFigures:
        return cls(
            place=entity(f.place),
            raised=f.raised,
            met=f.met,
            partly_met=f.partly_met,
            unmatched=f.unmatched,
            withdrawn=f.withdrawn,
            asked=f.asked,
            delivered=f.delivered,
            fill_rate=f.fill_rate,
            mean_need_fill=f.mean_need_fill,
            committed=f.committed,
            median_days_to_commitment=f.median_days_to_commitment,
            projects_claimed=f.projects_claimed,
            projects_done=f.projects_done,
            projects_in_open_pool=f.projects_in_open_pool,
        )


@strawberry.type(description="List figures for a place and each place directly under it. 清单统计")
class NeedStats:
    from_: datetime.date = strawberry.field(name="from", description="Window start. 起始日期")
    to: datetime.date = strawberry.field(description="Window end (inclusive). 截止日期")
    scope: NeedFigures = strawberry.field(description="The place as a whole. 本级合计")
    children: list[NeedFigures] = strawberry.field(description="Each direct child, by id. 下级明细")

    @classmethod
    def of(cls, s: need_stats.NeedStats) -> NeedStats:
        return cls(
            from_=s.window.start,
            to=s.window.end,
            scope=NeedFigures.of(s.scope),
            children=[NeedFigures.of(c) for c in s.children],
        )
