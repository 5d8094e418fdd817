package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

const refundCols = `id::text, payment_id::text, amount_paise, reason, status, coalesce(provider_refund_id, ''),
	coalesce(failure_reason, ''), coalesce(requested_by::text, ''), coalesce(store_id::text, ''),
	coalesce(return_id::text, ''), refund_to, created_at, processed_at`

func scanRefund(row pgx.Row) (*payment.Refund, error) {
	var r payment.Refund
	if err := row.Scan(&r.ID, &r.PaymentID, &r.Amount, &r.Reason, &r.Status, &r.ProviderRefundID,
		&r.FailureReason, &r.RequestedBy, &r.StoreID, &r.ReturnID, &r.RefundTo, &r.CreatedAt, &r.ProcessedAt); err != nil {
		return nil, err
	}
	return &r, nil
}

// LockRefund reads refund id FOR UPDATE (lock its payment first); nil when none.
func (s *Store) LockRefund(ctx context.Context, tx pgx.Tx, id string) (*payment.Refund, error) {
	r, err := scanRefund(tx.QueryRow(ctx, `SELECT `+refundCols+` FROM refunds WHERE id = $1 FOR UPDATE`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock refund %s: %w", id, err)
	}
	return r, nil
}

// FindRefund returns the ids of the refund a provider callback is about: by
// our id (echoed in the refund's notes) when it is one of ours, else by the
// provider's refund id. "" when none. It does not lock: the caller locks the
// payment, then the refund.
func (s *Store) FindRefund(ctx context.Context, tx pgx.Tx, refundID, providerRefundID string) (paymentID, id string, err error) {
	if _, perr := uuid.Parse(refundID); perr != nil {
		refundID = ""
	}
	err = tx.QueryRow(ctx, `SELECT payment_id::text, id::text FROM refunds
		WHERE ($1 <> '' AND id = nullif($1, '')::uuid) OR (provider_refund_id = $2 AND $2 <> '')
		ORDER BY (id = nullif($1, '')::uuid) DESC NULLS LAST LIMIT 1`, refundID, providerRefundID).Scan(&paymentID, &id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("find refund %s/%s: %w", refundID, providerRefundID, err)
	}
	return paymentID, id, nil
}

// Refund reads one refund; nil when none.
func (s *Store) Refund(ctx context.Context, id string) (*payment.Refund, error) {
	r, err := scanRefund(s.db.QueryRow(ctx, `SELECT `+refundCols+` FROM refunds WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("refund %s: %w", id, err)
	}
	return r, nil
}

// RefundsByPaymentIDs reads the refunds of payments, oldest first.
func (s *Store) RefundsByPaymentIDs(ctx context.Context, paymentIDs []string) (map[string][]*payment.Refund, error) {
	rs, err := collect(ctx, s.db, `SELECT `+refundCols+` FROM refunds WHERE payment_id = ANY($1::uuid[])
		ORDER BY created_at, id`, scanRefund, validUUIDs(paymentIDs))
	if err != nil {
		return nil, fmt.Errorf("refunds by payment: %w", err)
	}
	out := make(map[string][]*payment.Refund, len(paymentIDs))
	for _, r := range rs {
		out[r.PaymentID] = append(out[r.PaymentID], r)
	}
	return out, nil
}

// validUUIDs drops ids that are not UUIDs, which could not match anyway and
// would make the ::uuid[] cast fail.
func validUUIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if _, err := uuid.Parse(id); err == nil {
			out = append(out, id)
		}
	}
	return out
}

// RefundOfReturn reports whether return returnID already has a refund (of
// any status but FAILED: a refused one may be tried again).
func (s *Store) RefundOfReturn(ctx context.Context, tx pgx.Tx, returnID string) (bool, error) {
	var found bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM refunds WHERE return_id = $1 AND status <> 'FAILED')`, returnID).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("refund of return %s: %w", returnID, err)
	}
	return found, nil
}

// StoreRefunded sums the refunds of payment paymentID for storeID's lines,
// processed or pending (lock the payment first).
func (s *Store) StoreRefunded(ctx context.Context, tx pgx.Tx, paymentID, storeID string) (int64, error) {
	var sum int64
	err := tx.QueryRow(ctx, `SELECT coalesce(sum(amount_paise), 0)::bigint FROM refunds
		WHERE payment_id = $1 AND store_id = $2 AND status IN ('PENDING', 'PROCESSED')`, paymentID, storeID).Scan(&sum)
	if err != nil {
		return 0, fmt.Errorf("refunds of store %s: %w", storeID, err)
	}
	return sum, nil
}
