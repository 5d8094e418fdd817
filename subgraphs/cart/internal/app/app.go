// Package app holds the cart subgraph's use cases: who the buyer is, what
// must be looked up before a change (variant facts, a quote), and where each
// change's transaction begins and ends. Resolvers call it; it calls the cart
// domain, the store and the other subgraphs (through small interfaces).
package app

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
	"github.com/purra/supergraph/subgraphs/cart/internal/store"
)

// Catalog tells what the caller may know about a variant.
type Catalog interface {
	Variant(ctx context.Context, id string) (cart.Variant, error)
}

// Pricer quotes a cart for the caller (promotions).
type Pricer interface {
	Quote(ctx context.Context, req cart.QuoteRequest) (cart.Pricing, error)
}

// AddressBook lists the caller's addresses (users).
type AddressBook interface {
	Addresses(ctx context.Context) ([]cart.Address, error)
}

// App is the cart subgraph's application layer.
type App struct {
	store     *store.Store
	catalog   Catalog
	pricer    Pricer
	addresses AddressBook
	rules     cart.Rules
	now       func() time.Time
}

// New returns the application.
func New(st *store.Store, catalog Catalog, pricer Pricer, addresses AddressBook, rules cart.Rules) *App {
	return &App{
		store: st, catalog: catalog, pricer: pricer, addresses: addresses, rules: rules,
		now: func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
	}
}

// ErrNotShopper: only shopper accounts (not admins, not service tokens) have carts.
var ErrNotShopper = errs.Denied("only shopper accounts have a cart and a wishlist")

// buyer is the signed-in shopper.
type buyer struct {
	ID   string
	Role cart.Role
}

// buyer returns the caller as a shopper: UNAUTHENTICATED without a valid
// token, FORBIDDEN for a token that is not a shopper's.
func (a *App) buyer(ctx context.Context) (buyer, error) {
	id, err := auth.Require(ctx)
	if err != nil {
		return buyer{}, err
	}
	role := cart.Role(id.Role)
	subject, ok := canonicalID(id.Subject)
	if !role.IsShopper() || !ok {
		return buyer{}, ErrNotShopper
	}
	return buyer{ID: subject, Role: role}, nil
}

// ShopperID returns the caller's user id, or why they have no cart.
func (a *App) ShopperID(ctx context.Context) (string, error) {
	b, err := a.buyer(ctx)
	return b.ID, err
}

// IsSelf reports whether the caller is user userID.
func (a *App) IsSelf(ctx context.Context, userID string) bool {
	id, ok := auth.From(ctx)
	return ok && id.Subject == userID
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// canonicalID returns s as a canonical (lower-case, hyphenated) UUID, the
// form ids are stored and compared in; ok is false for anything else.
func canonicalID(s string) (id string, ok bool) {
	if len(s) != 36 {
		return "", false
	}
	u, err := uuid.Parse(s)
	if err != nil {
		return "", false
	}
	return u.String(), true
}
