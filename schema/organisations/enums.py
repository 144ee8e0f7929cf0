"""Enumerations of organisations, equal to the value lists of loaders/model.py (a test checks)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(
    description="Level and form of a party organisation: 党工委/大工委/党委/大党委/党总支/"
    "党支部/网格党支部/网格党小组/联合党委/党建联盟/单位党委. 党组织类型"
)
class PartyOrganisationKind(Enum):
    WORKING_COMMITTEE = "working_committee"
    ENLARGED_WORKING_COMMITTEE = "enlarged_working_committee"
    COMMITTEE = "committee"
    ENLARGED_COMMITTEE = "enlarged_committee"
    GENERAL_BRANCH = "general_branch"
    BRANCH = "branch"
    GRID_BRANCH = "grid_branch"
    GRID_PARTY_GROUP = "grid_party_group"
    JOINT_COMMITTEE = "joint_committee"
    ALLIANCE = "alliance"
    UNIT_COMMITTEE = "unit_committee"


@strawberry.enum(
    description="What kind of member unit: agency, enterprise, school ... 驻区单位类型"
)
class MemberUnitKind(Enum):
    AGENCY = "agency"
    ENTERPRISE = "enterprise"
    STATE_ENTERPRISE = "state_enterprise"
    SCHOOL = "school"
    HOSPITAL = "hospital"
    SOCIAL_ORGANISATION = "social_organisation"
    MARKET_ENTITY = "market_entity"


@strawberry.enum(description="Which government department. 职能部门类型")
class DepartmentKind(Enum):
    PUBLIC_SECURITY = "public_security"
    HEALTH = "health"
    CIVIL_AFFAIRS = "civil_affairs"
    PETITION = "petition"
    MARKET_REGULATION = "market_regulation"
    EDUCATION = "education"
    LAW_ENFORCEMENT = "law_enforcement"
    HOUSING = "housing"
    JUSTICE = "justice"
    OTHER = "other"


@strawberry.enum(description="Residents' or villagers' committee. 居委会/村委会")
class ResidentsCommitteeKind(Enum):
    RESIDENTS = "residents"
    VILLAGERS = "villagers"


@strawberry.enum(
    description="Court, judge's office, shared court, procuratorate, justice office, "
    "lawyer's office or notary. 法院/法官工作室/共享法庭/检察院/司法所/律师工作室/公证员联络站"
)
class LegalOfficeKind(Enum):
    COURT = "court"
    JUDGES_OFFICE = "judges_office"
    SHARED_COURT = "shared_court"
    PROCURATORATE = "procuratorate"
    JUSTICE_OFFICE = "justice_office"
    LAWYERS_OFFICE = "lawyers_office"
    NOTARY = "notary"


@strawberry.enum(description="Kinds of organisation, to filter by. 组织类型")
class OrganisationType(Enum):
    PARTY_ORGANISATION = "PartyOrganisation"
    MEMBER_UNIT = "MemberUnit"
    DEPARTMENT = "Department"
    PROPERTY_COMPANY = "PropertyCompany"
    OWNERS_COMMITTEE = "OwnersCommittee"
    RESIDENTS_COMMITTEE = "ResidentsCommittee"
    VOLUNTEER_TEAM = "VolunteerTeam"
    MEDIATION_CENTRE = "MediationCentre"
    LEGAL_OFFICE = "LegalOffice"
