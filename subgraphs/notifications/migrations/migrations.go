// Package migrations holds the notifications database schema, applied by goose at
// start-up after the platform's tables (outbox, processed_events, failed_events).
package migrations

import "embed"

//go:embed *.sql
var FS embed.FS
