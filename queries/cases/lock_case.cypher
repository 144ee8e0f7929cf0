// Lock a case for one step and read what the step's checks need, inside the step's
// transaction. The write lock is taken before any property is read (a marker set and
// removed), so a concurrent step on the same case waits here and then reads the committed
// version: of two racing steps with the same version exactly one passes the check.
// Parameters: $id (string: the case's external id), $scopes (list of place ids the actor
//   reads under, or null: everywhere), $writeScopes (list of place ids the actor writes
//   under, or null: everywhere).
// Columns: case (map: the case's properties), heldById (string), mayAct (bool: the holding
//   place lies in the actor's write scope), isAbove (bool: the actor's write scope lies
//   strictly above the holding place), whistles (list of {departmentId, answer, deadline}), pendingMediations
//   (list of ids), pendingExtensions (list of maps).
// No row: no such case, or not visible to the actor.
MATCH (c:Entity:Case {id: $id})-[:AT]->(at:Place)
WHERE $scopes IS NULL OR EXISTS { (at)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $scopes }
SET c._lock = true
REMOVE c._lock
WITH c
OPTIONAL MATCH (c)-[:HELD_BY]->(h:Place)
RETURN c {.*} AS case,
       h.id AS heldById,
       $writeScopes IS NULL
         OR EXISTS { (h)-[:PART_OF*0..]->(s:Place) WHERE s.id IN $writeScopes } AS mayAct,
       $writeScopes IS NULL
         OR EXISTS { (h)-[:PART_OF*1..]->(s:Place) WHERE s.id IN $writeScopes } AS isAbove,
       COLLECT {
         MATCH (c)-[w:WHISTLED]->(d:Department)
         RETURN {departmentId: d.id, answer: w.answer, deadline: w.deadline}
       } AS whistles,
       COLLECT { MATCH (m:Mediation {outcome: 'pending'})-[:MEDIATES]->(c) RETURN m.id } AS pendingMediations,
       COLLECT {
         MATCH (c)-[:HAS_EXTENSION]->(x:ExtensionRequest {status: 'pending'})
         RETURN x {.*}
       } AS pendingExtensions
