// The joint-building partnership network (共建网络) in one pass: member units and
// communities (社区/村) linked by agreements (共建协议: SIGNED/WITH), project claims (认领:
// MADE_CLAIM/CLAIMS on projects agreed with the community or concerning a place in it) and
// dual reporting (双报到: a unit's party organisation REPORTS_TO the community), and claims
// on the community's needs (认领需求); the unit's in-service members (在职党员) who report
// to the community add weight to such a tie but make none alone. A link counts when it is
// alive in the window: an agreement signed by $to and not ended before $from; a project
// claim made by $to, not withdrawn, on a project not cancelled and not done before $from; a
// need claim made by $to that is still active or was made on or after $from; a report made
// by $to. A unit acting through its party organisation (BELONGS_TO) is the unit. Partners
// are organisations outside the community's own bodies: party organisations without a unit,
// residents' and owners' committees (两委, 业委会) and whoever GOVERNS the community are not
// partners of it (they co-sign its agreements). Member units with no link appear when they
// are located in scope. Weight = sum over agreements, claimed projects and needs, and
// organisation reports of 0.5^(age / $halfLifeDays), age counted from the event's date to
// $asOf, plus 0.5 * log2(1 + in-service members reporting). People are only counted.
// Communities are kept when at or under $scopeId (null: everywhere) and under one of
// $scopes (null: every place); the walk goes up each community's short parent chain, so a
// small scope and a large graph cost the same few thousand short walks.
// Parameters: $scopeId (place id or null), $scopes (list of place ids or null), $from, $to,
//   $asOf (Date), $halfLifeDays (float), $needLimit (int: open needs kept per community).
// Columns: communities (list of maps: id, label, name, kind, population, parent),
//   units (list of maps: id, label, name, kind, resourceCategories),
//   links (list of maps: unit, community, weight, agreements, projects, needs, reports,
//   members, latest),
//   needs (list of maps: community, openNeeds (list of id, title, urgency, status, category,
//   categories: the need's category id and its ancestors')).
CALL () {
  MATCH (c:Community)
  WHERE ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
    AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
  OPTIONAL MATCH (c)-[:PART_OF]->(parent:Place)
  RETURN collect({
    id: c.id, label: 'Community', name: c.name, kind: c.kind,
    population: c.population, parent: parent.name
  }) AS communities
}
CALL () {
  CALL () {
    MATCH (c:Community)
    WHERE ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    CALL (c) {
      MATCH (c)<-[:WITH]-(a:Agreement)<-[:SIGNED]-(o:Organisation)
      WHERE a.signedOn <= $to AND coalesce(a.endsOn, $to) >= $from
      RETURN o, 'agreement' AS via, a.id AS key, a.signedOn AS on
      UNION
      MATCH (c)<-[:WITH]-(:Agreement)-[:AGREES]->(p:Project)<-[:CLAIMS]-(cl:Claim)<-[:MADE_CLAIM]-(o:Organisation)
      WHERE cl.status <> 'withdrawn' AND cl.claimedOn <= $to AND p.status <> 'cancelled'
        AND coalesce(p.doneOn, $to) >= $from
      RETURN o, 'project' AS via, p.id AS key, cl.claimedOn AS on
    }
    RETURN c, o, via, key, on
    UNION
    // Projects concerning a place inside a community are found from the claim side:
    // walking down from every community would visit every household.
    MATCH (cl:Claim {kind: 'project'})-[:CLAIMS]->(p:Project)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(c:Community)
    WHERE cl.status <> 'withdrawn' AND cl.claimedOn <= $to
      AND p.status <> 'cancelled' AND coalesce(p.doneOn, $to) >= $from
      AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    MATCH (o:Organisation)-[:MADE_CLAIM]->(cl)
    RETURN c, o, 'project' AS via, p.id AS key, cl.claimedOn AS on
    UNION
    // From the organisations' side: most reports to a community come from people.
    MATCH (o:PartyOrganisation)-[r:REPORTS_TO]->(c:Community)
    WHERE r.on <= $to
      AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    RETURN c, o, 'report' AS via, o.id AS key, r.on AS on
    UNION
    MATCH (cl:Claim {kind: 'need'})-[:CLAIMS]->(need:Need)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(c:Community)
    WHERE cl.status <> 'withdrawn' AND cl.claimedOn <= $to
      AND (cl.status = 'active' OR cl.claimedOn >= $from)
      AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    MATCH (o:Organisation)-[:MADE_CLAIM]->(cl)
    RETURN c, o, 'need' AS via, need.id AS key, cl.claimedOn AS on
  }
  MATCH (o)-[:BELONGS_TO*0..1]->(u:Organisation)
  WHERE NOT (u:PartyOrganisation OR u:ResidentsCommittee OR u:OwnersCommittee)
    AND NOT (u)-[:GOVERNS]->(c)
  // One event per (pair, kind, key): the same project claimed twice counts once, at its latest claim.
  WITH u, c, via, key, max(on) AS on
  WITH u, c,
       sum(0.5 ^ (toFloat(duration.inDays(on, $asOf).days) / $halfLifeDays)) AS decayed,
       count(CASE via WHEN 'agreement' THEN 1 END) AS agreements,
       count(CASE via WHEN 'project' THEN 1 END) AS projects,
       count(CASE via WHEN 'need' THEN 1 END) AS needs,
       count(CASE via WHEN 'report' THEN 1 END) AS reports,
       max(on) AS latest
  // In-service members (在职党员) add weight to a tie but make none, so they are counted
  // for the pairs already tied only (a city's 143,000 members live scattered over thousands
  // of communities and would bury the institutional network), once per unit: the
  // communities its members report to, one entry per member and community.
  WITH u, collect({c: c, decayed: decayed, agreements: agreements, projects: projects,
                   needs: needs, reports: reports, latest: latest}) AS pairs
  WITH u, pairs, COLLECT {
    MATCH (u)<-[:BELONGS_TO]-(:PartyOrganisation)<-[m:MEMBER_OF]-(p:Person)-[r:REPORTS_TO]->(x:Community)
    WHERE m.inService = true AND r.on <= $to
    WITH DISTINCT p, x
    RETURN x.id
  } AS reportedTo
  UNWIND pairs AS pair
  WITH u, pair, pair.c AS c, size([id IN reportedTo WHERE id = pair.c.id]) AS members
  RETURN collect({
    unit: u.id, community: c.id,
    weight: pair.decayed + 0.5 * log(1.0 + members) / log(2.0),
    agreements: pair.agreements, projects: pair.projects, needs: pair.needs,
    reports: pair.reports, members: members, latest: pair.latest
  }) AS links, collect(DISTINCT u) AS linked
}
CALL (linked) {
  CALL (linked) {
    UNWIND linked AS u
    RETURN u
    UNION
    MATCH (u:MemberUnit)
    WHERE ($scopeId IS NULL OR EXISTS { (u)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
      AND ($scopes IS NULL OR EXISTS { (u)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
    RETURN u
  }
  RETURN collect({
    id: u.id,
    label: [l IN labels(u) WHERE NOT l IN ['Entity', 'Organisation']][0],
    name: u.name, kind: u.kind,
    resourceCategories: COLLECT {
      MATCH (u)-[:OFFERS]->(:Resource {status: 'active'})-[:IN_CATEGORY]->(k:Category)
      RETURN DISTINCT k.id
    }
  }) AS units
}
// Open needs (需求清单) of each community, most urgent first, with their category and its
// ancestors so a unit's resources can be matched to them.
CALL () {
  MATCH (n:Need)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(c:Community)
  WHERE n.status IN ['open', 'partly_met']
    AND ($scopeId IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(:Place {id: $scopeId}) })
    AND ($scopes IS NULL OR EXISTS { (c)-[:PART_OF*0..]->(v:Place) WHERE v.id IN $scopes })
  WITH DISTINCT c, n
  ORDER BY coalesce(n.urgency, 1) DESC, n.raisedOn, n.id
  WITH c, collect({
    id: n.id, title: n.title, urgency: n.urgency, status: n.status,
    category: COLLECT { MATCH (n)-[:IN_CATEGORY]->(k:Category) RETURN k.name }[0],
    categories: COLLECT {
      MATCH (n)-[:IN_CATEGORY]->(:Category)-[:SUBCATEGORY_OF*0..]->(k:Category)
      RETURN DISTINCT k.id
    }
  })[..$needLimit] AS openNeeds
  RETURN collect({community: c.id, openNeeds: openNeeds}) AS needs
}
RETURN communities, units, links, needs
