// Full-text search over names and titles that works for Chinese (Lucene CJK bigrams).
// One character alone does not match under CJK; name_text_index serves CONTAINS for that.
// Parameters: none. Columns: none.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:District|Street|Community|Grid|MicroGrid|FunctionalGrid|Compound|Building|EntranceUnit|Alley|Household|ServiceStation|PartyOrganisation|MemberUnit|Department|PropertyCompany|OwnersCommittee|ResidentsCommittee|VolunteerTeam|MediationCentre|LegalOffice|Person|Need|Resource|Project|Task|Agreement)
ON EACH [n.name, n.title]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false}}
