package app

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// What the catalogue serves the commerce subgraphs: GST rates, store
// ownership and GST origin, and the stock projection behind the inStock filter.

// GSTRates returns every HSN code's GST rate.
func (a *App) GSTRates(ctx context.Context) ([]catalog.GSTRate, error) { return a.store.GSTRates(ctx) }

// SetGSTRate sets the GST rate of an HSN code (admins with catalog:write).
// A change drops the cached pages of the products under that code, which
// show their rate, and publishes gst_rate.changed.
func (a *App) SetGSTRate(ctx context.Context, in catalog.SetGSTRate) (catalog.GSTRate, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return catalog.GSTRate{}, err
	}
	if !writesAnyStore(id) {
		return catalog.GSTRate{}, errs.Denied("requires " + ScopeCatalogWrite)
	}
	if err := in.Validate(); err != nil {
		return catalog.GSTRate{}, err
	}
	rate, affected, err := a.store.SetGSTRate(ctx, in, id.Subject)
	if err != nil {
		return rate, err
	}
	a.dropProductPages(ctx, affected)
	return rate, nil
}

// StoreIDsOwnedBy returns the ids of the stores a user owns (internal: for
// the commerce subgraphs' owner views). A malformed id is BAD_USER_INPUT.
func (a *App) StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error) {
	oid, err := catalog.RefID("ownerId", ownerID, "owner")
	if err != nil {
		return nil, err
	}
	return a.store.StoreIDsOwnedBy(ctx, oid)
}

// ApplyStockChanged records inventory's stock.changed in the projection, in
// the consumer's transaction. It reports false for an event that can never
// apply (no variant id), which the caller logs and skips.
func (a *App) ApplyStockChanged(ctx context.Context, tx pgx.Tx, e catalog.StockChanged, at time.Time) (bool, error) {
	vid, ok := catalog.ParseID(e.VariantID)
	if !ok {
		return false, nil
	}
	e.VariantID = vid
	if at.IsZero() {
		at = time.Now() // an envelope without occurredAt: treat it as current
	}
	return true, a.store.ApplyStockChanged(ctx, tx, e, at)
}

// ApplyStoreChanged projects a stores event (store.created, store.updated,
// store.status_changed) in the consumer's transaction; a status change drops
// the cached pages of the store's products (they carry the status). It
// reports false for an event that can never apply.
func (a *App) ApplyStoreChanged(ctx context.Context, tx pgx.Tx, e catalog.StoreChanged, at time.Time) (bool, error) {
	if !e.Normalize() {
		return false, nil
	}
	if at.IsZero() {
		at = time.Now()
	}
	pages, err := a.store.ApplyStoreChanged(ctx, tx, e, at)
	if err != nil {
		return true, err
	}
	// Before the commit, and once more RecheckAfter later (after it).
	a.dropProductPages(ctx, pages)
	return true, nil
}

// ApplyRatingChanged projects reviews' product.rating_changed (RATING sort).
func (a *App) ApplyRatingChanged(ctx context.Context, tx pgx.Tx, e catalog.RatingChanged, at time.Time) (bool, error) {
	if !e.Normalize() {
		return false, nil
	}
	if at.IsZero() {
		at = time.Now()
	}
	return true, a.store.ApplyRatingChanged(ctx, tx, e, at)
}

// CategoryExists reports whether category id exists (internal: payments'
// commission rates name categories). A malformed id exists nowhere.
func (a *App) CategoryExists(ctx context.Context, id string) (bool, error) {
	cid, ok := catalog.ParseID(id)
	if !ok {
		return false, nil
	}
	cs, err := a.store.CategoriesByIDs(ctx, []string{cid})
	if err != nil {
		return false, err
	}
	_, found := cs[cid]
	return found, nil
}
