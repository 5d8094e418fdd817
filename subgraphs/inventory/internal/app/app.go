// Package app holds inventory's use cases: who may see and change which
// stock, where transactions begin, the consumers' effects and the reaper.
// Resolvers and consumers call it; it calls the stock domain and the store.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/inventory/internal/stock"
	"github.com/purra/supergraph/subgraphs/inventory/internal/store"
)

// AdminScope is the admin permission that manages any store's stock.
const AdminScope = "inventory:write"

// Config is inventory's own configuration (platform/config.Load).
type Config struct {
	// ReservationTTL: how long checkout's stock is held when the caller names no TTL.
	ReservationTTL time.Duration `env:"RESERVATION_TTL" envDefault:"15m"`
	// ReaperInterval: how often expired reservations are released.
	ReaperInterval time.Duration `env:"REAPER_INTERVAL" envDefault:"2s"`
}

// Validate fails fast on settings the use cases cannot honour.
func (c Config) Validate() error {
	if c.ReservationTTL < time.Second || c.ReservationTTL > stock.MaxTTL {
		return fmt.Errorf("RESERVATION_TTL must be 1s to %s, got %s", stock.MaxTTL, c.ReservationTTL)
	}
	if c.ReaperInterval < 10*time.Millisecond || c.ReaperInterval > time.Minute {
		return fmt.Errorf("REAPER_INTERVAL must be 10ms to 1m, got %s", c.ReaperInterval)
	}
	return nil
}

// Owners tells which stores a user owns (catalog's storeIdsOwnedBy).
type Owners interface {
	StoreIDsOwnedBy(ctx context.Context, ownerID string) ([]string, error)
}

// App is inventory's application layer.
type App struct {
	store  *store.Store
	owners Owners
	cfg    Config
	log    *slog.Logger
}

// New returns the use cases.
func New(st *store.Store, owners Owners, cfg Config, log *slog.Logger) *App {
	return &App{store: st, owners: owners, cfg: cfg, log: log}
}

// LevelsByIDs returns the levels of the variants in ids that inventory
// holds, in one query; malformed ids are simply not found.
func (a *App) LevelsByIDs(ctx context.Context, ids []string) (map[string]stock.Level, error) {
	valid := make([]string, 0, len(ids))
	for _, id := range ids {
		if s, ok := stock.ParseID(id); ok {
			valid = append(valid, s)
		}
	}
	return a.store.LevelsByIDs(ctx, valid)
}

// StockVisible reports whether the caller may see the stock count of a
// variant of storeID: an admin with inventory:write, or the store's owner.
// Everybody else sees only whether it is in stock.
func (a *App) StockVisible(ctx context.Context, storeID string) (bool, error) {
	id, ok := auth.From(ctx)
	switch {
	case !ok:
		return false, nil
	case id.Has(AdminScope):
		return true, nil
	case !id.Has(auth.RoleOwner):
		return false, nil
	}
	owned, err := a.ownedStores(ctx, id.Subject)
	return owned[storeID], err
}

// authorizeLevel returns the caller when they may manage l's stock.
func (a *App) authorizeLevel(ctx context.Context, l stock.Level) (auth.Identity, error) {
	id, err := auth.Require(ctx)
	if err != nil || id.Has(AdminScope) {
		return id, err
	}
	if !id.Has(auth.RoleOwner) {
		return id, errs.Denied("only the owner of the variant's store may manage its stock")
	}
	owned, err := a.ownedStores(ctx, id.Subject)
	if err != nil {
		return id, err
	}
	if !owned[l.StoreID] {
		return id, errs.Denied("only the owner of the variant's store may manage its stock")
	}
	return id, nil
}

// level parses a variant id argument and loads its level (false: none).
func (a *App) level(ctx context.Context, variantID string) (stock.Level, bool, error) {
	id, ok := stock.ParseID(variantID)
	if !ok {
		return stock.Level{}, false, errs.BadInput("variantId", "must be a UUID")
	}
	return a.store.Level(ctx, id)
}
