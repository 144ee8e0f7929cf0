// Runs the GraphQL-over-HTTP server audits that the npm package graphql-http ships against
// a running service and prints one JSON array: [{id, name, status, reason}].
// Usage: node graphql_http_audit.mjs http://127.0.0.1:PORT/graphql
// GRIDLINK_AUDIT_HEADERS (a JSON object) is added to every request, for a service that
// wants a token: the audits themselves send anonymous requests.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node graphql_http_audit.mjs <graphql url>');
  process.exit(2);
}
const extra = JSON.parse(process.env.GRIDLINK_AUDIT_HEADERS || '{}');

function fetchWithHeaders(input, init = {}) {
  const headers = new Headers(init.headers || {});
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return fetch(input, { ...init, headers });
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetchWithHeaders })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
process.stdout.write(JSON.stringify(results));
