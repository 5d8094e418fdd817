// Package graph is the reviews subgraph's GraphQL transport: resolvers
// decode arguments, call one app method (or a per-request loader) and
// convert the result.
package graph

import (
	"github.com/purra/supergraph/subgraphs/reviews/internal/app"
)

// This file will not be regenerated automatically.

// Resolver carries the dependencies of the resolvers.
type Resolver struct {
	App *app.App
}
