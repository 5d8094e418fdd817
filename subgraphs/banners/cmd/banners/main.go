// Command banners serves the banners subgraph (`banners seed` loads the demo banners).
package main

import (
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/banners/internal/server"
)

func main() { service.Main(server.Spec()) }
