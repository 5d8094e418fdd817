package app

import (
	"context"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
	"github.com/purra/supergraph/subgraphs/inventory/internal/store"
)

// StockLevel returns the level of a variant to whoever may manage it; nil
// when inventory holds none.
func (a *App) StockLevel(ctx context.Context, variantID string) (*stock.Level, error) {
	l, ok, err := a.level(ctx, variantID)
	if err != nil || !ok {
		return nil, err
	}
	if _, err := a.authorizeLevel(ctx, l); err != nil {
		return nil, err
	}
	return &l, nil
}

// Restock adds quantity units on hand.
func (a *App) Restock(ctx context.Context, variantID string, quantity int) (stock.Level, error) {
	if err := stock.Quantity("quantity", quantity); err != nil {
		return stock.Level{}, err
	}
	return a.manage(ctx, variantID, func(id, actor string) (stock.Level, error) {
		return a.store.Restock(ctx, id, quantity, actor, store.AdminAction{Permission: AdminScope, Action: "stock.restock"})
	})
}

// SetStockAlert sets the low-stock threshold (0 turns the alert off).
func (a *App) SetStockAlert(ctx context.Context, variantID string, threshold int) (stock.Level, error) {
	if err := stock.Threshold("threshold", threshold); err != nil {
		return stock.Level{}, err
	}
	return a.manage(ctx, variantID, func(id, actor string) (stock.Level, error) {
		return a.store.SetThreshold(ctx, id, threshold, actor, store.AdminAction{Permission: AdminScope, Action: "stock.set_alert"})
	})
}

// manage runs an owner's change of a variant's level once the variant is
// known and the caller may manage it. Ownership is asked of catalog before
// the transaction: no network call happens while rows are locked.
func (a *App) manage(ctx context.Context, variantID string, change func(id, actor string) (stock.Level, error)) (stock.Level, error) {
	l, ok, err := a.level(ctx, variantID)
	if err != nil {
		return l, err
	}
	if !ok {
		return l, errs.Missing("variant")
	}
	caller, err := a.authorizeLevel(ctx, l)
	if err != nil {
		return l, err
	}
	return change(l.VariantID, caller.Subject)
}
