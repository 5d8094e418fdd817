// Package app holds the promotions use cases: who may do what, where
// transactions begin and end, the cached rule set and the budget for
// unknown coupon codes. Resolvers and event consumers call it; it calls the
// promo domain, the store and catalog.
package app

import (
	"context"
	"log/slog"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
	"github.com/purra/supergraph/subgraphs/promotions/internal/store"
)

// ScopeWrite is the admin permission to manage coupons and rules.
const ScopeWrite = "promotions:write"

// Catalog gives the facts pricing needs about variants (catalog.Client).
type Catalog interface {
	Variants(ctx context.Context, ids []string) (map[string]promo.Variant, error)
}

// Limiter spends rate-limit budget (platform/cache.Limiter).
type Limiter interface {
	Allow(ctx context.Context, key string, perMinute int) error
}

// Config are the promotions settings (server.Config reads them).
type Config struct {
	Shipping promo.Shipping
	// HoldTTL: a PENDING hold older than this had no order and is released.
	HoldTTL time.Duration
	// RulesTTL bounds how long the rule set is served from Redis; rule
	// changes invalidate it at once.
	RulesTTL time.Duration
	// MissesPerMinute is how many unknown coupon codes a caller may try.
	MissesPerMinute int
}

// App is the promotions subgraph's application layer.
type App struct {
	store   *store.Store
	catalog Catalog
	cache   *cache.Cache
	limiter Limiter
	cfg     Config
	log     *slog.Logger
	now     func() time.Time
}

// New returns the application.
func New(st *store.Store, c Catalog, ch *cache.Cache, l Limiter, cfg Config, log *slog.Logger) *App {
	return &App{store: st, catalog: c, cache: ch, limiter: l, cfg: cfg, log: log,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}

// Now is the application's clock (coupon status is relative to it).
func (a *App) Now() time.Time { return a.now() }

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// adminAction is a coupon or rule write as the audit log names it.
func adminAction(action string) store.AdminAction {
	return store.AdminAction{Permission: ScopeWrite, Action: action}
}

// isAdmin: admin tokens carry the promotions:write permission.
func isAdmin(id auth.Identity) bool { return id.Has(ScopeWrite) }

// userID is the caller's user id, or "" for an anonymous caller or a token
// whose subject is no user (an admin's).
func userID(ctx context.Context) string {
	if id, ok := auth.From(ctx); ok && promo.IsUUID(id.Subject) {
		return id.Subject
	}
	return ""
}

// IsAdmin reports whether the caller manages promotions.
func IsAdmin(ctx context.Context) bool {
	id, ok := auth.From(ctx)
	return ok && isAdmin(id)
}

type clientKey struct{}

// WithClient records the caller's network address, the budget key of
// anonymous callers.
func WithClient(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientKey{}, addr)
}

// spendMiss charges one unknown coupon code to the caller's budget, so that
// codes cannot be guessed in bulk (through coupon(code) or quotes).
func (a *App) spendMiss(ctx context.Context) error {
	key := "coupon-miss:"
	if id, ok := auth.From(ctx); ok {
		key += "user:" + id.Subject
	} else {
		addr, _ := ctx.Value(clientKey{}).(string)
		key += "ip:" + addr
	}
	return a.limiter.Allow(ctx, key, a.cfg.MissesPerMinute)
}
