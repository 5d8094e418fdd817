// Command orders runs the orders subgraph (`orders`); `orders seed` only migrates (orders has no demo data).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/orders/internal/server"
)

func main() { service.Main(server.Spec()) }
