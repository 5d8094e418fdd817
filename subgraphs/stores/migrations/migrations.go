// Package migrations holds the stores database schema, applied by goose at
// start-up (under an advisory lock) after the platform's tables.
package migrations

import "embed"

// FS is every migration, in version order.
//
//go:embed *.sql
var FS embed.FS
