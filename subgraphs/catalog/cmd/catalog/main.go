// Command catalog serves the catalog subgraph (`catalog seed` loads the demo catalogue).
package main

import (
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/catalog/internal/server"
)

func main() { service.Main(server.Spec()) }
