// Package app holds the orders use cases: the checkout saga, who may see
// and change an order, status changes from mutations and from events, and
// the transaction boundary of each.
package app

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/purra/supergraph/platform/cache"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/remote"
	"github.com/purra/supergraph/subgraphs/orders/internal/store"
)

// Config is the orders subgraph's own configuration (platform/config.Load).
type Config struct {
	// Cash on delivery only up to this total (default ₹50,000) …
	CODMaxOrderPaise int64 `env:"COD_MAX_ORDER_PAISE" envDefault:"5000000"`
	// … and not to PIN codes starting with one of these (default none).
	CODBlockedPinPrefixes []string `env:"COD_BLOCKED_PIN_PREFIXES" envSeparator:","`
	// How long stock (and the coupon) are held for an unpaid order.
	ReservationTTL time.Duration `env:"RESERVATION_TTL" envDefault:"15m"`
	// Checkouts per user per minute.
	CheckoutPerMinute int `env:"CHECKOUT_RATE_PER_MINUTE" envDefault:"20"`
	// Upper bound of one checkout saga (it runs to its end even if the client leaves).
	CheckoutTimeout time.Duration `env:"CHECKOUT_TIMEOUT" envDefault:"45s"`
	// How long a repeated idempotency key waits for the checkout in progress.
	DuplicateWait time.Duration `env:"CHECKOUT_DUPLICATE_WAIT" envDefault:"15s"`
	// A claim older than this belongs to a checkout that died (> CheckoutTimeout + its compensation).
	ClaimStaleAfter time.Duration `env:"CHECKOUT_CLAIM_STALE_AFTER" envDefault:"2m"`
}

// Validate refuses a configuration that would misbehave.
func (c Config) Validate() error {
	switch {
	case c.CODMaxOrderPaise < 0:
		return fmt.Errorf("COD_MAX_ORDER_PAISE must not be negative")
	case c.ReservationTTL < time.Minute || c.ReservationTTL > time.Hour:
		return fmt.Errorf("RESERVATION_TTL must be between 1m and 1h")
	case c.CheckoutPerMinute < 1:
		return fmt.Errorf("CHECKOUT_RATE_PER_MINUTE must be at least 1")
	case c.CheckoutTimeout <= 0 || c.DuplicateWait <= 0:
		return fmt.Errorf("CHECKOUT_TIMEOUT and CHECKOUT_DUPLICATE_WAIT must be positive")
	case c.ClaimStaleAfter <= c.CheckoutTimeout+2*compensationTimeout:
		return fmt.Errorf("CHECKOUT_CLAIM_STALE_AFTER must exceed CHECKOUT_TIMEOUT by %s", 2*compensationTimeout)
	}
	return nil
}

func (c Config) cod() order.CODRules {
	return order.CODRules{MaxTotalPaise: c.CODMaxOrderPaise, BlockedPinPrefixes: c.CODBlockedPinPrefixes}
}

// App is the orders use cases.
type App struct {
	store   *store.Store
	remote  *remote.Clients
	limiter *cache.Limiter
	log     *slog.Logger
	cfg     Config
	now     func() time.Time
}

// New returns the use cases.
func New(st *store.Store, rc *remote.Clients, limiter *cache.Limiter, log *slog.Logger, cfg Config) *App {
	return &App{store: st, remote: rc, limiter: limiter, log: log, cfg: cfg,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}
