// Command payments serves the payments subgraph (`payments seed` only migrates: payments has no demo data of its own).
package main

import (
	"github.com/purra/supergraph/platform/service"

	"github.com/purra/supergraph/subgraphs/payments/internal/server"
)

func main() { service.Main(server.Spec()) }
