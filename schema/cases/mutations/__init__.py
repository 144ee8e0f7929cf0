"""Case mutations: one step of a case's life per file (entity-then-verb), composed here.

Every step but the report takes the case's `version` and is refused with a typed
VERSION_CONFLICT error if the case changed since; a step the current state does not allow
is a typed ILLEGAL_TRANSITION error naming the state and the allowed steps (docs/CASES.md).
"""

from __future__ import annotations

import strawberry
from strawberry.permission import BasePermission

from graph.cases.machine import RULES_BY_ACTION, Action
from schema.cases.mutations import (
    case_accept,
    case_assign,
    case_close,
    case_escalate,
    case_extension_decide,
    case_extension_request,
    case_mediation_end,
    case_mediation_record,
    case_mediation_start,
    case_reopen,
    case_report,
    case_resolve,
    case_return,
    case_start,
    case_whistle,
    case_whistle_answer,
    case_withdraw,
)
from schema.cases.payloads import CasePayload
from schema.core.permissions import role_required
from schema.core.viewer import RoleName


def _who(action: Action) -> list[type[BasePermission]]:
    """A role that may never take this step is refused before anything runs (FORBIDDEN,
    docs/SECURITY.md); scope and state are checked by the step itself."""
    roles: tuple[RoleName, ...] = tuple(r for r in RULES_BY_ACTION[action].roles if r != "admin")
    return [role_required(*roles)]


@strawberry.type
class CasesMutations:
    """Root mutation fields of this domain (composed into Mutation in schema/api.py)."""

    case_report: CasePayload = strawberry.mutation(
        resolver=case_report.case_report,
        description=case_report.DESCRIPTION,
        permission_classes=_who("accept"),
    )
    case_accept: CasePayload = strawberry.mutation(
        resolver=case_accept.case_accept,
        description=case_accept.DESCRIPTION,
        permission_classes=_who("accept"),
    )
    case_assign: CasePayload = strawberry.mutation(
        resolver=case_assign.case_assign,
        description=case_assign.DESCRIPTION,
        permission_classes=_who("assign"),
    )
    case_start: CasePayload = strawberry.mutation(
        resolver=case_start.case_start,
        description=case_start.DESCRIPTION,
        permission_classes=_who("start"),
    )
    case_escalate: CasePayload = strawberry.mutation(
        resolver=case_escalate.case_escalate,
        description=case_escalate.DESCRIPTION,
        permission_classes=_who("escalate"),
    )
    case_whistle: CasePayload = strawberry.mutation(
        resolver=case_whistle.case_whistle,
        description=case_whistle.DESCRIPTION,
        permission_classes=_who("whistle"),
    )
    case_whistle_answer: CasePayload = strawberry.mutation(
        resolver=case_whistle_answer.case_whistle_answer,
        description=case_whistle_answer.DESCRIPTION,
        permission_classes=_who("answer_whistle"),
    )
    case_resolve: CasePayload = strawberry.mutation(
        resolver=case_resolve.case_resolve,
        description=case_resolve.DESCRIPTION,
        permission_classes=_who("resolve"),
    )
    case_close: CasePayload = strawberry.mutation(
        resolver=case_close.case_close,
        description=case_close.DESCRIPTION,
        permission_classes=_who("close"),
    )
    case_return: CasePayload = strawberry.mutation(
        resolver=case_return.case_return,
        description=case_return.DESCRIPTION,
        permission_classes=_who("return"),
    )
    case_reopen: CasePayload = strawberry.mutation(
        resolver=case_reopen.case_reopen,
        description=case_reopen.DESCRIPTION,
        permission_classes=_who("reopen"),
    )
    case_withdraw: CasePayload = strawberry.mutation(
        resolver=case_withdraw.case_withdraw,
        description=case_withdraw.DESCRIPTION,
        permission_classes=_who("withdraw"),
    )
    case_mediation_start: CasePayload = strawberry.mutation(
        resolver=case_mediation_start.case_mediation_start,
        description=case_mediation_start.DESCRIPTION,
        permission_classes=_who("start_mediation"),
    )
    case_mediation_record: CasePayload = strawberry.mutation(
        resolver=case_mediation_record.case_mediation_record,
        description=case_mediation_record.DESCRIPTION,
        permission_classes=_who("record_mediation"),
    )
    case_mediation_end: CasePayload = strawberry.mutation(
        resolver=case_mediation_end.case_mediation_end,
        description=case_mediation_end.DESCRIPTION,
        permission_classes=_who("end_mediation"),
    )
    case_extension_request: CasePayload = strawberry.mutation(
        resolver=case_extension_request.case_extension_request,
        description=case_extension_request.DESCRIPTION,
        permission_classes=_who("request_extension"),
    )
    case_extension_decide: CasePayload = strawberry.mutation(
        resolver=case_extension_decide.case_extension_decide,
        description=case_extension_decide.DESCRIPTION,
        permission_classes=_who("decide_extension"),
    )
