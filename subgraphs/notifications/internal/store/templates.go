package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

const templateCols = `event, channel, language, subject, body, updated_at`

func scanTemplate(row pgx.CollectableRow) (notify.Template, error) {
	var t notify.Template
	err := row.Scan(&t.Event, &t.Channel, &t.Language, &t.Subject, &t.Body, &t.UpdatedAt)
	return t, err
}

// Templates returns every stored template.
func (s *Store) Templates(ctx context.Context) ([]notify.Template, error) {
	rows, _ := s.DB.Query(ctx, `SELECT `+templateCols+` FROM templates ORDER BY event, channel, language`)
	t, err := pgx.CollectRows(rows, scanTemplate)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return t, nil
}

// Template returns the stored template for k, nil when there is none.
func (s *Store) Template(ctx context.Context, q Q, k notify.Key) (*notify.Template, error) {
	rows, _ := q.Query(ctx, `SELECT `+templateCols+` FROM templates WHERE event = $1 AND channel = $2 AND language = $3`,
		k.Event, k.Channel, k.Language)
	t, err := pgx.CollectRows(rows, scanTemplate)
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	if len(t) == 0 {
		return nil, nil
	}
	return &t[0], nil
}

// LockTemplate returns the stored template for k locked for update in tx
// (nil when there is none), so an audited change records the true before.
func (s *Store) LockTemplate(ctx context.Context, tx pgx.Tx, k notify.Key) (*notify.Template, error) {
	rows, _ := tx.Query(ctx, `SELECT `+templateCols+` FROM templates
		WHERE event = $1 AND channel = $2 AND language = $3 FOR UPDATE`, k.Event, k.Channel, k.Language)
	t, err := pgx.CollectRows(rows, scanTemplate)
	if err != nil {
		return nil, fmt.Errorf("lock template: %w", err)
	}
	if len(t) == 0 {
		return nil, nil
	}
	return &t[0], nil
}

// SaveTemplate stores t (insert or replace) and returns it as saved.
func (s *Store) SaveTemplate(ctx context.Context, tx pgx.Tx, t notify.Template) (notify.Template, error) {
	rows, _ := tx.Query(ctx, `
		INSERT INTO templates (event, channel, language, subject, body) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (event, channel, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
			updated_at = now()
		RETURNING `+templateCols, t.Event, t.Channel, t.Language, t.Subject, t.Body)
	saved, err := pgx.CollectExactlyOneRow(rows, scanTemplate)
	if err != nil {
		return notify.Template{}, fmt.Errorf("save template: %w", err)
	}
	return saved, nil
}

// SeedTemplates stores ts where no template exists yet; it returns how many it inserted.
func (s *Store) SeedTemplates(ctx context.Context, ts []notify.Template) (int, error) {
	n := 0
	for _, t := range ts {
		tag, err := s.DB.Exec(ctx, `INSERT INTO templates (event, channel, language, subject, body)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, t.Event, t.Channel, t.Language, t.Subject, t.Body)
		if err != nil {
			return n, fmt.Errorf("seed template: %w", err)
		}
		n += int(tag.RowsAffected())
	}
	return n, nil
}
