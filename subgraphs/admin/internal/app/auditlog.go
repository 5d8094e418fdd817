package app

import (
	"context"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

// LogPage is a page of the audit log.
type LogPage struct {
	Entries     []admin.LogEntry
	HasNextPage bool
	TotalCount  int
}

// AuditLogs returns a page of the audit log, newest first (audit:read).
func (a *App) AuditLogs(ctx context.Context, f admin.LogFilter, first *int, after *string) (LogPage, error) {
	if _, err := requirePermission(ctx, admin.ReadAudit); err != nil {
		return LogPage{}, err
	}
	if err := f.Validate(); err != nil {
		return LogPage{}, err
	}
	p, err := admin.ParsePage(first, after)
	if err != nil {
		return LogPage{}, err
	}
	entries, next, total, err := a.store.LogEntries(ctx, f, p)
	return LogPage{Entries: entries, HasNextPage: next, TotalCount: total}, err
}
