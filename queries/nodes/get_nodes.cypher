// Nodes by external id with their labels and properties, kept only when in scope.
// Parameters: $ids (list of external ids), $access (list of clauses, each a list of grants:
//   a node is kept when every clause holds a grant that reaches it; [] keeps all; the
//   grants are graph/nodes.py Access).
// Columns: nodes (one row: a list of {id (string), labels (list of strings), props (map)}, one
//   per node found; one row for the batch: see list_related_in).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE all(clause IN $access WHERE n:Category OR any(g IN clause WHERE
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
RETURN collect({id: n.id, labels: labels(n), props: properties(n)}) AS nodes
