"""agreementCreate: record a joint-building agreement (共建协议) with a community."""

from __future__ import annotations

import datetime

import strawberry

from graph.nodes import Ref
from schema.core.context import Info
from schema.core.payloads import (
    ErrorCode,
    Problems,
    audit,
    new_id,
)
from schema.lists.mutations.checked import create_alone
from schema.lists.mutations.payloads import ORGANISATION_LABELS, AgreementPayload, props_of
from schema.lists.types import Agreement


@strawberry.input(description="A signed joint-building agreement. 新共建协议")
class AgreementCreateInput:
    title: str = strawberry.field(description="Title. 标题")
    signed_on: datetime.date = strawberry.field(description="Signed on. 签订日期")
    community: strawberry.ID = strawberry.field(description="The community. 共建社区")
    signatories: list[strawberry.ID] = strawberry.field(
        description="Organisations that signed it (at least one). 签订单位"
    )
    term_years: int | None = strawberry.field(
        default=None, description="Term in years, 1 to 20; sets the end date. 期限（年）"
    )
    projects: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Projects it agrees. 约定项目"
    )
    external_id: str | None = strawberry.field(
        default=None, description="The source system's key; generated when omitted. 外部编号"
    )


def ends_on(signed: datetime.date, years: int) -> datetime.date:
    try:
        return signed.replace(year=signed.year + years)
    except ValueError:  # signed on 29 February, ending in a common year
        return signed.replace(year=signed.year + years, day=28)


async def agreement_create(info: Info, input: AgreementCreateInput) -> AgreementPayload:
    p = Problems()
    title = p.text("input.title", input.title, required=True)
    p.between("input.termYears", input.term_years, 1, 20)
    community_id = p.id_of("input.community", input.community, "Community")
    signatory_ids = p.ids_of("input.signatories", input.signatories, *ORGANISATION_LABELS)
    if not input.signatories:
        p.add("input.signatories", ErrorCode.REQUIRED, "input.signatories: at least one")
    project_ids = p.ids_of("input.projects", input.projects, "Project")
    if p or community_id is None:
        return AgreementPayload(agreement=None, errors=p.errors)
    agreement_id = new_id("agreement", input.external_id)
    refs = [Ref("input.community", community_id, ("Community",))]
    refs += [
        Ref(f"input.signatories[{i}]", s, ORGANISATION_LABELS) for i, s in enumerate(signatory_ids)
    ]
    refs += [Ref(f"input.projects[{i}]", s, ("Project",)) for i, s in enumerate(project_ids)]
    params = {
        "id": agreement_id,
        "props": {
            "title": title,
            "signedOn": input.signed_on,
            "termYears": input.term_years,
            "endsOn": ends_on(input.signed_on, input.term_years) if input.term_years else None,
        },
        "communityId": community_id,
        "signatoryIds": sorted(set(signatory_ids)),
        "projectIds": sorted(set(project_ids)),
        **audit(info),
    }

    result = await create_alone(info, "create_agreement", params, refs)
    if isinstance(result, list):
        return AgreementPayload(agreement=None, errors=result)
    return AgreementPayload(agreement=Agreement.from_node(props_of(result)), errors=[])
