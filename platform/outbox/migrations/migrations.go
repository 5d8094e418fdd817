// Package migrations holds the platform tables every subgraph database has
// (outbox, processed_events, failed_events), applied before the subgraph's own.
package migrations

import "embed"

//go:embed *.sql
var FS embed.FS
