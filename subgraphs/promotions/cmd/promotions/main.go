// Command promotions runs the promotions subgraph (`promotions`) or loads its
// demo coupons and rules (`promotions seed`).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/promotions/internal/server"
)

func main() { service.Main(server.Spec()) }
