// A handler asks for more time on a case (申请延期); someone above decides later.
// Parameters: $id (string: case), $requestId (string: new external id), $hours (number),
//   $reason (string), $actorId (string or null: who asks, from the token).
// Columns: requestId (string).
MATCH (c:Entity:Case {id: $id})
CREATE (c)-[:HAS_EXTENSION]->(x:Entity:ExtensionRequest {
  id: $requestId, hours: $hours, reason: $reason, status: 'pending',
  requestedAt: datetime.transaction(), requesterId: $actorId
})
RETURN x.id AS requestId
