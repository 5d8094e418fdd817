package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
)

// InsertLogEntry stores an admin.action event in tx (the consumer's
// transaction); a redelivered event inserts nothing.
func InsertLogEntry(ctx context.Context, tx pgx.Tx, e admin.LogEntry) error {
	_, err := tx.Exec(ctx, `INSERT INTO admin_audit_logs
		(id, admin_id, session_id, permission, action, target_type, target_id, before, after, ip, request_id, service, at)
		VALUES ($1, $2, nullif($3, ''), $4, $5, $6, $7, $8, $9, nullif($10, ''), nullif($11, ''), $12, $13)
		ON CONFLICT (id) DO NOTHING`,
		e.ID, e.AdminID, e.SessionID, e.Permission, e.Action, e.TargetType, e.TargetID,
		jsonOrNull(e.Before), jsonOrNull(e.After), e.IP, e.RequestID, e.Service, e.At)
	if err != nil {
		return fmt.Errorf("insert audit entry: %w", err)
	}
	return nil
}

// jsonOrNull maps an absent or JSON null summary to SQL NULL.
func jsonOrNull(raw []byte) any {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return json.RawMessage(raw)
}

// LogEntries returns a page of entries matching f, newest first, whether
// more follow, and how many match in all.
func (s *Store) LogEntries(ctx context.Context, f admin.LogFilter, p admin.Page) (entries []admin.LogEntry, hasNext bool, total int, err error) {
	var where []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, len(args)))
	}
	if f.AdminID != "" {
		add("admin_id = $%d", f.AdminID)
	}
	if f.Action != "" {
		add("action = $%d", f.Action)
	}
	if f.TargetType != "" {
		add("target_type = $%d", f.TargetType)
	}
	if f.TargetID != "" {
		add("target_id = $%d", f.TargetID)
	}
	if f.From != nil {
		add("at >= $%d", *f.From)
	}
	if f.To != nil {
		add("at < $%d", *f.To)
	}
	filter := "TRUE"
	if len(where) > 0 {
		filter = strings.Join(where, " AND ")
	}
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM admin_audit_logs WHERE `+filter, args...).Scan(&total); err != nil {
		return nil, false, 0, fmt.Errorf("count audit entries: %w", err)
	}
	pageFilter := filter
	if p.After != nil {
		args = append(args, p.After.At, p.After.ID)
		pageFilter += fmt.Sprintf(" AND (at, id) < ($%d, $%d::uuid)", len(args)-1, len(args))
	}
	args = append(args, p.First+1)
	rows, err := s.db.Query(ctx, `SELECT id, admin_id, coalesce(session_id, ''), permission, action, target_type, target_id,
		before, after, coalesce(ip, ''), coalesce(request_id, ''), service, at
		FROM admin_audit_logs WHERE `+pageFilter+fmt.Sprintf(` ORDER BY at DESC, id DESC LIMIT $%d`, len(args)), args...)
	if err != nil {
		return nil, false, 0, fmt.Errorf("audit entries: %w", err)
	}
	entries, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (admin.LogEntry, error) {
		var e admin.LogEntry
		err := row.Scan(&e.ID, &e.AdminID, &e.SessionID, &e.Permission, &e.Action, &e.TargetType, &e.TargetID,
			&e.Before, &e.After, &e.IP, &e.RequestID, &e.Service, &e.At)
		return e, err
	})
	if err != nil {
		return nil, false, 0, fmt.Errorf("audit entries: %w", err)
	}
	if len(entries) > p.First {
		return entries[:p.First], true, total, nil
	}
	return entries, false, total, nil
}
