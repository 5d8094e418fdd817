// Command reviews serves the reviews subgraph (port 3007): product reviews,
// their moderation and the products' rating rollup.
package main

import (
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/reviews/internal/server"
)

func main() { service.Main(server.Spec()) }
