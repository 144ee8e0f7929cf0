// Cases by external id, as the actor may see them (cases whose place lies in scope), with
// the places, category and people they link to, for the Case type.
// Parameters: $ids (list of external ids), $scopes (list of place ids or null: everywhere).
// Columns: id (string), case (map), place (map {id, label, name}), heldBy (map or null),
//   category (map or null), reporter (map or null), handlers (list of maps).
UNWIND $ids AS id
MATCH (c:Entity:Case {id: id})-[:AT]->(at:Place)
WHERE $scopes IS NULL OR EXISTS { (at)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $scopes }
OPTIONAL MATCH (c)-[:HELD_BY]->(h:Place)
OPTIONAL MATCH (c)-[:IN_CATEGORY]->(cat:Category)
RETURN id AS id,
       c {.*} AS case,
       at {.id, .name, label: [l IN labels(at) WHERE NOT l IN ['Entity', 'Place']][0]} AS place,
       h {.id, .name, label: [l IN labels(h) WHERE NOT l IN ['Entity', 'Place']][0]} AS heldBy,
       cat {.id, .name, label: 'Category'} AS category,
       COLLECT {
         MATCH (r:Entity)-[:REPORTED]->(c)
         RETURN r {.id, .name, label: [l IN labels(r) WHERE NOT l IN ['Entity', 'Organisation']][0]}
       }[0] AS reporter,
       COLLECT {
         MATCH (c)-[:HANDLED_BY]->(p:Person) RETURN p {.id, .name, label: 'Person'} ORDER BY p.id
       } AS handlers
