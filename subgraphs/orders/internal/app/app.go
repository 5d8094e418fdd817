// Package app holds the orders use cases: the checkout saga, who may see
// and change an order, status changes from mutations and from events, and
// the transaction boundary of each.
package app

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
	"github.com/purra/supergraph/subgraphs/orders/internal/remote"
	"github.com/purra/supergraph/subgraphs/orders/internal/returns"
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
	// How long a repeated idempotency key waits for the checkout in progress
	// before answering CONFLICT/CHECKOUT_IN_PROGRESS: well inside the router's
	// per-subgraph timeout (5 s, router/gateway.config.mjs), so the shopper's
	// retry always gets an answer.
	DuplicateWait time.Duration `env:"CHECKOUT_DUPLICATE_WAIT" envDefault:"3s"`
	// A live checkout refreshes its claim every quarter of this; a claim not
	// refreshed for this long belongs to a checkout that died, and a retry
	// with its key takes it over.
	ClaimStaleAfter time.Duration `env:"CHECKOUT_CLAIM_STALE_AFTER" envDefault:"10s"`
	// How often orders' clock settles due orders and abandons dead checkouts.
	SettleInterval time.Duration `env:"SETTLE_INTERVAL" envDefault:"1s"`
	// Return window of a line none of whose categories has its own
	// (return_windows, set by admins), in days after delivery.
	ReturnWindowDays int `env:"RETURN_WINDOW_DAYS" envDefault:"10"`
	// Test-only fault hook, off by default: a checkout pauses this long after
	// holding the stock and the coupon and before writing its order, so that
	// the fault suite (e2e/faults) can kill orders mid-checkout exactly there.
	FaultPauseBeforePlace time.Duration `env:"ORDERS_FAULT_PAUSE_BEFORE_PLACE"`
}

// maxDuplicateWait keeps the duplicate-key wait under the router's 5 s
// per-subgraph timeout with room for the rest of the request.
const maxDuplicateWait = 4 * time.Second

// Validate refuses a configuration that would misbehave.
func (c Config) Validate() error {
	switch {
	case c.CODMaxOrderPaise < 0:
		return fmt.Errorf("COD_MAX_ORDER_PAISE must not be negative")
	case c.ReservationTTL < 10*time.Second || c.ReservationTTL > time.Hour:
		return fmt.Errorf("RESERVATION_TTL must be between 10s and 1h")
	case c.CheckoutPerMinute < 1:
		return fmt.Errorf("CHECKOUT_RATE_PER_MINUTE must be at least 1")
	case c.CheckoutTimeout <= 0 || c.DuplicateWait <= 0 || c.DuplicateWait > maxDuplicateWait:
		return fmt.Errorf("CHECKOUT_TIMEOUT must be positive and CHECKOUT_DUPLICATE_WAIT 0–%s", maxDuplicateWait)
	case c.ClaimStaleAfter < 2*time.Second || c.ClaimStaleAfter > 20*time.Second:
		// ≤ 20 s: a dead checkout's coupon hold is released within a minute
		// (abandoned after 2 × this, plus a tick and the event's trip).
		return fmt.Errorf("CHECKOUT_CLAIM_STALE_AFTER must be 2s–20s")
	case c.ReturnWindowDays < 0 || c.ReturnWindowDays > returns.MaxWindowDays:
		return fmt.Errorf("RETURN_WINDOW_DAYS must be 0–%d", returns.MaxWindowDays)
	case c.SettleInterval < 10*time.Millisecond || c.SettleInterval > 10*time.Second:
		return fmt.Errorf("SETTLE_INTERVAL must be 10ms–10s")
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
	wake    chan struct{}   // nudges the clock (settle.go)
	files   storage.Storage // invoice PDFs (invoices.go)
}

// New returns the use cases.
func New(st *store.Store, rc *remote.Clients, limiter *cache.Limiter, log *slog.Logger, cfg Config) *App {
	return &App{store: st, remote: rc, limiter: limiter, log: log, cfg: cfg, wake: make(chan struct{}, 1),
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) }}
}
