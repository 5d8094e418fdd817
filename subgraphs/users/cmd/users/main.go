// Command users runs the users subgraph (`users`) or loads its demo data (`users seed`).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/users/internal/server"
)

func main() { service.Main(server.Spec()) }
