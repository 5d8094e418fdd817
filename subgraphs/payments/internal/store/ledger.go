package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
)

// The settlement ledger's writes (docs/settlements.md). A sale and the
// refunds against it are serialised by the order's payment rows, which both
// lock first (as every payments transaction does).

// CommissionRatesOf returns the rates of those of categoryIDs that have one.
func (s *Store) CommissionRatesOf(ctx context.Context, tx pgx.Tx, categoryIDs []string) (map[string]settlement.Rate, error) {
	rows, err := tx.Query(ctx, `SELECT category_id::text, rate_bps FROM commission_rates WHERE category_id = ANY($1::uuid[])`,
		validUUIDs(categoryIDs))
	if err != nil {
		return nil, fmt.Errorf("commission rates: %w", err)
	}
	out := map[string]settlement.Rate{}
	var id string
	var r settlement.Rate
	if _, err := pgx.ForEachRow(rows, []any{&id, &r}, func() error { out[id] = r; return nil }); err != nil {
		return nil, fmt.Errorf("commission rates: %w", err)
	}
	return out, nil
}

// RecordSale enters a delivered fulfilment in tx: its sale row and entries,
// then the reversals of refunds of its lines already PROCESSED (a refund
// made before the delivery reached payments). It reports false, writing
// nothing, when the fulfilment is already in the ledger.
func (s *Store) RecordSale(ctx context.Context, tx pgx.Tx, sale settlement.Sale, now time.Time) (bool, error) {
	if _, err := s.LockOrderPayments(ctx, tx, sale.OrderID); err != nil {
		return false, err
	}
	tag, err := tx.Exec(ctx, `INSERT INTO ledger_sales (fulfilment_id, order_id, store_id, order_number, payment_method,
		sale_paise, line_gst_paise, commission_paise, commission_gst_paise, tcs_paise, fee_paise, delivered_at, payable_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING`,
		sale.FulfilmentID, sale.OrderID, sale.StoreID, sale.OrderNumber, sale.Method, sale.Amount, sale.LineGST,
		sale.Commission, sale.CommissionGST, sale.TCS, sale.Fee, sale.DeliveredAt, sale.PayableAt, now)
	if err != nil {
		return false, fmt.Errorf("record sale %s: %w", sale.FulfilmentID, err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	if err := s.insertEntries(ctx, tx, sale, sale.Entries(), now); err != nil {
		return false, err
	}
	var refundIDs []string
	rows, err := tx.Query(ctx, `SELECT r.id::text FROM refunds r JOIN payments p ON p.id = r.payment_id
		WHERE p.order_id = $1 AND r.store_id = $2 AND r.status = 'PROCESSED' ORDER BY r.processed_at, r.id`, sale.OrderID, sale.StoreID)
	if err != nil {
		return false, fmt.Errorf("refunds of sale %s: %w", sale.FulfilmentID, err)
	}
	if refundIDs, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		return false, fmt.Errorf("refunds of sale %s: %w", sale.FulfilmentID, err)
	}
	for _, id := range refundIDs {
		if err := s.enterRefund(ctx, tx, id, now); err != nil {
			return false, err
		}
	}
	return true, nil
}

// enterRefunds is the ledger's side of refunds turning PROCESSED (Save's
// transaction, the payment locked): each one that pays back the lines of a
// store whose fulfilment is in the ledger becomes its negative entries.
func (s *Store) enterRefunds(ctx context.Context, tx pgx.Tx, rs []*payment.Refund, now time.Time) error {
	for _, r := range rs {
		if r.Status != payment.RefundProcessed {
			continue
		}
		if err := s.enterRefund(ctx, tx, r.ID, now); err != nil {
			return err
		}
	}
	return nil
}

// enterRefund enters refund id against its store's sale, once; nothing when
// it has no store, is not PROCESSED, or the fulfilment is not in the ledger.
func (s *Store) enterRefund(ctx context.Context, tx pgx.Tx, id string, now time.Time) error {
	var sale settlement.Sale
	var r settlement.Refund
	var processedAt *time.Time
	err := tx.QueryRow(ctx, `SELECT ls.fulfilment_id::text, ls.order_id::text, ls.store_id::text, ls.sale_paise,
			ls.commission_paise, ls.commission_gst_paise, ls.tcs_paise, ls.payable_at, r.id::text, r.amount_paise, r.processed_at
		FROM refunds r JOIN payments p ON p.id = r.payment_id
		JOIN ledger_sales ls ON ls.order_id = p.order_id AND ls.store_id = r.store_id
		WHERE r.id = $1 AND r.status = 'PROCESSED' FOR UPDATE OF ls`, id).Scan(
		&sale.FulfilmentID, &sale.OrderID, &sale.StoreID, &sale.Amount, &sale.Commission, &sale.CommissionGST, &sale.TCS,
		&sale.PayableAt, &r.ID, &r.Amount, &processedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ledger refund %s: %w", id, err)
	}
	r.ProcessedAt = now
	if processedAt != nil {
		r.ProcessedAt = *processedAt
	}
	var entered bool
	var earlier int64
	if err := tx.QueryRow(ctx, `SELECT coalesce(bool_or(refund_id = $2), false), coalesce(-sum(amount_paise) FILTER (WHERE kind = 'REFUND'), 0)
		FROM ledger_entries WHERE fulfilment_id = $1`, sale.FulfilmentID, r.ID).Scan(&entered, &earlier); err != nil {
		return fmt.Errorf("ledger refund %s: %w", id, err)
	}
	if entered {
		return nil
	}
	return s.insertEntries(ctx, tx, sale, sale.Reversal(earlier, r), now)
}

func (s *Store) insertEntries(ctx context.Context, tx pgx.Tx, sale settlement.Sale, es []settlement.Entry, now time.Time) error {
	for _, e := range es {
		if _, err := tx.Exec(ctx, `INSERT INTO ledger_entries (id, store_id, fulfilment_id, refund_id, kind, amount_paise, payable_at, created_at)
			VALUES ($1, $2, $3, nullif($4, '')::uuid, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
			uuid.Must(uuid.NewV7()), sale.StoreID, sale.FulfilmentID, e.RefundID, e.Kind, e.Amount, e.PayableAt, now); err != nil {
			return fmt.Errorf("ledger entry %s of %s: %w", e.Kind, sale.FulfilmentID, err)
		}
	}
	return nil
}

// SetCommissionRate sets (or replaces) a category's rate in tx and returns
// the rate it replaced, nil when there was none.
func (s *Store) SetCommissionRate(ctx context.Context, tx pgx.Tx, r settlement.CommissionRate) (*settlement.Rate, error) {
	var before *settlement.Rate
	err := tx.QueryRow(ctx, `SELECT rate_bps FROM commission_rates WHERE category_id = $1 FOR UPDATE`, r.CategoryID).Scan(&before)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("commission rate %s: %w", r.CategoryID, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO commission_rates (category_id, rate_bps, updated_by, updated_at)
		VALUES ($1, $2, nullif($3, '')::uuid, $4)
		ON CONFLICT (category_id) DO UPDATE SET rate_bps = $2, updated_by = nullif($3, '')::uuid, updated_at = $4`,
		r.CategoryID, r.Rate, r.UpdatedBy, r.UpdatedAt); err != nil {
		return nil, fmt.Errorf("set commission rate %s: %w", r.CategoryID, err)
	}
	return before, nil
}

// CommissionRates lists every configured rate, by category id.
func (s *Store) CommissionRates(ctx context.Context) ([]settlement.CommissionRate, error) {
	rs, err := collect(ctx, s.db, `SELECT category_id::text, rate_bps, coalesce(updated_by::text, ''), updated_at
		FROM commission_rates ORDER BY category_id`, func(row pgx.Row) (settlement.CommissionRate, error) {
		var c settlement.CommissionRate
		err := row.Scan(&c.CategoryID, &c.Rate, &c.UpdatedBy, &c.UpdatedAt)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("commission rates: %w", err)
	}
	return rs, nil
}
