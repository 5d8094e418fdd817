package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/page"

	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
)

// Reads of the settlement ledger for Store.settlements and settlementBalance.

func scanPayout(row pgx.Row) (settlement.Payout, error) {
	var p settlement.Payout
	t := &p.Totals
	err := row.Scan(&p.ID, &p.RunID, &p.StoreID, &p.PeriodStart, &p.PeriodEnd, &t.Sales, &t.Commission, &t.CommissionGST,
		&t.TCS, &t.Fees, &t.Refunds, &p.Amount, &p.EntryCount, &p.Status, &p.CreatedAt)
	return p, err
}

// Payouts returns a page of the store's payouts, newest first (ids are UUID
// v7), with the total count.
func (s *Store) Payouts(ctx context.Context, storeID string, r page.Request) ([]settlement.Payout, int, error) {
	ps, err := collect(ctx, s.db, `SELECT id::text, run_id::text, store_id::text, period_start, period_end,
		gross_sales_paise, commission_paise, commission_gst_paise, tcs_paise, fee_paise, refunds_paise, amount_paise,
		entry_count, status, created_at FROM settlement_payouts
		WHERE store_id = $1 AND ($2 = '' OR id < nullif($2, '')::uuid) ORDER BY id DESC LIMIT $3`,
		scanPayout, storeID, r.After, r.First+1)
	if err != nil {
		return nil, 0, fmt.Errorf("payouts of %s: %w", storeID, err)
	}
	var n int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM settlement_payouts WHERE store_id = $1`, storeID).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("payouts of %s: %w", storeID, err)
	}
	return ps, n, nil
}

// PayoutLines returns the entries each payout settled, oldest first.
func (s *Store) PayoutLines(ctx context.Context, payoutIDs []string) (map[string][]settlement.StatementLine, error) {
	rows, err := s.db.Query(ctx, `SELECT e.payout_id::text, e.id::text, e.fulfilment_id::text, ls.order_number,
		coalesce(e.refund_id::text, ''), e.kind, e.amount_paise, e.created_at, e.payable_at
		FROM ledger_entries e JOIN ledger_sales ls ON ls.fulfilment_id = e.fulfilment_id
		WHERE e.payout_id = ANY($1::uuid[]) ORDER BY e.id`, validUUIDs(payoutIDs))
	if err != nil {
		return nil, fmt.Errorf("payout lines: %w", err)
	}
	out := map[string][]settlement.StatementLine{}
	var pid string
	var l settlement.StatementLine
	if _, err := pgx.ForEachRow(rows, []any{&pid, &l.EntryID, &l.FulfilmentID, &l.OrderNumber, &l.RefundID, &l.Kind,
		&l.Amount, &l.CreatedAt, &l.PayableAt}, func() error {
		out[pid] = append(out[pid], l)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("payout lines: %w", err)
	}
	return out, nil
}

// Balance is the store's pending, payable and paid-out amounts at now.
func (s *Store) Balance(ctx context.Context, storeID string, now time.Time) (settlement.Balance, error) {
	var b settlement.Balance
	err := s.db.QueryRow(ctx, `SELECT
		coalesce(sum(amount_paise) FILTER (WHERE payout_id IS NULL AND payable_at > $2), 0),
		coalesce(sum(amount_paise) FILTER (WHERE payout_id IS NULL AND payable_at <= $2), 0),
		coalesce(sum(amount_paise) FILTER (WHERE payout_id IS NOT NULL), 0)
		FROM ledger_entries WHERE store_id = $1`, storeID, now).Scan(&b.Pending, &b.Payable, &b.PaidOut)
	if err != nil {
		return b, fmt.Errorf("balance of %s: %w", storeID, err)
	}
	return b, nil
}
