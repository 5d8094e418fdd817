package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
	"github.com/purra/supergraph/subgraphs/cart/internal/store"
	"github.com/purra/supergraph/subgraphs/cart/migrations"
)

var now = time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)

type fixture struct {
	t  *testing.T
	s  *store.Store
	tx func(fn func(pgx.Tx) error)
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := servicetest.DB(t, service.Spec{Name: "cart", Migrations: migrations.FS})
	return &fixture{t: t, s: store.New(db), tx: func(fn func(pgx.Tx) error) {
		t.Helper()
		if err := pgx.BeginFunc(context.Background(), db, fn); err != nil {
			t.Fatal(err)
		}
	}}
}

func variant(id string) cart.Variant {
	return cart.Variant{ID: id, Found: true, SKU: "SKU", ProductStatus: "ACTIVE"}
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// update is one saved change of user's cart (as a mutation makes it).
func (f *fixture) update(user string, fn func(c *cart.Cart) error) *cart.Cart {
	f.t.Helper()
	c, err := f.s.UpdateCart(context.Background(), user, newID(), now, fn)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) add(user, variantID string, q int) *cart.Cart {
	f.t.Helper()
	return f.update(user, func(c *cart.Cart) error {
		return c.Add(cart.DefaultRules(), cart.RoleCustomer, newID(), variant(variantID), q, now)
	})
}

func (f *fixture) load(user string) *cart.Cart {
	f.t.Helper()
	m, err := f.s.CartsByUserIDs(context.Background(), []string{user})
	if err != nil {
		f.t.Fatal(err)
	}
	return m[user]
}

func lineOf(c *cart.Cart, variantID string) (cart.Line, bool) {
	for _, l := range c.Lines {
		if l.VariantID == variantID {
			return l, true
		}
	}
	return cart.Line{}, false
}

// Every saved change is one version; a line keeps the version of its creation.
func TestSaveCart_versions(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	user, v1, v2 := newID(), newID(), newID()
	if c := f.add(user, v1, 1); c.Version != 1 {
		t.Fatalf("after the first add: version %d", c.Version)
	}
	f.add(user, v1, 2) // the same line, raised
	f.add(user, v2, 1)
	f.update(user, func(*cart.Cart) error { return nil }) // no change: no version
	refused := errors.New("refused")
	if _, err := f.s.UpdateCart(context.Background(), user, newID(), now, func(c *cart.Cart) error {
		_ = c.Add(cart.DefaultRules(), cart.RoleCustomer, newID(), variant(newID()), 1, now)
		return refused
	}); !errors.Is(err, refused) {
		t.Fatalf("refused change: %v", err)
	}
	c := f.load(user)
	l1, _ := lineOf(c, v1)
	l2, _ := lineOf(c, v2)
	if c.Version != 3 || l1.CreatedVersion != 1 || l1.Quantity != 3 || l2.CreatedVersion != 3 {
		t.Fatalf("version %d, lines %+v %+v", c.Version, l1, l2)
	}
	// Removed and re-added: a new line, created by a later version.
	f.update(user, func(c *cart.Cart) error { return c.Remove(l1.ID) })
	f.add(user, v1, 1)
	c = f.load(user)
	if l, _ := lineOf(c, v1); c.Version != 5 || l.CreatedVersion != 5 || l.ID == l1.ID {
		t.Fatalf("re-added: version %d, line %+v", c.Version, l)
	}
}

// confirm runs what order.status_changed CONFIRMED does for orderID.
func (f *fixture) confirm(user, orderID string) {
	f.t.Helper()
	f.tx(func(tx pgx.Tx) error {
		var co cart.Checkout
		apply := false
		if err := f.s.UpdateCheckout(context.Background(), tx, orderID, now, func(c *cart.Checkout) error {
			apply, co = c.Confirm(), *c
			return nil
		}); err != nil || !apply {
			return err
		}
		return f.s.UpdateCartTx(context.Background(), tx, user, now, func(c *cart.Cart) error {
			c.RemoveCheckedOut(co, now)
			return nil
		})
	})
}

func (f *fixture) record(user string, version int, items ...cart.Ordered) string {
	f.t.Helper()
	orderID := newID()
	co, err := cart.NewCheckout(orderID, user, &version, "", items)
	if err != nil {
		f.t.Fatal(err)
	}
	f.tx(func(tx pgx.Tx) error { return f.s.RecordCheckout(context.Background(), tx, co, now) })
	return orderID
}

// The checkout saw version 2 (phone ×1, cable ×2). Afterwards the shopper
// removed and re-added the phone and raised the cables: after the
// confirmation the re-added phone is whole and one cable is left.
func TestCheckout_confirmRemovesExactlyWhatWasCheckedOut(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	user, phone, cable := newID(), newID(), newID()
	f.add(user, phone, 1)
	seen := f.add(user, cable, 2).Version
	orderID := f.record(user, seen, cart.Ordered{VariantID: phone, Quantity: 1}, cart.Ordered{VariantID: cable, Quantity: 2})

	old, _ := lineOf(f.load(user), phone)
	f.update(user, func(c *cart.Cart) error { return c.Remove(old.ID) })
	f.add(user, phone, 1)
	f.add(user, cable, 1)

	f.confirm(user, orderID)
	c := f.load(user)
	p, okP := lineOf(c, phone)
	k, okK := lineOf(c, cable)
	if !okP || p.Quantity != 1 || !okK || k.Quantity != 1 || len(c.Lines) != 2 {
		t.Fatalf("after confirmation: %+v", c.Lines)
	}
	// Confirmed again (another event saying the same): nothing more leaves.
	f.confirm(user, orderID)
	if again := f.load(user); again.ItemCount() != 2 {
		t.Fatalf("second confirmation changed the cart: %+v", again.Lines)
	}
	var state string
	var settled *time.Time
	f.tx(func(tx pgx.Tx) error {
		return tx.QueryRow(context.Background(), `SELECT state, settled_at FROM checkouts WHERE order_id = $1`, orderID).Scan(&state, &settled)
	})
	if state != "APPLIED" || settled == nil {
		t.Fatalf("checkout state %s, settled %v", state, settled)
	}
}

func TestCheckout_recordTwiceKeepsTheFirst(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	user, phone := newID(), newID()
	version := 3
	co, _ := cart.NewCheckout(newID(), user, &version, "FLAT500", []cart.Ordered{{VariantID: phone, Quantity: 1}})
	f.tx(func(tx pgx.Tx) error { return f.s.RecordCheckout(context.Background(), tx, co, now) })
	other := co
	other.CartVersion, other.Items = 9, []cart.Ordered{{VariantID: phone, Quantity: 5}}
	f.tx(func(tx pgx.Tx) error { return f.s.RecordCheckout(context.Background(), tx, other, now) })
	f.tx(func(tx pgx.Tx) error {
		return f.s.UpdateCheckout(context.Background(), tx, co.OrderID, now, func(got *cart.Checkout) error {
			if got.CartVersion != 3 || got.CouponCode != "FLAT500" || len(got.Items) != 1 || got.Items[0].Quantity != 1 ||
				got.State != cart.CheckoutOpen || got.UserID != user {
				t.Fatalf("checkout = %+v", got)
			}
			return nil
		})
	})
}

func TestCheckout_cancelledLeavesTheCartAlone(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	user, phone := newID(), newID()
	seen := f.add(user, phone, 2).Version
	orderID := f.record(user, seen, cart.Ordered{VariantID: phone, Quantity: 2})
	f.tx(func(tx pgx.Tx) error {
		return f.s.UpdateCheckout(context.Background(), tx, orderID, now, func(c *cart.Checkout) error { c.Cancel(); return nil })
	})
	f.confirm(user, orderID) // cannot happen after CANCELLED; if it did, it would change nothing
	if c := f.load(user); c.ItemCount() != 2 || c.Version != seen {
		t.Fatalf("cart after cancellation: version %d, %+v", c.Version, c.Lines)
	}
}

func TestCheckout_unknownOrder(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	called := false
	f.tx(func(tx pgx.Tx) error {
		err := f.s.UpdateCheckout(context.Background(), tx, newID(), now, func(*cart.Checkout) error { called = true; return nil })
		if !errors.Is(err, store.ErrNoCheckout) {
			t.Fatalf("err = %v", err)
		}
		return nil
	})
	if called {
		t.Fatal("fn called without a checkout")
	}
}
