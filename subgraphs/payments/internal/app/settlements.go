package app

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/audit"
	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/page"
	"github.com/purra/supergraph/platform/periodic"
	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/payments/internal/settlement"
)

// ScopeSettlements lets an admin set commission rates, run settlements and
// read any store's settlements.
const ScopeSettlements = "settlements:manage"

// Categories answers whether a catalogue category exists (catalog's categoryExists).
type Categories interface {
	CategoryExists(ctx context.Context, id string) (bool, error)
}

// SettlementOptions configure the ledger and the settlement job.
type SettlementOptions struct {
	Policy settlement.Policy
	// Every is how often stores are paid (weekly); Poll how often the job
	// checks whether a run is due or an interrupted one must be resumed.
	Every, Poll time.Duration
	// FaultPausePerStore (tests only, 0 = off) pauses a run after each
	// store's payout, so a test can kill it half-way.
	FaultPausePerStore time.Duration
}

var errNotYourStore = errs.Denied("only the store's owner or an admin holding settlements:manage may see its settlements")

// FulfilmentDelivered enters a delivered fulfilment in the ledger, in tx
// (the consumer's transaction): its sale with commission, GST on it, TCS and
// the gateway's fee, at the rates configured now. A delivery entered before
// changes nothing. A malformed delivery is refused (parked by the consumer).
func (a *App) FulfilmentDelivered(ctx context.Context, tx pgx.Tx, d settlement.Delivery) error {
	if err := d.Validate(); err != nil {
		return err
	}
	var cats []string
	for _, l := range d.Lines {
		cats = append(cats, l.CategoryIDs...)
	}
	rates, err := a.store.CommissionRatesOf(ctx, tx, cats)
	if err != nil {
		return err
	}
	_, err = a.store.RecordSale(ctx, tx, a.settle.Policy.Sale(d, rates), a.now())
	return err
}

type rateSummary struct {
	Percent string `json:"percent"`
}

// SetCommissionRate sets a category's commission (admins with
// settlements:manage), audited in the same transaction. The category must
// exist in the catalogue; percent is 0–100 with at most two decimals.
func (a *App) SetCommissionRate(ctx context.Context, categoryID string, percent float64) (settlement.CommissionRate, error) {
	id, err := a.requireSettlements(ctx)
	if err != nil {
		return settlement.CommissionRate{}, err
	}
	if !page.IsID(categoryID) {
		return settlement.CommissionRate{}, settlement.ErrUnknownCategory
	}
	rate, err := settlement.ParsePercent(percent)
	if err != nil {
		return settlement.CommissionRate{}, err
	}
	ok, err := a.categories.CategoryExists(ctx, categoryID)
	if err != nil {
		return settlement.CommissionRate{}, err
	}
	if !ok {
		return settlement.CommissionRate{}, settlement.ErrUnknownCategory
	}
	r := settlement.CommissionRate{CategoryID: categoryID, Rate: rate, UpdatedBy: id.Subject, UpdatedAt: a.now()}
	err = a.store.InTx(ctx, func(tx pgx.Tx) error {
		before, err := a.store.SetCommissionRate(ctx, tx, r)
		if err != nil {
			return err
		}
		var b any
		if before != nil {
			b = rateSummary{Percent: before.String()}
		}
		return a.store.Audit(ctx, tx, audit.Entry{Permission: ScopeSettlements, Action: "commission_rate.set",
			TargetType: "Category", TargetID: categoryID, Before: b, After: rateSummary{Percent: rate.String()}})
	})
	if err != nil {
		return settlement.CommissionRate{}, err
	}
	return r, nil
}

// CommissionRates lists the configured rates (settlements:manage) and the default.
func (a *App) CommissionRates(ctx context.Context) ([]settlement.CommissionRate, settlement.Rate, error) {
	if _, err := a.requireSettlements(ctx); err != nil {
		return nil, 0, err
	}
	rs, err := a.store.CommissionRates(ctx)
	return rs, a.settle.Policy.DefaultCommission, err
}

// RunResult is what one settlement run did.
type RunResult struct {
	Run     settlement.Run
	Resumed bool // it finished a run interrupted earlier
	Payouts int  // payouts written by this call
}

// RunSettlement runs (or resumes) a settlement now, for an admin with
// settlements:manage; the periodic job does the same (RunSettlements).
func (a *App) RunSettlement(ctx context.Context) (RunResult, error) {
	id, err := a.requireSettlements(ctx)
	if err != nil {
		return RunResult{}, err
	}
	res, err := a.settleAll(ctx, id.Subject)
	if err != nil {
		return res, err
	}
	err = a.store.InTx(ctx, func(tx pgx.Tx) error {
		return a.store.Audit(ctx, tx, audit.Entry{Permission: ScopeSettlements, Action: "settlement.run",
			TargetType: "SettlementRun", TargetID: res.Run.ID, After: map[string]any{"payouts": res.Payouts, "resumed": res.Resumed,
				"cutoff": res.Run.Cutoff}})
	})
	return res, err
}

// settleAll resumes the interrupted run, if any, else starts one with
// cutoff now, and pays every store its payable entries, one transaction per
// store (store.SettleStore). Killed at any point, the next call finishes
// the same run and pays nothing twice.
func (a *App) settleAll(ctx context.Context, by string) (RunResult, error) {
	run, resumed, err := a.store.StartRun(ctx, by, a.now())
	if err != nil {
		return RunResult{}, err
	}
	res := RunResult{Run: run, Resumed: resumed}
	stores, err := a.store.StoresToSettle(ctx, run)
	if err != nil {
		return res, err
	}
	for _, storeID := range stores {
		now := a.now()
		paid, err := a.store.SettleStore(ctx, run, storeID, now, func(start time.Time, es []settlement.Entry) (settlement.Payout, bool) {
			return settlement.NewPayout(uuid.Must(uuid.NewV7()).String(), run.ID, storeID, start, run.Cutoff, es, now)
		})
		if err != nil {
			return res, err
		}
		if paid {
			res.Payouts++
			if a.settle.FaultPausePerStore > 0 {
				time.Sleep(a.settle.FaultPausePerStore)
			}
		}
	}
	return res, a.store.FinishRun(ctx, run, a.now())
}

// RunSettlements is the settlement job: every Poll it resumes an
// interrupted run, or starts one when the last started Every ago or more
// (or never). The schedule lives in the database, so restarts keep it.
func (a *App) RunSettlements(ctx context.Context) error {
	return periodic.Every(ctx, a.log, a.settle.Poll, "settlement run", func(ctx context.Context) (int, error) {
		pending, err := a.store.RunPending(ctx)
		if err != nil {
			return 0, err
		}
		last, err := a.store.LastRunStarted(ctx)
		if err != nil {
			return 0, err
		}
		if !pending && !last.IsZero() && a.now().Sub(last) < a.settle.Every {
			return 0, nil
		}
		res, err := a.settleAll(ctx, "")
		return res.Payouts, err
	})
}

// PayoutPage is a page of a store's payouts with their statements' lines.
type PayoutPage struct {
	Payouts []settlement.Payout
	Lines   map[string][]settlement.StatementLine
	Total   int
	HasNext bool
}

// Settlements pages the store's payouts, newest first, for its owner or an
// admin with settlements:manage (FORBIDDEN for anybody else).
func (a *App) Settlements(ctx context.Context, storeID string, first *int, after *string) (PayoutPage, error) {
	if err := a.mayReadSettlements(ctx, storeID); err != nil {
		return PayoutPage{}, err
	}
	req, err := PayoutKind.Parse(first, after)
	if err != nil {
		return PayoutPage{}, err
	}
	if !page.IsID(storeID) {
		return PayoutPage{}, nil
	}
	ps, total, err := a.store.Payouts(ctx, storeID, req)
	if err != nil {
		return PayoutPage{}, err
	}
	out := PayoutPage{Payouts: ps, Total: total}
	if len(ps) > req.First {
		out.Payouts, out.HasNext = ps[:req.First], true
	}
	ids := make([]string, len(out.Payouts))
	for i, p := range out.Payouts {
		ids[i] = p.ID
	}
	out.Lines, err = a.store.PayoutLines(ctx, ids)
	return out, err
}

// PayoutKind is the cursor kind of Store.settlements.
const PayoutKind page.Kind = "sp"

// SettlementBalance is the store's pending, payable and paid-out amounts,
// for its owner or an admin with settlements:manage.
func (a *App) SettlementBalance(ctx context.Context, storeID string) (settlement.Balance, error) {
	if err := a.mayReadSettlements(ctx, storeID); err != nil {
		return settlement.Balance{}, err
	}
	if !page.IsID(storeID) {
		return settlement.Balance{}, nil
	}
	return a.store.Balance(ctx, storeID, a.now())
}

func (a *App) requireSettlements(ctx context.Context) (auth.Identity, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return id, err
	}
	if !id.Has(ScopeSettlements) {
		return id, errs.Denied("requires settlements:manage")
	}
	return id, nil
}

// mayReadSettlements: the store's owner (asked from catalog, once per
// request) or an admin with settlements:manage.
func (a *App) mayReadSettlements(ctx context.Context, storeID string) error {
	id, err := auth.Require(ctx)
	if err != nil {
		return err
	}
	if id.Has(ScopeSettlements) {
		return nil
	}
	if !id.Has(auth.RoleOwner) {
		return errNotYourStore
	}
	owned, err := a.storesOwnedBy(ctx, id.Subject)
	if err != nil {
		return err
	}
	if !slices.Contains(owned, storeID) {
		return errNotYourStore
	}
	return nil
}

// CatalogCategories asks the catalog subgraph (internal categoryExists).
type CatalogCategories struct {
	Client *subgraph.Client
}

const categoryExistsQuery = `query CategoryExists($id: ID!) { categoryExists(id: $id) }`

// CategoryExists implements Categories.
func (c CatalogCategories) CategoryExists(ctx context.Context, id string) (bool, error) {
	var out struct {
		CategoryExists bool `json:"categoryExists"`
	}
	if err := c.Client.Do(ctx, categoryExistsQuery, map[string]any{"id": id}, &out, subgraph.Idempotent()); err != nil {
		return false, fmt.Errorf("categoryExists %s: %w", id, err)
	}
	return out.CategoryExists, nil
}
