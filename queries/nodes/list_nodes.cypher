// A page of one family of entities (a root connection), paged by keyset cursors.
// Candidates come from the CJK full-text index when $lucene is given, else from the family's
// label; each guarded branch costs nothing unless chosen. Then filters, scope, order, window.
// Parameters: $family (static family label from loaders/model.py: Place, Organisation, Person,
//   Category, Need, Resource, Project, Task, Claim, Agreement, PointAccount, PointTransfer),
//   $lucene (escaped Lucene phrase or null), $labels (concrete labels to keep or null),
//   $contains (lower-case substring of name/title or null), $equals (list of {prop, values}),
//   $includes (list of {prop, values}: a list prop holding any of the values),
//   $categoryId (category id, sub-categories included, or null),
//   $dates (list of {prop, from, to}), $access (see get_nodes),
//   $orderProp (property to order by), $desc (descending), $reverse (read from the far end:
//   $desc XOR last), $afterKey/$afterTie, $beforeKey/$beforeTie (cursor bounds or null), $limit.
// Columns: total (int), beforeWindow (int), afterWindow (int), inWindow (int),
//   page (list of {id, labels, props, rel, key, tie}), in the read order.
CALL () {
  WITH 1 AS one WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node
  RETURN node AS n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Place' MATCH (n:Place) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Organisation' MATCH (n:Organisation) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Person' MATCH (n:Person) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Category' MATCH (n:Category) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Need' MATCH (n:Need) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Resource' MATCH (n:Resource) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Project' MATCH (n:Project) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Task' MATCH (n:Task) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Claim' MATCH (n:Claim) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'Agreement' MATCH (n:Agreement) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'PointAccount' MATCH (n:PointAccount) RETURN n
  UNION ALL
  WITH 1 AS one WHERE $lucene IS NULL AND $family = 'PointTransfer' MATCH (n:PointTransfer) RETURN n
}
WITH n
WHERE $family IN labels(n)
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
WITH n, coalesce(toString(n[$orderProp]), '\uffff') AS key, n.id AS tie
WITH n, key, tie,
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
     collect(CASE WHEN afterOk AND beforeOk THEN [n, key, tie] END)[..$limit] AS rows
RETURN total, beforeWindow, afterWindow, inWindow,
       [r IN rows | {id: r[0].id, labels: labels(r[0]), props: properties(r[0]), rel: null, key: r[1], tie: r[2]}] AS page
