"""Root mutation fields of the lists domain, one mutation per module (entity then verb)."""

from __future__ import annotations

import strawberry

from schema.core.context import Info
from schema.lists.mutations.agreement_create import AgreementCreateInput, agreement_create
from schema.lists.mutations.claim_create import ClaimCreateInput, claim_create
from schema.lists.mutations.claim_withdraw import ClaimWithdrawInput, claim_withdraw
from schema.lists.mutations.need_create import NeedCreateInput, need_create
from schema.lists.mutations.need_update import NeedUpdateInput, need_update
from schema.lists.mutations.payloads import (
    AgreementPayload,
    ClaimPayload,
    NeedPayload,
    ProjectPayload,
    ResourcePayload,
    TaskPayload,
)
from schema.lists.mutations.project_create import ProjectCreateInput, project_create
from schema.lists.mutations.project_update import ProjectUpdateInput, project_update
from schema.lists.mutations.resource_create import ResourceCreateInput, resource_create
from schema.lists.mutations.resource_update import ResourceUpdateInput, resource_update
from schema.lists.mutations.task_create import TaskCreateInput, task_create
from schema.lists.mutations.task_update import TaskUpdateInput, task_update


@strawberry.type
class ListsMutations:
    """Root mutation fields of this domain (composed into Mutation in schema/api.py)."""

    @strawberry.mutation(description="List a new need. 新增需求")
    async def need_create(self, info: Info, input: NeedCreateInput) -> NeedPayload:
        return await need_create(info, input)

    @strawberry.mutation(description="Change a need, close, withdraw or reopen it. 修改需求")
    async def need_update(self, info: Info, input: NeedUpdateInput) -> NeedPayload:
        return await need_update(info, input)

    @strawberry.mutation(description="List a resource on offer. 新增资源")
    async def resource_create(self, info: Info, input: ResourceCreateInput) -> ResourcePayload:
        return await resource_create(info, input)

    @strawberry.mutation(description="Change or withdraw a resource. 修改资源")
    async def resource_update(self, info: Info, input: ResourceUpdateInput) -> ResourcePayload:
        return await resource_update(info, input)

    @strawberry.mutation(description="Put a project on the list. 新增项目")
    async def project_create(self, info: Info, input: ProjectCreateInput) -> ProjectPayload:
        return await project_create(info, input)

    @strawberry.mutation(description="Move a project along or change it. 修改项目")
    async def project_update(self, info: Info, input: ProjectUpdateInput) -> ProjectPayload:
        return await project_update(info, input)

    @strawberry.mutation(description="Put a task on the list. 新增任务")
    async def task_create(self, info: Info, input: TaskCreateInput) -> TaskPayload:
        return await task_create(info, input)

    @strawberry.mutation(description="Move a task along or give it to others. 修改任务")
    async def task_update(self, info: Info, input: TaskUpdateInput) -> TaskPayload:
        return await task_update(info, input)

    @strawberry.mutation(description="Record a joint-building agreement. 签订共建协议")
    async def agreement_create(self, info: Info, input: AgreementCreateInput) -> AgreementPayload:
        return await agreement_create(info, input)

    @strawberry.mutation(description="Claim a need or project. 认领")
    async def claim_create(self, info: Info, input: ClaimCreateInput) -> ClaimPayload:
        return await claim_create(info, input)

    @strawberry.mutation(description="Withdraw a claim. 撤回认领")
    async def claim_withdraw(self, info: Info, input: ClaimWithdrawInput) -> ClaimPayload:
        return await claim_withdraw(info, input)
