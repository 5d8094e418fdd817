// Command notifications serves the notifications subgraph (`notifications seed` loads the templates).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/notifications/internal/server"
)

func main() { service.Main(server.Spec()) }
