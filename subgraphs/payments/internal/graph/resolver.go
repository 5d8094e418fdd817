// Package graph is the payments subgraph's GraphQL transport: resolvers
// decode arguments, call app or the per-request loaders, and convert to
// models.
package graph

import "github.com/purra/supergraph/subgraphs/payments/internal/app"

// This file will not be regenerated automatically.

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	App *app.App
}
