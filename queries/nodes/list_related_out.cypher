// Pages of the nodes at the far end of outgoing relationships, for a batch of parents.
// One round trip for the whole batch (a DataLoader's keys); each parent gets its own page,
// ordered and windowed by keyset cursors exactly like nodes/list_nodes.
// graph/nodes.py runs it as q(typed(name, hop.types)): `$any($types)` replaced by the static
// types, so Neo4j expands only relationships of those types (graph/cypher.py `typed`).
// Parameters: $parents (list of parent external ids), $types (relationship types from
//   loaders/model.py; unused once typed), $relEquals (list of {prop, values} on the relationship),
//   $currentOnly (true: only relationships whose `until` date has not passed), $props (the
//   property keys a query reads, or null for all: a nested list's people need their names,
//   not their dozen other properties, and the bytes cost the driver more than the rows), and the
//   filter, order and window parameters of nodes/list_nodes except $family and $lucene.
// Columns: pages (one row: a list of {parent (string), total (int), beforeWindow (int),
//   afterWindow (int), inWindow (int), page (list of {id, labels, props (all of them, when
//   $props is null), values (else those of $props, in its order), rel, key, tie}) in the read
//   order}, one per parent found). One row, not one per parent: the driver receives each
//   record as its own Bolt message, read in several awaits, which cost more client CPU than
//   the data (benchmarks/driver_costs.py: the grid workers' 91 rows 5.6 ms, one row 1.7 ms).
UNWIND $parents AS parent
MATCH (p:Entity {id: parent})
CALL (p) {
  MATCH (p)-[r:$any($types)]->(n)
  WHERE all(f IN $relEquals WHERE r[f.prop] IN f.values)
  AND (NOT $currentOnly OR r.until IS NULL OR r.until >= date())
  AND ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
  AND ($contains IS NULL OR toLower(coalesce(n.name, n.title, '')) CONTAINS $contains)
  AND all(f IN $equals WHERE n[f.prop] IN f.values)
  AND all(f IN $includes WHERE any(v IN f.values WHERE v IN coalesce(n[f.prop], [])))
  AND ($categoryId IS NULL OR EXISTS { (n)-[:IN_CATEGORY]->(:Category)-[:SUBCATEGORY_OF*0..]->(:Category {id: $categoryId}) })
  AND all(d IN $dates WHERE n[d.prop] IS NOT NULL AND (d.from IS NULL OR n[d.prop] >= d.from) AND (d.to IS NULL OR n[d.prop] <= d.to))
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
  WITH n, r, coalesce(toString(n[$orderProp]), '\uffff') AS key, n.id + '|' + coalesce(r.role, '') AS tie
  WITH n, r, key, tie,
       ($afterTie IS NULL
         OR (NOT $desc AND (key > $afterKey OR (key = $afterKey AND tie > $afterTie)))
         OR ($desc AND (key < $afterKey OR (key = $afterKey AND tie < $afterTie)))) AS afterOk,
       ($beforeTie IS NULL
         OR (NOT $desc AND (key < $beforeKey OR (key = $beforeKey AND tie < $beforeTie)))
         OR ($desc AND (key > $beforeKey OR (key = $beforeKey AND tie > $beforeTie)))) AS beforeOk
  ORDER BY CASE WHEN $reverse THEN null ELSE key END ASC,
           CASE WHEN $reverse THEN key END DESC,
           CASE WHEN $reverse THEN null ELSE tie END ASC,
           CASE WHEN $reverse THEN tie END DESC
  WITH count(n) AS total,
       count(CASE WHEN NOT afterOk THEN 1 END) AS beforeWindow,
       count(CASE WHEN NOT beforeOk THEN 1 END) AS afterWindow,
       count(CASE WHEN afterOk AND beforeOk THEN 1 END) AS inWindow,
       collect(CASE WHEN afterOk AND beforeOk THEN [n, key, tie, r] END)[..$limit] AS rows
  RETURN total, beforeWindow, afterWindow, inWindow, rows
}
RETURN collect({parent: parent, total: total, beforeWindow: beforeWindow,
       afterWindow: afterWindow, inWindow: inWindow,
       page: [x IN rows | {id: x[0].id, labels: labels(x[0]),
         props: CASE WHEN $props IS NULL THEN properties(x[0]) END,
         values: CASE WHEN $props IS NOT NULL THEN [k IN $props | x[0][k]] END,
         rel: properties(x[3]), key: x[1], tie: x[2]}]}) AS pages
