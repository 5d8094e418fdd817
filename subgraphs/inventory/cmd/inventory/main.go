// Command inventory runs the inventory subgraph (`inventory`) or prepares its
// database (`inventory seed`: stock arrives from catalog's variant.created).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/inventory/internal/server"
)

func main() { service.Main(server.Spec()) }
