// Package graph is the catalogue's GraphQL transport: resolvers decode
// arguments, call app (writes, searches, the cached product page) or the
// per-request loaders (edges), and convert to models.
package graph

import (
	"github.com/purra/supergraph/subgraphs/catalog/internal/app"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

// This file will not be regenerated automatically.

// Resolver holds the dependencies of every resolver.
type Resolver struct {
	App   *app.App
	Reads *store.Store // batch reads for the loaders (see loaders.go)
}
