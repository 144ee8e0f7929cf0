// Entities whose name or title matches a full-text phrase (CJK bigrams), best first.
// Parameters: $lucene (escaped Lucene phrase), $labels (labels to keep, concrete or super
//   labels such as Place, or null), $placeSets (see get_nodes), $limit.
// Columns: id (string), labels (list), props (map), score (float).
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WITH node AS n, score
WHERE ($labels IS NULL OR any(l IN labels(n) WHERE l IN $labels))
  AND all(ps IN $placeSets WHERE n:Category
    OR EXISTS { (n)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO|CONCERNS|WITH|AT]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)-[:CLAIMS|PART_OF_PROJECT]->()-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)<-[:OFFERS|HAS_ACCOUNT]-()-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)-[:HOLDS_ROLE|MEMBER_OF]->(:Organisation)-[:GOVERNS|LOCATED_IN]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps })
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, score
ORDER BY score DESC, n.id
LIMIT $limit
