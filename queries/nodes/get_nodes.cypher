// Nodes by external id with their labels and properties, kept only when in scope.
// Parameters: $ids (list of external ids), $placeSets (list of lists of place ids: a node is
//   kept when it sits under some place of every set; [] keeps all; graph/scope.py says where
//   each kind of node sits).
// Columns: id (string), labels (list of strings), props (map), rel (null), key (null), tie (null).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE all(ps IN $placeSets WHERE n:Category
    OR EXISTS { (n)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO|CONCERNS|WITH|AT]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)-[:CLAIMS|PART_OF_PROJECT]->()-[:CONCERNS]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)<-[:OFFERS|HAS_ACCOUNT]-()-[:GOVERNS|LOCATED_IN|LIVES_IN|HOLDS_ROLE|REPORTS_TO]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps }
    OR EXISTS { (n)-[:HOLDS_ROLE|MEMBER_OF]->(:Organisation)-[:GOVERNS|LOCATED_IN]->(:Place)-[:PART_OF*0..]->(s:Place) WHERE s.id IN ps })
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, null AS rel, null AS key, null AS tie
