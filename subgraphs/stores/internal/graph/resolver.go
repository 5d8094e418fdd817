package graph

import "github.com/purra/supergraph/subgraphs/stores/internal/app"

// This file will not be regenerated automatically.

// Resolver carries the dependencies of the resolvers, whose bodies decode
// arguments, call one App method and convert the result.
type Resolver struct {
	App *app.App
}
