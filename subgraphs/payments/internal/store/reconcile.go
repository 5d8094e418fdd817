package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// ToReconcile lists up to limit payments made through a provider that are
// still without money after olderThan (CREATED, AUTHORIZED, or FAILED
// because their order was cancelled or the provider order never came) and
// were not compared with their provider for olderThan either; created in
// the last week. It marks them compared now.
func (s *Store) ToReconcile(ctx context.Context, olderThan time.Duration, limit int) ([]*payment.Payment, error) {
	ps, err := collect(ctx, s.db, `UPDATE payments SET reconciled_at = now() WHERE id IN (
			SELECT id FROM payments
			WHERE provider <> 'COD' AND captured_paise = 0 AND status IN ('CREATED', 'AUTHORIZED', 'FAILED')
			  AND created_at < now() - $1::interval AND created_at > now() - interval '7 days'
			  AND (reconciled_at IS NULL OR reconciled_at < now() - $1::interval)
			ORDER BY coalesce(reconciled_at, created_at) LIMIT $2 FOR UPDATE SKIP LOCKED)
		RETURNING `+paymentCols, scanPayment, olderThan, limit)
	if err != nil {
		return nil, fmt.Errorf("payments to reconcile: %w", err)
	}
	return ps, nil
}

// LogEntry is one line of the reconciliation log.
type LogEntry struct {
	Action      string
	Provider    payment.Provider
	PaymentID   string // "" when the money belongs to no payment of ours
	ProviderRef string
	AmountPaise int64
	Detail      string
}

// LogReconciliation records e in tx, the transaction of the repair itself.
func (s *Store) LogReconciliation(ctx context.Context, tx pgx.Tx, e LogEntry) error {
	if _, err := tx.Exec(ctx, `INSERT INTO reconciliation_log (action, provider, payment_id, provider_ref, amount_paise, detail)
		VALUES ($1, $2, nullif($3, '')::uuid, $4, $5, $6)`,
		e.Action, e.Provider, e.PaymentID, e.ProviderRef, e.AmountPaise, e.Detail); err != nil {
		return fmt.Errorf("reconciliation log: %w", err)
	}
	return nil
}

// UnmatchedCapture is a capture a provider reported for no payment of ours.
type UnmatchedCapture struct {
	Provider          payment.Provider
	ProviderPaymentID string
	ProviderOrderID   string
	AmountPaise       int64
	SeenAt            time.Time
}

// RecordUnmatched remembers a capture webhook that matched no payment (once).
func (s *Store) RecordUnmatched(ctx context.Context, u UnmatchedCapture) error {
	if _, err := s.db.Exec(ctx, `INSERT INTO unmatched_captures (provider, provider_payment_id, provider_order_id, amount_paise)
		VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		u.Provider, u.ProviderPaymentID, u.ProviderOrderID, u.AmountPaise); err != nil {
		return fmt.Errorf("record unmatched capture: %w", err)
	}
	return nil
}

// Unmatched lists up to limit unresolved unmatched captures first seen
// more than olderThan ago.
func (s *Store) Unmatched(ctx context.Context, olderThan time.Duration, limit int) ([]UnmatchedCapture, error) {
	rows, err := s.db.Query(ctx, `SELECT provider, provider_payment_id, provider_order_id, amount_paise, seen_at FROM unmatched_captures
		WHERE resolved_at IS NULL AND seen_at < now() - $1::interval ORDER BY seen_at LIMIT $2`, olderThan, limit)
	if err != nil {
		return nil, fmt.Errorf("unmatched captures: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (UnmatchedCapture, error) {
		var u UnmatchedCapture
		return u, r.Scan(&u.Provider, &u.ProviderPaymentID, &u.ProviderOrderID, &u.AmountPaise, &u.SeenAt)
	})
}

// ResolveUnmatched marks an unmatched capture resolved in tx; false when it
// already was.
func (s *Store) ResolveUnmatched(ctx context.Context, tx pgx.Tx, u UnmatchedCapture, resolution string) (bool, error) {
	tag, err := tx.Exec(ctx, `UPDATE unmatched_captures SET resolved_at = now(), resolution = $3
		WHERE provider = $1 AND provider_payment_id = $2 AND resolved_at IS NULL`, u.Provider, u.ProviderPaymentID, resolution)
	if err != nil {
		return false, fmt.Errorf("resolve unmatched capture: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}
