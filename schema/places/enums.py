"""Enumerations of places, equal to the value lists of loaders/model.py (a test checks)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="District or county. 区/县")
class DistrictKind(Enum):
    DISTRICT = "district"
    COUNTY = "county"


@strawberry.enum(description="Street (subdistrict) or town. 街道/乡镇")
class StreetKind(Enum):
    STREET = "street"
    TOWN = "town"


@strawberry.enum(
    description="Community, village, or resettlement community (回迁安置社区). 社区/村"
)
class CommunityKind(Enum):
    COMMUNITY = "community"
    VILLAGE = "village"
    RESETTLEMENT = "resettlement"


@strawberry.enum(description="Five-colour grid layer. 五彩网格")
class GridColour(Enum):
    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"
    ORANGE = "orange"
    GREEN = "green"


@strawberry.enum(
    description="What a functional grid serves (政务服务、食品卫生、医疗卫生、城市管理、"
    "法治服务、警务治安 …) or its five-colour layer. 功能网格类型"
)
class FunctionalGridKind(Enum):
    GOVERNMENT_SERVICE = "government_service"
    FOOD_HYGIENE = "food_hygiene"
    MEDICAL = "medical"
    CITY_MANAGEMENT = "city_management"
    LEGAL_SERVICE = "legal_service"
    POLICING = "policing"
    EMERGENCY = "emergency"
    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"
    ORANGE = "orange"
    GREEN = "green"


@strawberry.enum(
    description="Service centre, station or neighbourhood post. 党群服务中心/综合服务站/邻里服务驿站"
)
class ServiceStationKind(Enum):
    CENTRE = "centre"
    STATION = "station"
    POST = "post"


@strawberry.enum(description="Kinds of place, to filter by. 地点类型")
class PlaceType(Enum):
    DISTRICT = "District"
    STREET = "Street"
    COMMUNITY = "Community"
    GRID = "Grid"
    MICRO_GRID = "MicroGrid"
    FUNCTIONAL_GRID = "FunctionalGrid"
    COMPOUND = "Compound"
    BUILDING = "Building"
    ENTRANCE_UNIT = "EntranceUnit"
    ALLEY = "Alley"
    HOUSEHOLD = "Household"
    SERVICE_STATION = "ServiceStation"
