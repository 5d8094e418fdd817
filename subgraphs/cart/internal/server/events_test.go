package server_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/kafka"
)

// envelope wraps payload as the producing subgraph's outbox would.
func envelope(t testing.TB, eventType, aggregateID string, payload any) kafka.Envelope {
	t.Helper()
	raw, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: eventType, Version: 1,
		OccurredAt: time.Now().UTC(), AggregateID: aggregateID, Payload: raw}
}

// deliver applies env through the consumer's registered handler, as the
// consumer loop does (dedupe mark and effect in one transaction).
func (e *env) deliver(env kafka.Envelope) error {
	e.t.Helper()
	h, ok := e.d.Consumer.Handler(env.Type)
	if !ok {
		e.t.Fatalf("no handler for %s", env.Type)
	}
	return e.d.Consumer.Apply(context.Background(), env, h)
}

func (e *env) mustDeliver(env kafka.Envelope) {
	e.t.Helper()
	if err := e.deliver(env); err != nil {
		e.t.Fatalf("deliver %s: %v", env.Type, err)
	}
}

func registered(t testing.TB, userID string) kafka.Envelope {
	return envelope(t, "user.registered", userID, map[string]any{
		"userId": userID, "name": "Rahul Sharma", "email": "rahul@example.in", "role": "CUSTOMER", "occurredAt": time.Now()})
}

func TestUserRegisteredCreatesOneCartAndWishlist(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	ev := registered(t, rahul.id)
	e.mustDeliver(ev)
	e.mustDeliver(ev)                      // redelivery
	e.mustDeliver(registered(t, rahul.id)) // the same fact under another event id
	if n := e.count(`SELECT count(*) FROM carts WHERE user_id = $1`, rahul.id); n != 1 {
		t.Fatalf("carts = %d", n)
	}
	if n := e.count(`SELECT count(*) FROM wishlists WHERE user_id = $1`, rahul.id); n != 1 {
		t.Fatalf("wishlists = %d", n)
	}
	// myCart finds the provisioned cart rather than creating another.
	var id string
	if err := e.d.DB.QueryRow(context.Background(), `SELECT id FROM carts WHERE user_id = $1`, rahul.id).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if c := e.myCart(rahul); c.ID != id {
		t.Fatalf("myCart %s, provisioned %s", c.ID, id)
	}
}

// A cart created on first use (the event was late) is kept as it is.
func TestLateUserRegisteredKeepsTheLazyCart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	c := e.add(rahul, phoneID, 2)
	e.mustDeliver(registered(t, rahul.id))
	if got := e.myCart(rahul); got.ID != c.ID || got.ItemCount != 2 {
		t.Fatalf("cart after the late event = %+v, want %+v", got, c)
	}
	if n := e.count(`SELECT count(*) FROM carts`); n != 1 {
		t.Fatalf("carts = %d", n)
	}
}

func TestUserRegisteredWithABadIDFails(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	if err := e.deliver(registered(t, "nope")); err == nil {
		t.Fatal("a user.registered without a user id was accepted")
	}
	if n := e.count(`SELECT count(*) FROM carts`) + e.count(`SELECT count(*) FROM processed_events`); n != 0 {
		t.Fatalf("rows written: %d", n)
	}
}

func statusChanged(t testing.TB, userID, to string, items ...any) kafka.Envelope {
	orderID := uuid.NewString()
	lines := []map[string]any{}
	for i := 0; i+1 < len(items); i += 2 {
		lines = append(lines, map[string]any{"variantId": items[i], "quantity": items[i+1]})
	}
	return envelope(t, "order.status_changed", orderID, map[string]any{
		"orderId": orderID, "orderNumber": "PUR-2026-000001", "userId": userID, "from": "PAID", "to": to,
		"paymentMethod": "UPI", "couponCode": "WELCOME10", "storeIds": []string{uuid.NewString()}, "items": lines, "at": time.Now(),
	})
}

func TestConfirmedOrderLeavesTheCart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.add(rahul, phoneID, 1)
	e.add(rahul, cableID, 3)
	e.add(rahul, manyIDs[0], 1)
	e.must(rahul, couponMutation, map[string]any{"c": "WELCOME10"}, nil)

	// PAID is not CONFIRMED: nothing happens.
	e.mustDeliver(statusChanged(t, rahul.id, "PAID", phoneID, 1, cableID, 3))
	if c := e.myCart(rahul); c.ItemCount != 5 || c.CouponCode == nil {
		t.Fatalf("cart after PAID = %+v", c)
	}

	// The order had 1 phone and 2 cables (a third cable was added after checkout).
	confirmed := statusChanged(t, rahul.id, "CONFIRMED", phoneID, 1, cableID, 2)
	e.mustDeliver(confirmed)
	c := e.myCart(rahul)
	if _, ok := c.line(phoneID); ok || c.ItemCount != 2 || c.CouponCode != nil {
		t.Fatalf("cart after CONFIRMED = %+v", c)
	}
	if l, _ := c.line(cableID); l.Quantity != 1 {
		t.Fatalf("cable line = %+v, want the 1 unit added after checkout", l)
	}
	// Redelivered: the cable line is not reduced again.
	e.mustDeliver(confirmed)
	if again := e.myCart(rahul); again.ItemCount != 2 {
		t.Fatalf("redelivery changed the cart: %+v", again)
	}
}

func TestConfirmedOrderOfAUserWithoutCart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.mustDeliver(statusChanged(t, uuid.NewString(), "CONFIRMED", phoneID, 1))
	if n := e.count(`SELECT count(*) FROM carts`); n != 0 {
		t.Fatalf("a cart was created: %d", n)
	}
}
