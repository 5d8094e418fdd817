// Package graph is the notifications subgraph's GraphQL transport:
// resolvers decode arguments, call app and convert to models.
package graph

import "github.com/purra/supergraph/subgraphs/notifications/internal/app"

// This file will not be regenerated automatically.

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	App *app.App
}
