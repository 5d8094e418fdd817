package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/notifications/internal/notify"
)

// UpsertRecipient stores r's name, email and phone (an empty phone keeps
// the known one when withPhone is false: user.registered carries no
// phone). The recipient's language choice is never overwritten.
func (s *Store) UpsertRecipient(ctx context.Context, q Q, r notify.Recipient, withPhone bool) error {
	_, err := q.Exec(ctx, `
		INSERT INTO recipients (id, kind, name, email, phone) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
			phone = CASE WHEN $6 THEN EXCLUDED.phone ELSE recipients.phone END, updated_at = now()`,
		r.ID, r.Kind, r.Name, r.Email, r.Phone, withPhone)
	if err != nil {
		return fmt.Errorf("upsert recipient: %w", err)
	}
	return nil
}

const recipientCols = `id::text, kind, name, email, phone, language`

func scanRecipient(row pgx.CollectableRow) (notify.Recipient, error) {
	var r notify.Recipient
	err := row.Scan(&r.ID, &r.Kind, &r.Name, &r.Email, &r.Phone, &r.Language)
	return r, err
}

// Recipient returns the recipient with id, nil when unknown.
func (s *Store) Recipient(ctx context.Context, q Q, id string) (*notify.Recipient, error) {
	rows, _ := q.Query(ctx, `SELECT `+recipientCols+` FROM recipients WHERE id = $1`, id)
	r, err := pgx.CollectRows(rows, scanRecipient)
	if err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	if len(r) == 0 {
		return nil, nil
	}
	return &r[0], nil
}

// Admins returns every admin recipient.
func (s *Store) Admins(ctx context.Context, q Q) ([]notify.Recipient, error) {
	rows, _ := q.Query(ctx, `SELECT `+recipientCols+` FROM recipients WHERE kind = 'ADMIN' ORDER BY id`)
	r, err := pgx.CollectRows(rows, scanRecipient)
	if err != nil {
		return nil, fmt.Errorf("admin recipients: %w", err)
	}
	return r, nil
}

// ShoppersAfter returns up to limit shoppers with an id greater than after
// ("" for the first), in id order: one batch of a bulk fan-out.
func (s *Store) ShoppersAfter(ctx context.Context, q Q, after string, limit int) ([]notify.Recipient, error) {
	rows, _ := q.Query(ctx, `SELECT `+recipientCols+` FROM recipients
		WHERE kind = 'USER' AND ($1 = '' OR id > $1::uuid) ORDER BY id LIMIT $2`, after, limit)
	r, err := pgx.CollectRows(rows, scanRecipient)
	if err != nil {
		return nil, fmt.Errorf("shoppers: %w", err)
	}
	return r, nil
}

// SetLanguage sets recipient id's language; false when there is no such recipient.
func (s *Store) SetLanguage(ctx context.Context, id string, l notify.Language) (bool, error) {
	tag, err := s.DB.Exec(ctx, `UPDATE recipients SET language = $2, updated_at = now() WHERE id = $1`, id, l)
	if err != nil {
		return false, fmt.Errorf("set language: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// SaveOrderRef remembers an order's buyer, number and total.
func (s *Store) SaveOrderRef(ctx context.Context, q Q, o notify.OrderRef) error {
	_, err := q.Exec(ctx, `INSERT INTO order_refs (order_id, user_id, order_number, total_paise)
		VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING`, o.OrderID, o.UserID, o.OrderNumber, o.TotalPaise)
	if err != nil {
		return fmt.Errorf("save order ref: %w", err)
	}
	return nil
}

// OrderRef returns what is known of an order, nil when nothing is.
func (s *Store) OrderRef(ctx context.Context, q Q, orderID string) (*notify.OrderRef, error) {
	var o notify.OrderRef
	err := q.QueryRow(ctx, `SELECT order_id::text, user_id::text, order_number, total_paise FROM order_refs
		WHERE order_id = $1`, orderID).Scan(&o.OrderID, &o.UserID, &o.OrderNumber, &o.TotalPaise)
	if err == pgx.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("order ref: %w", err)
	}
	return &o, nil
}
