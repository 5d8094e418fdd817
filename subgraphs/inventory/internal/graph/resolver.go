// Package graph is inventory's GraphQL transport: resolvers decode
// arguments, call one app method and convert the result.
package graph

import "github.com/purra/supergraph/subgraphs/inventory/internal/app"

// This file will not be regenerated automatically.

// Resolver carries the dependencies of the resolvers.
type Resolver struct {
	App *app.App
}
