// Package graph is the banners' GraphQL transport: resolvers decode
// arguments, call app and convert the result to models.
package graph

import "github.com/purra/supergraph/subgraphs/banners/internal/app"

// This file will not be regenerated automatically.

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	App *app.App
}
