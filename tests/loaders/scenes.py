"""Small named scenes of the governance graph, as import datasets.

`shuangan()` is 双安社区 in 承德市双滦区 (seed 001), with one record of every label and one
relationship of every type the model had when it was written; `with_every_type` adds a
plain record for any label or type added to the model since, so the round trip keeps
covering the whole model. Writers put a scene on disk as a directory or as a bundle.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from loaders.model import NODES_BY_LABEL, RELS_BY_TYPE, expand

Bundle = dict[str, dict[str, list[dict[str, Any]]]]


def shuangan(every_type: bool = True) -> Bundle:
    """The scene; every_type=False keeps it exactly as written (41 nodes, 56 relationships)."""
    nodes: dict[str, list[dict[str, Any]]] = {
        "District": [
            {"id": "d-shuangluan", "name": "承德市双滦区", "kind": "district", "code": "130803"}
        ],
        "Street": [
            {"id": "s-shuangta", "name": "双塔山街道", "kind": "street", "population": 52000}
        ],
        "Community": [
            {
                "id": "c-shuangan",
                "name": "双安社区",
                "kind": "community",
                "villageToCommunity": False,
            },
            {"id": "c-yuxiang", "name": "御祥园社区", "kind": "community"},
        ],
        "Grid": [
            {
                "id": "g-1",
                "name": "双安一网格",
                "level": 3,
                "colour": "yellow",
                "lat": 40.95,
                "lon": 117.79,
            }
        ],
        "MicroGrid": [{"id": "mg-1", "name": "3号楼微网格"}],
        "FunctionalGrid": [{"id": "fg-legal", "name": "法治服务网格", "kind": "legal_service"}],
        "Compound": [{"id": "cp-1", "name": "双安小区"}],
        "Building": [{"id": "b-3", "name": "3号楼"}],
        "EntranceUnit": [{"id": "u-3-2", "name": "3号楼2单元"}],
        "Alley": [{"id": "al-1", "name": "东胡同", "invented": True}],
        "Household": [{"id": "h-302", "name": "3-2-302", "address": "双安小区3号楼2单元302"}],
        "ServiceStation": [
            {
                "id": "st-1",
                "name": "双安社区党群服务中心",
                "kind": "centre",
                "services": ["社保", "调解"],
            }
        ],
        "PartyOrganisation": [
            {"id": "po-street", "name": "双塔山街道党工委", "kind": "working_committee"},
            {"id": "po-shuangan", "name": "双安社区党委", "kind": "committee"},
            {"id": "po-school", "name": "天牧培训学校党支部", "kind": "branch"},
        ],
        "MemberUnit": [{"id": "mu-tianmu", "name": "天牧培训学校", "kind": "school"}],
        "Department": [{"id": "dp-police", "name": "双滦公安分局", "kind": "public_security"}],
        "PropertyCompany": [{"id": "pc-1", "name": "安居物业", "hasPartyOrganisation": True}],
        "OwnersCommittee": [{"id": "oc-1", "name": "双安小区业委会"}],
        "ResidentsCommittee": [{"id": "rc-1", "name": "双安社区居委会", "kind": "residents"}],
        "VolunteerTeam": [{"id": "vt-1", "name": "双安志愿服务队"}],
        "MediationCentre": [{"id": "mc-1", "name": "双塔山街道矛调中心"}],
        "LegalOffice": [{"id": "lo-1", "name": "双滦区法院法官工作室", "kind": "judges_office"}],
        "Person": [
            {
                "id": "p-wang",
                "name": "王秀兰",
                "gender": "female",
                "birthYear": 1956,
                "phone": "13800000001",
                "idNumber": "130803195601010021",
                "partyMember": True,
                "retired": True,
                "skills": ["调解", "理发"],
                "availableDays": [1, 3, 5],
                "invented": True,
            },
            {"id": "p-li", "name": "李强", "gender": "male", "birthYear": 1985, "invented": True},
        ],
        "Category": [
            {"id": "cat-elderly", "name": "养老服务", "nameEn": "elderly care"},
            {"id": "cat-meals", "name": "助餐", "nameEn": "meal help"},
        ],
        "Need": [
            {
                "id": "n-meals",
                "title": "独居老人助餐",
                "quantity": 3,
                "unit": "people",
                "urgency": 2,
                "status": "partly_met",
                "raisedOn": "2024-03-01",
                "dueOn": "2024-06-30",
            }
        ],
        "Resource": [
            {
                "id": "r-hall",
                "title": "学校礼堂",
                "kind": "venue",
                "capacity": 200.5,
                "status": "active",
                "availableFrom": "2024-01-01",
                "days": [6, 7],
            }
        ],
        "Project": [
            {
                "id": "pj-training",
                "title": "技能培训进社区",
                "status": "done",
                "claimDeadline": "2024-02-01",
                "doneOn": "2024-05-20",
            }
        ],
        "Task": [{"id": "t-1", "title": "布置礼堂", "status": "done", "dueOn": "2024-04-01"}],
        "Claim": [
            {
                "id": "cl-1",
                "kind": "need",
                "quantity": 2,
                "delivered": 1,
                "status": "active",
                "claimedOn": "2024-03-05",
            }
        ],
        "Agreement": [
            {
                "id": "ag-1",
                "title": "双安社区—天牧培训学校共建协议",
                "signedOn": "2023-09-01",
                "termYears": 2,
            }
        ],
        "Case": [
            {
                "id": "case-1",
                "title": "楼道堆物",
                "kind": "report",
                "severity": 2,
                "status": "closed",
                "level": "grid",
                "reportedAt": "2024-05-01T09:30:00+08:00",
                "closedAt": "2024-05-01T17:05:30.250000+08:00",
                "satisfaction": 5,
                "settled": True,
            }
        ],
        "CaseEvent": [
            {
                "id": "ev-1",
                "seq": 0,
                "at": "2024-05-01T09:30:00+08:00",
                "action": "report",
                "toState": "reported",
            }
        ],
        "Mediation": [
            {
                "id": "md-1",
                "outcome": "settled",
                "sessions": 2,
                "notarised": True,
                "startedOn": "2024-05-02",
            }
        ],
        "TimeLimit": [
            {
                "id": "tl-grid",
                "level": "grid",
                "acceptHours": 2,
                "handleHours": 24,
                "verifyHours": 4,
                "yellowRatio": 0.8,
            }
        ],
        "PointAccount": [
            {"id": "pa-wang", "kind": "person", "name": "王秀兰的积分"},
            {"id": "pa-issuer", "kind": "issuer", "name": "双安社区积分发放"},
        ],
        "PointTransfer": [
            {
                "id": "pt-1",
                "amount": 10,
                "at": "2024-05-02T10:00:00+08:00",
                "reason": "参加助餐志愿服务",
            }
        ],
    }
    rels: dict[str, list[dict[str, Any]]] = {
        "PART_OF": [
            {"from": "s-shuangta", "to": "d-shuangluan"},
            {"from": "c-shuangan", "to": "s-shuangta"},
            {"from": "c-yuxiang", "to": "s-shuangta"},
            {"from": "g-1", "to": "c-shuangan"},
            {"from": "cp-1", "to": "g-1"},
            {"from": "b-3", "to": "cp-1"},
            {"from": "mg-1", "to": "g-1"},
            {"from": "u-3-2", "to": "b-3"},
            {"from": "h-302", "to": "u-3-2"},
            {"from": "al-1", "to": "c-shuangan"},
            {"from": "st-1", "to": "c-shuangan"},
        ],
        "OVERLAYS": [{"from": "fg-legal", "to": "s-shuangta"}],
        "UNDER": [{"from": "po-shuangan", "to": "po-street"}],
        "GOVERNS": [
            {"from": "po-shuangan", "to": "c-shuangan"},
            {"from": "rc-1", "to": "c-shuangan"},
        ],
        "LOCATED_IN": [
            {"from": "mu-tianmu", "to": "c-shuangan"},
            {"from": "r-hall", "to": "c-shuangan"},
        ],
        "BELONGS_TO": [{"from": "po-school", "to": "mu-tianmu"}],
        "MEMBER_OF": [
            {"from": "p-li", "to": "po-school", "since": "2010-07-01", "inService": True}
        ],
        "HOLDS_SEAT": [{"from": "mu-tianmu", "to": "po-shuangan", "since": "2023-09-01"}],
        "SIGNED": [{"from": "mu-tianmu", "to": "ag-1"}],
        "WITH": [{"from": "ag-1", "to": "c-shuangan"}],
        "AGREES": [{"from": "ag-1", "to": "pj-training"}],
        "REPORTS_TO": [{"from": "p-li", "to": "c-shuangan", "on": "2023-10-08"}],
        "HOLDS_ROLE": [
            {"from": "p-wang", "to": "b-3", "role": "building_leader", "since": "2021-01-01"},
            {"from": "p-wang", "to": "g-1", "role": "volunteer"},
            {"from": "p-wang", "to": "g-1", "role": "mediator", "fullTime": False},
            {"from": "p-li", "to": "g-1", "role": "grid_worker", "claimed": True},
        ],
        "MANAGES": [{"from": "pc-1", "to": "cp-1"}],
        "LIVES_IN": [{"from": "p-wang", "to": "h-302"}],
        "SUBCATEGORY_OF": [{"from": "cat-meals", "to": "cat-elderly"}],
        "IN_CATEGORY": [
            {"from": "n-meals", "to": "cat-meals"},
            {"from": "case-1", "to": "cat-elderly"},
            {"from": "tl-grid", "to": "cat-elderly"},
        ],
        "HANDLES": [{"from": "dp-police", "to": "cat-elderly"}],
        "CONCERNS": [{"from": "n-meals", "to": "c-shuangan"}],
        "RAISED": [{"from": "rc-1", "to": "n-meals"}],
        "OFFERS": [{"from": "mu-tianmu", "to": "r-hall"}],
        "ADDRESSES": [{"from": "pj-training", "to": "n-meals"}],
        "MADE_CLAIM": [{"from": "vt-1", "to": "cl-1"}],
        "CLAIMS": [{"from": "cl-1", "to": "n-meals"}],
        "USES": [{"from": "cl-1", "to": "r-hall"}],
        "PART_OF_PROJECT": [{"from": "t-1", "to": "pj-training"}],
        "ASSIGNED_TO": [{"from": "t-1", "to": "p-li"}],
        "AT": [{"from": "case-1", "to": "b-3"}],
        "REPORTED": [{"from": "p-wang", "to": "case-1"}],
        "HELD_BY": [{"from": "case-1", "to": "g-1"}],
        "HANDLED_BY": [{"from": "case-1", "to": "p-li"}],
        "HAS_EVENT": [{"from": "case-1", "to": "ev-1"}],
        "BY": [{"from": "ev-1", "to": "p-wang"}],
        "WHISTLED": [
            {
                "from": "case-1",
                "to": "dp-police",
                "deadline": "2024-05-01T12:00:00+08:00",
                "answer": "arrived",
            }
        ],
        "MEDIATES": [{"from": "md-1", "to": "case-1"}],
        "MEDIATOR_IN": [{"from": "p-wang", "to": "md-1"}],
        "HAS_ACCOUNT": [{"from": "p-wang", "to": "pa-wang"}],
        "DEBIT": [{"from": "pt-1", "to": "pa-issuer"}],
        "CREDIT": [{"from": "pt-1", "to": "pa-wang"}],
    }
    bundle: Bundle = {"nodes": nodes, "relationships": rels}
    return with_every_type(bundle) if every_type else bundle


# A plain value per property type, for records of labels added to the model after the scene.
SAMPLE: dict[str, Any] = {
    "string": "样例",
    "integer": 1,
    "number": 1.5,
    "boolean": True,
    "date": "2024-01-02",
    "datetime": "2024-01-02T03:04:05+08:00",
    "string[]": ["甲"],
    "integer[]": [1],
}


def _sample(prop: Any) -> Any:
    if prop.enum:
        return prop.enum[0]
    if prop.type in ("integer", "number") and prop.minimum is not None:
        return int(prop.minimum) if prop.type == "integer" else float(prop.minimum)
    return SAMPLE[prop.type]


def with_every_type(bundle: Bundle) -> Bundle:
    nodes, rels = bundle["nodes"], bundle["relationships"]
    for label, node in NODES_BY_LABEL.items():
        if label not in nodes:
            record = {k: _sample(p) for k, p in node.props.items() if p.required}
            nodes[label] = [{"id": f"extra-{label}", **record}]
    for type_, rel in RELS_BY_TYPE.items():
        if type_ in rels:
            continue
        start = next(r["id"] for lab in sorted(expand(rel.sources)) for r in nodes.get(lab, [])[:1])
        end = next(
            r["id"]
            for lab in sorted(expand(rel.targets))
            for r in nodes.get(lab, [])
            if r["id"] != start
        )
        record = {k: _sample(p) for k, p in rel.props.items() if p.required}
        rels[type_] = [{"from": start, "to": end, **record}]
    return bundle


def write_dir(root: Path, bundle: Bundle) -> Path:
    """The scene as nodes/<Label>.jsonl and relationships/<TYPE>.jsonl under `root`."""
    for section, folder in (("nodes", "nodes"), ("relationships", "relationships")):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, records in bundle[section].items():
            lines = [json.dumps(r, ensure_ascii=False) for r in records]
            (root / folder / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def write_bundle(path: Path, bundle: Bundle) -> Path:
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def count(bundle: Bundle, section: str) -> int:
    return sum(len(v) for v in bundle[section].values())
