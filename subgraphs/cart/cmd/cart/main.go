// Command cart runs the cart subgraph (`cart`); `cart seed` only migrates:
// carts and wishlists come from user.registered events.
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/cart/internal/server"
)

func main() { service.Main(server.Spec()) }
