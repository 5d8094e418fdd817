package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
)

// The settlement run's SQL: one transaction per store writes the payout and
// marks its entries settled, so a run killed at any point has paid each store
// either completely or not at all, and a resumed run pays only what is left.

// StartRun returns the run still RUNNING (an interrupted one, resumed with
// its cutoff), else starts one with cutoff. resumed tells which. When
// another runner starts one at the same moment, it joins that one.
func (s *Store) StartRun(ctx context.Context, by string, cutoff time.Time) (settlement.Run, bool, error) {
	run, resumed, err := s.startRun(ctx, by, cutoff)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" { // unique_violation
		run, resumed, err = s.startRun(ctx, by, cutoff)
	}
	return run, resumed, err
}

func (s *Store) startRun(ctx context.Context, by string, cutoff time.Time) (run settlement.Run, resumed bool, err error) {
	err = s.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT id::text, cutoff FROM settlement_runs WHERE status = 'RUNNING'`).Scan(&run.ID, &run.Cutoff)
		if err == nil {
			resumed = true
			return nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		run = settlement.Run{ID: uuid.Must(uuid.NewV7()).String(), Cutoff: cutoff}
		// A concurrent start fails here (one RUNNING run at most); StartRun
		// then finds the other's run.
		_, err = tx.Exec(ctx, `INSERT INTO settlement_runs (id, cutoff, status, started_by, started_at)
			VALUES ($1, $2, 'RUNNING', nullif($3, '')::uuid, $2)`, run.ID, cutoff, by)
		return err
	})
	if err != nil {
		return settlement.Run{}, false, fmt.Errorf("start settlement run: %w", err)
	}
	return run, resumed, nil
}

// LastRunStarted is when the latest run started (zero when none ever did).
func (s *Store) LastRunStarted(ctx context.Context) (time.Time, error) {
	var at *time.Time
	if err := s.db.QueryRow(ctx, `SELECT max(started_at) FROM settlement_runs`).Scan(&at); err != nil {
		return time.Time{}, fmt.Errorf("last settlement run: %w", err)
	}
	if at == nil {
		return time.Time{}, nil
	}
	return *at, nil
}

// RunPending reports whether a run is RUNNING (interrupted, to be resumed).
func (s *Store) RunPending(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM settlement_runs WHERE status = 'RUNNING'`).Scan(&n); err != nil {
		return false, fmt.Errorf("running settlement: %w", err)
	}
	return n > 0, nil
}

// StoresToSettle lists the stores with entries payable by the run's cutoff
// and not settled, that the run has not paid yet (entries that became
// payable after a store was paid in this run wait for the next run).
func (s *Store) StoresToSettle(ctx context.Context, run settlement.Run) ([]string, error) {
	rows, err := s.db.Query(ctx, `SELECT DISTINCT e.store_id::text FROM ledger_entries e
		WHERE e.payout_id IS NULL AND e.payable_at <= $2
		  AND NOT EXISTS (SELECT 1 FROM settlement_payouts p WHERE p.run_id = $1 AND p.store_id = e.store_id)
		ORDER BY 1`, run.ID, run.Cutoff)
	if err != nil {
		return nil, fmt.Errorf("stores to settle: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("stores to settle: %w", err)
	}
	return ids, nil
}

// SettleStore pays storeID in one transaction: it locks the store's
// unsettled entries payable by the cutoff, asks decide for the payout, and
// writes it with its entries marked settled. It reports whether a payout
// was written (decide may decline: a balance that is not positive).
func (s *Store) SettleStore(ctx context.Context, run settlement.Run, storeID string, now time.Time,
	decide func(periodStart time.Time, es []settlement.Entry) (settlement.Payout, bool)) (bool, error) {
	var paid bool
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id::text, kind, amount_paise, coalesce(refund_id::text, ''), payable_at, created_at
			FROM ledger_entries WHERE store_id = $1 AND payout_id IS NULL AND payable_at <= $2 ORDER BY id FOR UPDATE`,
			storeID, run.Cutoff)
		if err != nil {
			return err
		}
		var ids []string
		var es []settlement.Entry
		var first time.Time
		var id string
		var e settlement.Entry
		var created time.Time
		if _, err := pgx.ForEachRow(rows, []any{&id, &e.Kind, &e.Amount, &e.RefundID, &e.PayableAt, &created}, func() error {
			ids, es = append(ids, id), append(es, e)
			if first.IsZero() || created.Before(first) {
				first = created
			}
			return nil
		}); err != nil {
			return err
		}
		// The period runs from the end of the store's last payout (else its
		// first entry here) to the cutoff.
		var last *time.Time
		if err := tx.QueryRow(ctx, `SELECT max(period_end) FROM settlement_payouts WHERE store_id = $1`, storeID).Scan(&last); err != nil {
			return err
		}
		if last != nil {
			first = *last
		}
		p, ok := decide(first, es)
		if !ok {
			return nil
		}
		t := p.Totals
		if _, err := tx.Exec(ctx, `INSERT INTO settlement_payouts (id, run_id, store_id, period_start, period_end,
			gross_sales_paise, commission_paise, commission_gst_paise, tcs_paise, fee_paise, refunds_paise, amount_paise,
			entry_count, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
			p.ID, run.ID, storeID, p.PeriodStart, p.PeriodEnd, t.Sales, t.Commission, t.CommissionGST, t.TCS, t.Fees,
			t.Refunds, p.Amount, p.EntryCount, p.Status, now); err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE ledger_entries SET payout_id = $1 WHERE id = ANY($2::uuid[]) AND payout_id IS NULL`, p.ID, ids)
		if err != nil {
			return err
		}
		if int(tag.RowsAffected()) != len(ids) {
			return fmt.Errorf("settled %d of %d entries", tag.RowsAffected(), len(ids))
		}
		paid = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("settle store %s in run %s: %w", storeID, run.ID, err)
	}
	return paid, nil
}

// FinishRun marks the run DONE.
func (s *Store) FinishRun(ctx context.Context, run settlement.Run, now time.Time) error {
	if _, err := s.db.Exec(ctx, `UPDATE settlement_runs SET status = 'DONE', finished_at = $2 WHERE id = $1 AND status = 'RUNNING'`,
		run.ID, now); err != nil {
		return fmt.Errorf("finish settlement run %s: %w", run.ID, err)
	}
	return nil
}
