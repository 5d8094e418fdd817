// Package store is the payments subgraph's only SQL: payments and refunds
// (locked with SELECT … FOR UPDATE for every transition), the webhook dedupe
// table, the provider call queue, and the outbox rows written in the same
// transaction as the change they describe.
//
// Every transaction locks the payment row before any of its refunds, so two
// transactions on one payment serialise and cannot deadlock.
package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/outbox"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// CallsChannel is NOTIFYed when a provider call is queued, waking the worker.
const CallsChannel = "payment_provider_calls"

// Store reads and writes purra_payments.
type Store struct {
	db      *pgxpool.Pool
	topic   string
	service string // names this subgraph in audit entries
}

// New returns a store whose events go to topic, on behalf of service.
func New(db *pgxpool.Pool, topic, service string) *Store {
	return &Store{db: db, topic: topic, service: service}
}

// Audit records an admin's action in tx, the transaction of the change, on
// this subgraph's topic (audit.Record: nothing when the caller is no admin).
func (s *Store) Audit(ctx context.Context, tx pgx.Tx, e audit.Entry) error {
	return audit.Record(ctx, tx, s.topic, s.service, e)
}

// DB is the pool, for the call worker's LISTEN connection.
func (s *Store) DB() *pgxpool.Pool { return s.db }

// InTx runs fn in one transaction (committed if fn returns nil).
func (s *Store) InTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.db, fn)
}

// SaveOptions qualify Save.
type SaveOptions struct {
	// Actor is the user who caused the change ("" for the system), recorded on events.
	Actor string
	// Claim > 0 inserts the new provider calls already held by the caller for
	// that long (the refundPayment request makes its call itself); otherwise
	// the worker is woken to make them.
	Claim time.Duration
}

// Save persists a transition of p in tx: the payment row, new and changed
// refunds, the events (outbox) and the provider calls. It returns the calls
// it queued. Nothing is written when eff.Changed is false.
func (s *Store) Save(ctx context.Context, tx pgx.Tx, p *payment.Payment, eff payment.Effects, o SaveOptions) ([]Call, error) {
	if !eff.Changed {
		return nil, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE payments SET provider_order_id = nullif($2, ''), provider_payment_id = nullif($3, ''),
		status = $4, failure_reason = nullif($5, ''), captured_paise = $6, refunded_paise = $7, refunding_paise = $8,
		order_cancelled = $9, updated_at = $10, captured_at = $11, amount_paise = $12,
		cancelled_store_ids = $13::uuid[] WHERE id = $1`,
		p.ID, p.ProviderOrderID, p.ProviderPaymentID, p.Status, p.FailureReason, p.Captured, p.Refunded, p.Refunding,
		p.OrderCancelled, p.UpdatedAt, p.CapturedAt, p.Amount, nonNil(p.CancelledStores)); err != nil {
		return nil, fmt.Errorf("update payment %s: %w", p.ID, err)
	}
	return s.persistEffects(ctx, tx, p, eff, o)
}

// persistEffects writes what a transition produced besides the payment row.
func (s *Store) persistEffects(ctx context.Context, tx pgx.Tx, p *payment.Payment, eff payment.Effects, o SaveOptions) ([]Call, error) {
	for _, r := range eff.NewRefunds {
		if _, err := tx.Exec(ctx, `INSERT INTO refunds (id, payment_id, amount_paise, reason, status, provider_refund_id,
			failure_reason, requested_by, created_at, processed_at, store_id, return_id, refund_to)
			VALUES ($1, $2, $3, $4, $5, nullif($6, ''), nullif($7, ''), nullif($8, '')::uuid, $9, $10,
			        nullif($11, '')::uuid, nullif($12, '')::uuid, $13)`,
			r.ID, r.PaymentID, r.Amount, r.Reason, r.Status, r.ProviderRefundID, r.FailureReason, r.RequestedBy,
			r.CreatedAt, r.ProcessedAt, r.StoreID, r.ReturnID, r.RefundTo); err != nil {
			return nil, fmt.Errorf("insert refund %s: %w", r.ID, err)
		}
	}
	for _, r := range eff.UpdatedRefunds {
		if _, err := tx.Exec(ctx, `UPDATE refunds SET status = $2, provider_refund_id = nullif($3, ''),
			failure_reason = nullif($4, ''), processed_at = $5 WHERE id = $1`,
			r.ID, r.Status, r.ProviderRefundID, r.FailureReason, r.ProcessedAt); err != nil {
			return nil, fmt.Errorf("update refund %s: %w", r.ID, err)
		}
	}
	if err := s.enterRefunds(ctx, tx, slices.Concat(eff.NewRefunds, eff.UpdatedRefunds), p.UpdatedAt); err != nil {
		return nil, err
	}
	if err := s.appendEvents(ctx, tx, o.Actor, eff.Events); err != nil {
		return nil, err
	}
	return s.queueCalls(ctx, tx, p.ID, eff.Calls, o.Claim)
}

func (s *Store) appendEvents(ctx context.Context, tx pgx.Tx, actor string, evs []payment.Event) error {
	msgs := make([]kafka.Message, 0, len(evs))
	for _, e := range evs {
		m, err := kafka.NewMessage(ctx, s.topic, e.Key(), actor, e)
		if err != nil {
			return err
		}
		msgs = append(msgs, m)
	}
	return outbox.Append(ctx, tx, msgs...)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
