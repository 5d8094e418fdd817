// Command admin serves the admin subgraph (back-office accounts, roles,
// sessions and the audit log of every subgraph).
package main

import (
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/subgraphs/admin/internal/server"
)

func main() { service.Main(server.Spec()) }
