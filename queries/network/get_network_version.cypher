// A cheap version of everything the network projections read: node counts per label and
// relationship counts per type, each answered from Neo4j's count store in constant time
// (no scan), so the analyses cache can ask it on every request. Adding or removing an
// agreement, claim, report, membership, need or place changes it; editing a property in
// place (a claim withdrawn, an agreement's end date) does not, which is why cached results
// also expire after a short time (graph/network/cache.py).
// Parameters: none.
// Columns: counts (list of ints, in a fixed order).
CALL () { MATCH (n:Community) RETURN count(n) AS communities }
CALL () { MATCH (n:Organisation) RETURN count(n) AS organisations }
CALL () { MATCH (n:Agreement) RETURN count(n) AS agreements }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () { MATCH (n:Project) RETURN count(n) AS projects }
CALL () { MATCH (n:Need) RETURN count(n) AS needs }
CALL () { MATCH (n:Resource) RETURN count(n) AS resources }
CALL () { MATCH ()-[r:SIGNED]->() RETURN count(r) AS signed }
CALL () { MATCH ()-[r:WITH]->() RETURN count(r) AS withs }
CALL () { MATCH ()-[r:AGREES]->() RETURN count(r) AS agrees }
CALL () { MATCH ()-[r:MADE_CLAIM]->() RETURN count(r) AS madeClaim }
CALL () { MATCH ()-[r:CLAIMS]->() RETURN count(r) AS claimsRel }
CALL () { MATCH ()-[r:CONCERNS]->() RETURN count(r) AS concerns }
CALL () { MATCH ()-[r:REPORTS_TO]->() RETURN count(r) AS reportsTo }
CALL () { MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS memberOf }
CALL () { MATCH ()-[r:BELONGS_TO]->() RETURN count(r) AS belongsTo }
CALL () { MATCH ()-[r:PART_OF]->() RETURN count(r) AS partOf }
CALL () { MATCH ()-[r:LOCATED_IN]->() RETURN count(r) AS locatedIn }
CALL () { MATCH ()-[r:OFFERS]->() RETURN count(r) AS offers }
CALL () { MATCH ()-[r:IN_CATEGORY]->() RETURN count(r) AS inCategory }
RETURN [communities, organisations, agreements, claims, projects, needs, resources, signed,
        withs, agrees, madeClaim, claimsRel, concerns, reportsTo, memberOf, belongsTo, partOf,
        locatedIn, offers, inCategory] AS counts
