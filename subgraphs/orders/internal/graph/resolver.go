// Package graph is the orders subgraph's GraphQL transport: resolvers decode
// arguments, call app (or the per-request loaders for edges) and convert to
// models.
package graph

import (
	"context"

	"github.com/purra/supergraph/subgraphs/orders/internal/app"
	"github.com/purra/supergraph/subgraphs/orders/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/orders/internal/live"
)

// This file will not be regenerated automatically.

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	App *app.App
	Hub *live.Hub // this instance's status-change subscribers
}

// connection converts a page and records its orders as siblings for the loaders.
func (r *Resolver) connection(ctx context.Context, p app.OrderPage) *model.OrderConnection {
	c := toConnection(p)
	nodes := make([]*model.Order, len(c.Edges))
	for i, e := range c.Edges {
		nodes[i] = e.Node
	}
	For(ctx).group(nodes)
	return c
}
