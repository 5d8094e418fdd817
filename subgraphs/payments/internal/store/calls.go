package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/telemetry"
	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// Call is a queued provider call.
type Call struct {
	ID        int64
	Kind      payment.CallKind
	PaymentID string
	RefundID  string
	Attempts  int // including the current one
	// Trace and RequestID are those of the request or event that queued the
	// call, so the call (and the provider's callback) continue its trace.
	Trace     map[string]string
	RequestID string
}

// queueCalls inserts calls for payment paymentID (once per kind and refund),
// held by the caller for claim when claim > 0, else announced to the worker.
func (s *Store) queueCalls(ctx context.Context, tx pgx.Tx, paymentID string, calls []payment.Call, claim time.Duration) ([]Call, error) {
	var out []Call
	for _, c := range calls {
		var id int64
		trace, requestID := telemetry.Inject(ctx), logx.RequestID(ctx)
		err := tx.QueryRow(ctx, `INSERT INTO provider_calls (kind, payment_id, refund_id, attempts, locked_until, trace, request_id)
			VALUES ($1, $2, nullif($3, '')::uuid,
			        CASE WHEN $4::bigint > 0 THEN 1 ELSE 0 END,
			        CASE WHEN $4::bigint > 0 THEN now() + $4::bigint * interval '1 microsecond' END, $5, $6)
			ON CONFLICT DO NOTHING RETURNING id`,
			c.Kind, paymentID, c.RefundID, claim.Microseconds(), trace, requestID).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			continue // already queued
		}
		if err != nil {
			return nil, fmt.Errorf("queue %s call for payment %s: %w", c.Kind, paymentID, err)
		}
		out = append(out, Call{ID: id, Kind: c.Kind, PaymentID: paymentID, RefundID: c.RefundID, Attempts: 1,
			Trace: trace, RequestID: requestID})
	}
	if len(out) > 0 && claim <= 0 {
		if _, err := tx.Exec(ctx, `SELECT pg_notify($1, '')`, CallsChannel); err != nil {
			return nil, fmt.Errorf("notify call worker: %w", err)
		}
	}
	return out, nil
}

// ClaimCall takes the oldest due call that nobody holds and holds it for
// lease (another instance's worker skips it); nil when none is due.
func (s *Store) ClaimCall(ctx context.Context, lease time.Duration) (*Call, error) {
	var c Call
	err := s.db.QueryRow(ctx, `UPDATE provider_calls SET attempts = attempts + 1,
		    locked_until = now() + $1::bigint * interval '1 microsecond'
		WHERE id = (SELECT id FROM provider_calls
		            WHERE done_at IS NULL AND run_after <= now() AND (locked_until IS NULL OR locked_until < now())
		            ORDER BY run_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
		RETURNING id, kind, payment_id::text, coalesce(refund_id::text, ''), attempts, trace, request_id`,
		lease.Microseconds()).Scan(&c.ID, &c.Kind, &c.PaymentID, &c.RefundID, &c.Attempts, &c.Trace, &c.RequestID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("claim provider call: %w", err)
	}
	return &c, nil
}

// FinishCall marks a call done in tx (with the error that ended it, if any).
func (s *Store) FinishCall(ctx context.Context, tx pgx.Tx, id int64, lastErr string) error {
	if _, err := tx.Exec(ctx, `UPDATE provider_calls SET done_at = now(), locked_until = NULL,
		last_error = nullif($2, '') WHERE id = $1`, id, lastErr); err != nil {
		return fmt.Errorf("finish provider call %d: %w", id, err)
	}
	return nil
}

// RetryCall releases a call to be tried again after delay.
func (s *Store) RetryCall(ctx context.Context, id int64, delay time.Duration, lastErr string) error {
	if _, err := s.db.Exec(ctx, `UPDATE provider_calls SET locked_until = NULL, last_error = $2,
		run_after = now() + $3::bigint * interval '1 microsecond' WHERE id = $1`, id, lastErr, delay.Microseconds()); err != nil {
		return fmt.Errorf("retry provider call %d: %w", id, err)
	}
	return nil
}

// PendingCalls counts calls not done yet (tests and metrics).
func (s *Store) PendingCalls(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT count(*) FROM provider_calls WHERE done_at IS NULL`).Scan(&n)
	return n, err
}
