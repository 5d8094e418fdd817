// Package migrations holds the banners' goose migrations, applied at start
// by platform/service under an advisory lock.
package migrations

import "embed"

// FS is every migration, in version order.
//
//go:embed *.sql
var FS embed.FS
