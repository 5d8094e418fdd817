package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/pg"
)

// ReturnWindow is one category's return window.
type ReturnWindow struct {
	CategoryID string
	Days       int
	UpdatedAt  time.Time
}

// ReturnWindows lists every category's own return window.
func (s *Store) ReturnWindows(ctx context.Context) ([]ReturnWindow, error) {
	rows, err := s.db.Query(ctx, `SELECT category_id::text, days, updated_at FROM return_windows ORDER BY category_id`)
	if err != nil {
		return nil, fmt.Errorf("return windows: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (ReturnWindow, error) {
		var w ReturnWindow
		err := r.Scan(&w.CategoryID, &w.Days, &w.UpdatedAt)
		w.UpdatedAt = w.UpdatedAt.UTC()
		return w, err
	})
}

type windowSummary struct {
	Days *int `json:"days"` // null: the default applies
}

// SetReturnWindow gives category its own window of days, or (days nil)
// removes it so the default applies again; audited as act in the same
// transaction. It returns the window's previous days (nil: had none).
func (s *Store) SetReturnWindow(ctx context.Context, categoryID string, days *int, act AdminAction, at time.Time) (*int, error) {
	var before *int
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var d int
		err := tx.QueryRow(ctx, `SELECT days FROM return_windows WHERE category_id = $1 FOR UPDATE`, categoryID).Scan(&d)
		switch {
		case pg.IsNoRows(err):
		case err != nil:
			return fmt.Errorf("lock return window %s: %w", categoryID, err)
		default:
			before = &d
		}
		if days == nil {
			_, err = tx.Exec(ctx, `DELETE FROM return_windows WHERE category_id = $1`, categoryID)
		} else {
			_, err = tx.Exec(ctx, `INSERT INTO return_windows (category_id, days, updated_at) VALUES ($1, $2, $3)
				ON CONFLICT (category_id) DO UPDATE SET days = excluded.days, updated_at = excluded.updated_at`,
				categoryID, *days, at)
		}
		if err != nil {
			return fmt.Errorf("set return window %s: %w", categoryID, err)
		}
		return audit.Record(ctx, tx, s.topic, s.service, audit.Entry{Permission: act.Permission, Action: act.Action,
			TargetType: "ReturnWindow", TargetID: categoryID, Before: windowSummary{before}, After: windowSummary{days}})
	})
	return before, err
}
