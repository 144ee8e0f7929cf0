// The peer gridlink is measured against (issue 9): the Neo4j GraphQL Library on Apollo
// Server, one Node process, over the same Neo4j and the same data as gridlink.
// Type definitions cover the part of gridlink's model the benchmark operations touch.
// Every Cypher statement the library sends is recorded (text and parameters) so the
// benchmark can count round trips and PROFILE them; GET /__captured returns and clears them.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Role @relationshipProperties {
    role: String!
    fullTime: Boolean
    since: Date
  }

  type District @node(labels: ["District", "Place", "Entity"]) {
    id: ID!
    name: String!
    kind: String
    streets: [Street!]! @relationship(type: "PART_OF", direction: IN)
  }

  type Street @node(labels: ["Street", "Place", "Entity"]) {
    id: ID!
    name: String!
    kind: String
    district: [District!]! @relationship(type: "PART_OF", direction: OUT)
    communities: [Community!]! @relationship(type: "PART_OF", direction: IN)
  }

  type Community
    @node(labels: ["Community", "Place", "Entity"])
    @fulltext(indexes: [{ indexName: "entity_names", queryName: "communitiesByName", fields: ["name"] }]) {
    id: ID!
    name: String!
    kind: String
    street: [Street!]! @relationship(type: "PART_OF", direction: OUT)
    grids: [Grid!]! @relationship(type: "PART_OF", direction: IN)
    needs: [Need!]! @relationship(type: "CONCERNS", direction: IN)
  }

  type Grid @node(labels: ["Grid", "Place", "Entity"]) {
    id: ID!
    name: String!
    level: Int
    community: [Community!]! @relationship(type: "PART_OF", direction: OUT)
    staff: [Person!]! @relationship(type: "HOLDS_ROLE", direction: IN, properties: "Role")
  }

  type Person @node(labels: ["Person", "Entity"]) {
    id: ID!
    name: String!
    phone: String
  }

  type Category @node(labels: ["Category", "Entity"]) {
    id: ID!
    name: String!
  }

  type Need @node(labels: ["Need", "Entity"]) {
    id: ID! @id
    title: String!
    quantity: Float!
    status: String!
    urgency: Int
    raisedOn: Date!
    category: [Category!]! @relationship(type: "IN_CATEGORY", direction: OUT)
    place: [Community!]! @relationship(type: "CONCERNS", direction: OUT)
  }
`;

const captured = [];

// neo4j Integers (and anything nested) as plain JSON numbers, so the benchmark can replay them.
const plain = (value) => {
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return { $date: value.toString() };
  if (neo4j.isDateTime(value)) return { $datetime: value.toString() };
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object" && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
};

function recordingDriver(driver) {
  // Wrap every transaction's run() so each statement sent is kept with its parameters.
  const wrapTx = (tx) =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === "run") {
          return (query, params, ...rest) => {
            captured.push({ query, params: plain(params ?? {}) });
            return target.run(query, params, ...rest);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const wrapSession = (session) =>
    new Proxy(session, {
      get(target, prop) {
        if (prop === "executeRead" || prop === "executeWrite") {
          return (work, config) => target[prop]((tx) => work(wrapTx(tx)), config);
        }
        if (prop === "run") {
          return (query, params, ...rest) => {
            captured.push({ query, params: plain(params ?? {}) });
            return target.run(query, params, ...rest);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === "session") return (...args) => wrapSession(target.session(...args));
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT ?? 4000);
const adminPort = Number(process.env.ADMIN_PORT ?? port + 1);
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "x"));
const neoSchema = new Neo4jGraphQL({ typeDefs, driver: recordingDriver(driver) });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });

http
  .createServer((req, res) => {
    if (req.url === "/__captured") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(captured.splice(0)));
    } else {
      res.statusCode = 404;
      res.end();
    }
  })
  .listen(adminPort, "127.0.0.1");

console.log(`peer ready ${url} admin http://127.0.0.1:${adminPort}`);
