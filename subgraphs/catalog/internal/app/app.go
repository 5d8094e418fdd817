// Package app holds the catalogue's use cases: who may do what, the
// read-through product page cache and its invalidation, and the boundaries
// of each write (one store transaction each).
package app

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

// App is the catalogue's use cases over the store and the cache.
type App struct {
	store *store.Store
	cache *cache.Cache
	log   *slog.Logger
	// PageTTL bounds how long a product page is served from Redis; writes
	// invalidate it sooner.
	PageTTL time.Duration
	// RecheckAfter is when a write invalidates its keys a second time, so a
	// page read from Postgres just before the commit and cached just after
	// does not survive.
	RecheckAfter time.Duration
}

// New returns the use cases.
func New(st *store.Store, c *cache.Cache, log *slog.Logger) *App {
	return &App{store: st, cache: c, log: log, PageTTL: 10 * time.Minute, RecheckAfter: time.Second}
}

// Cache keys of a product page, by id and by slug. v2: pages carry their
// store's status (pages cached before that must not be read).
func PageKeyByID(id string) string     { return "product:v2:id:" + id }
func PageKeyBySlug(slug string) string { return "product:v2:slug:" + slug }

// invalidate drops the pages of p (and of its old slug) now and once more
// shortly after.
func (a *App) invalidate(ctx context.Context, id string, slugs ...string) {
	keys := []string{PageKeyByID(id)}
	for _, s := range slugs {
		keys = append(keys, PageKeyBySlug(s))
	}
	a.dropPages(ctx, keys)
}

// dropPages deletes cached pages now and once more after RecheckAfter.
func (a *App) dropPages(ctx context.Context, keys []string) {
	if len(keys) == 0 {
		return
	}
	a.cache.Delete(ctx, keys...)
	later := context.WithoutCancel(ctx)
	time.AfterFunc(a.RecheckAfter, func() { a.cache.Delete(later, keys...) })
}

// ScopeCatalogWrite is the admin permission to change any store's products
// and the GST rates.
const ScopeCatalogWrite = "catalog:write"

// writesAnyStore: an admin holding catalog:write may change any store's products.
func writesAnyStore(id auth.Identity) bool { return id.Has(ScopeCatalogWrite) }

// isAdmin: admins (by role, or by holding catalog:write) see what owners see
// in any store.
func isAdmin(id auth.Identity) bool { return id.Role == auth.RoleAdmin || writesAnyStore(id) }

// SeesRetailTerms reports whether the caller may see retailer prices and
// minimum order quantities: retailers, owners and admins.
func SeesRetailTerms(ctx context.Context) bool {
	id, ok := auth.From(ctx)
	return ok && (id.Has(auth.RoleRetailer) || id.Has(auth.RoleOwner) || isAdmin(id))
}

// authorizeProduct returns the caller when they own the store of product id
// or hold catalog:write.
func (a *App) authorizeProduct(ctx context.Context, productID string) (auth.Identity, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return id, err
	}
	owner, err := a.store.ProductOwner(ctx, productID)
	if err != nil {
		return id, err
	}
	if owner == "" {
		return id, errs.Missing("product")
	}
	if owner != id.Subject && !writesAnyStore(id) {
		return id, errs.Denied("only the store's owner may change this product")
	}
	return id, nil
}

// authorizeVariant is authorizeProduct for a variant; it returns its product id.
func (a *App) authorizeVariant(ctx context.Context, variantID string) (auth.Identity, string, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return id, "", err
	}
	productID, owner, err := a.store.VariantOwner(ctx, variantID)
	if err != nil {
		return id, "", err
	}
	if owner == "" {
		return id, "", errs.Missing("variant")
	}
	if owner != id.Subject && !writesAnyStore(id) {
		return id, "", errs.Denied("only the store's owner may change this variant")
	}
	return id, productID, nil
}

var errNoPage = errors.New("no such product")
