// The nodes at the far end of outgoing relationships, for a batch of parents, unpaged.
// Only for relationships with few ends per parent (a place's parent, a need's category).
// graph/nodes.py runs it as q(typed(name, hop.types)): `$any($types)` replaced by the static
// types, so Neo4j expands only relationships of those types (graph/cypher.py `typed`).
// Parameters: $parents (list of parent external ids), $types (relationship types from
//   loaders/model.py; unused once typed), $labels (concrete labels to keep or null),
//   $access (see get_nodes).
// Columns: rows (one row: a list of {parent (string), id (string), labels (list), props (map),
//   rel (map)}, ordered by parent, then name or title, then id). One row for the batch: see
//   list_related_in on what a record per row costs the driver.
UNWIND $parents AS parent
MATCH (p:Entity {id: parent})-[r:$any($types)]->(n)
WHERE ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
  AND all(clause IN $access WHERE n:Category OR any(g IN clause WHERE
    (g.places IS NOT NULL
      AND (g.openNeedsOnly IS NULL OR (n:Need AND n.status IN ['open', 'partly_met']))
      AND (EXISTS { (n)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO|CONCERNS|WITH|AT]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)-[:CLAIMS|PART_OF_PROJECT]->()-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)<-[:OFFERS|HAS_ACCOUNT]-()-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }
        OR EXISTS { (n)-[:HOLDS_ROLE|MEMBER_OF]->(:Organisation)-[:GOVERNS|LOCATED_IN]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN g.places }))
    OR (g.orgs IS NOT NULL AND (n.id IN g.orgs
      OR EXISTS { (n)-[:MEMBER_OF]->(o:Organisation) WHERE o.id IN g.orgs }
      OR EXISTS { (n)<-[:MADE_CLAIM]-(o:Organisation) WHERE o.id IN g.orgs }))
    OR (g.actingOrgs IS NOT NULL AND (n.id IN g.actingOrgs
      OR EXISTS { (n)<-[:MADE_CLAIM|OFFERS]-(o:Organisation) WHERE o.id IN g.actingOrgs }
      OR EXISTS { (n:Need)-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(:Place)<-[:GOVERNS|LOCATED_IN|REPORTS_TO]-(o:Organisation) WHERE o.id IN g.actingOrgs }))
    OR (g.self IS NOT NULL AND (n.id = g.self
      OR EXISTS { (n)<-[:MADE_CLAIM|OFFERS]-(p:Person) WHERE p.id = g.self }))))
WITH parent, n, r
ORDER BY parent, coalesce(n.name, n.title, n.id), n.id
RETURN collect({parent: parent, id: n.id, labels: labels(n), props: properties(n), rel: properties(r)}) AS rows
