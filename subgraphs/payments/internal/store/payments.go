package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
)

// paymentCols selects a payment.Payment (see scanPayment).
const paymentCols = `id::text, order_id::text, attempt, order_number, user_id::text, store_ids::text[], amount_paise,
	method, coalesce(upi_vpa, ''), provider, coalesce(provider_order_id, ''), coalesce(provider_payment_id, ''),
	status, coalesce(failure_reason, ''), captured_paise, refunded_paise, refunding_paise, order_cancelled,
	created_at, updated_at, captured_at, store_amounts, cancelled_store_ids::text[],
	(SELECT coalesce(jsonb_object_agg(r.store_id::text, r.paise), '{}'::jsonb) FROM (SELECT store_id, sum(amount_paise) AS paise
	   FROM refunds WHERE payment_id = payments.id AND store_id IS NOT NULL AND status <> 'FAILED' GROUP BY store_id) r)`

func scanPayment(row pgx.Row) (*payment.Payment, error) {
	var p payment.Payment
	err := row.Scan(&p.ID, &p.OrderID, &p.Attempt, &p.OrderNumber, &p.UserID, &p.StoreIDs, &p.Amount,
		&p.Method, &p.UpiVpa, &p.Provider, &p.ProviderOrderID, &p.ProviderPaymentID,
		&p.Status, &p.FailureReason, &p.Captured, &p.Refunded, &p.Refunding, &p.OrderCancelled,
		&p.CreatedAt, &p.UpdatedAt, &p.CapturedAt, &p.StoreAmounts, &p.CancelledStores, &p.StoreRefunded)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// CreatePayment inserts p with its effects (the provider order call) unless
// the order already has this attempt; it reports whether it inserted.
func (s *Store) CreatePayment(ctx context.Context, tx pgx.Tx, p *payment.Payment, eff payment.Effects) (bool, error) {
	amounts := p.StoreAmounts
	if amounts == nil {
		amounts = map[string]int64{}
	}
	tag, err := tx.Exec(ctx, `INSERT INTO payments (id, order_id, attempt, order_number, user_id, store_ids, amount_paise,
		method, upi_vpa, provider, status, created_at, updated_at, store_amounts)
		VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, $8, nullif($9, ''), $10, $11, $12, $13, $14)
		ON CONFLICT ON CONSTRAINT payments_order_attempt_key DO NOTHING`,
		p.ID, p.OrderID, p.Attempt, p.OrderNumber, p.UserID, p.StoreIDs, p.Amount,
		p.Method, p.UpiVpa, p.Provider, p.Status, p.CreatedAt, p.UpdatedAt, amounts)
	if err != nil {
		return false, fmt.Errorf("insert payment for order %s: %w", p.OrderID, err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	if _, err := s.persistEffects(ctx, tx, p, eff, SaveOptions{}); err != nil {
		return false, err
	}
	return true, nil
}

// LockPayment reads payment id FOR UPDATE; nil when there is none.
func (s *Store) LockPayment(ctx context.Context, tx pgx.Tx, id string) (*payment.Payment, error) {
	p, err := scanPayment(tx.QueryRow(ctx, `SELECT `+paymentCols+` FROM payments WHERE id = $1 FOR UPDATE`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock payment %s: %w", id, err)
	}
	return p, nil
}

// LockOrderPayments reads the payments of an order FOR UPDATE, oldest attempt first.
func (s *Store) LockOrderPayments(ctx context.Context, tx pgx.Tx, orderID string) ([]*payment.Payment, error) {
	ps, err := collect(ctx, tx, `SELECT `+paymentCols+` FROM payments WHERE order_id = $1 ORDER BY attempt FOR UPDATE`,
		scanPayment, orderID)
	if err != nil {
		return nil, fmt.Errorf("lock payments of order %s: %w", orderID, err)
	}
	return ps, nil
}

// LockPaymentByProvider reads FOR UPDATE the payment a provider callback is
// about: by the provider's order id, else by its payment id. nil when none.
func (s *Store) LockPaymentByProvider(ctx context.Context, tx pgx.Tx, prov payment.Provider, providerOrderID, providerPaymentID string) (*payment.Payment, error) {
	p, err := scanPayment(tx.QueryRow(ctx, `SELECT `+paymentCols+` FROM payments
		WHERE provider = $1 AND ((provider_order_id = $2 AND $2 <> '') OR (provider_payment_id = $3 AND $3 <> ''))
		ORDER BY (provider_order_id = $2) DESC LIMIT 1 FOR UPDATE`, prov, providerOrderID, providerPaymentID))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s payment %s/%s: %w", prov, providerOrderID, providerPaymentID, err)
	}
	return p, nil
}

// PaymentsByIDs reads payments by id; unknown and malformed ids are absent.
func (s *Store) PaymentsByIDs(ctx context.Context, ids []string) (map[string]*payment.Payment, error) {
	ps, err := collect(ctx, s.db, `SELECT `+paymentCols+` FROM payments WHERE id = ANY($1::uuid[])`, scanPayment, validUUIDs(ids))
	if err != nil {
		return nil, fmt.Errorf("payments by id: %w", err)
	}
	out := make(map[string]*payment.Payment, len(ps))
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// PaymentsByOrderIDs reads the payments of orders, each order's oldest attempt first.
func (s *Store) PaymentsByOrderIDs(ctx context.Context, orderIDs []string) (map[string][]*payment.Payment, error) {
	ps, err := collect(ctx, s.db, `SELECT `+paymentCols+` FROM payments WHERE order_id = ANY($1::uuid[])
		ORDER BY order_id, attempt`, scanPayment, validUUIDs(orderIDs))
	if err != nil {
		return nil, fmt.Errorf("payments by order: %w", err)
	}
	out := make(map[string][]*payment.Payment, len(orderIDs))
	for _, p := range ps {
		out[p.OrderID] = append(out[p.OrderID], p)
	}
	return out, nil
}

// collect runs a query and scans every row with scan.
func collect[T any](ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, sql string, scan func(pgx.Row) (T, error), args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (T, error) { return scan(r) })
}
