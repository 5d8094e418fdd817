// Package graph is the orders subgraph's GraphQL transport: resolvers decode
// arguments, call app (or the per-request loaders for edges) and convert to
// models.
package graph

import (
	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/live"
)

// This file will not be regenerated automatically.

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	App *app.App
	Hub *live.Hub // this instance's status-change subscribers
}
