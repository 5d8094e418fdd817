// Command stores runs the stores subgraph (`stores`) or loads its demo data
// (`stores seed`).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/stores/internal/server"
)

func main() { service.Main(server.Spec()) }
