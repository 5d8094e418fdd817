// Package platform is the shared plumbing of every Purra subgraph: configuration,
// logging, Postgres, migrations, the transactional outbox, Kafka, auth, GraphQL
// serving, caching and rate limiting. It is a library: it never imports a
// subgraph and holds no domain types (money formatting aside, which every
// price-bearing subgraph shares).
package platform
