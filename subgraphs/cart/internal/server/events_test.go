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

// placed is order.placed for a checkout that read version of userID's cart
// (nil: an order.placed from before carts had versions).
func placed(t testing.TB, orderID, userID string, version *int, coupon any, items ...any) kafka.Envelope {
	lines := []map[string]any{}
	for i := 0; i+1 < len(items); i += 2 {
		lines = append(lines, map[string]any{"variantId": items[i], "storeId": uuid.NewString(), "sku": "SKU",
			"title": "Thing", "quantity": items[i+1], "unitPricePaise": 100, "lineTotalPaise": 100})
	}
	p := map[string]any{"orderId": orderID, "orderNumber": "PUR-2026-000001", "userId": userID,
		"paymentMethod": map[string]any{"type": "UPI"}, "totalPaise": 100, "couponCode": coupon, "items": lines,
		"shippingAddress": map[string]any{"id": uuid.NewString()}, "reservationExpiresAt": time.Now()}
	if version != nil {
		p["cartVersion"] = *version
	}
	return envelope(t, "order.placed", orderID, p)
}

// moved is order.status_changed of orderID to status.
func moved(t testing.TB, orderID, userID, to string, items ...any) kafka.Envelope {
	ev := statusChanged(t, userID, to, items...)
	var p map[string]any
	_ = json.Unmarshal(ev.Payload, &p)
	p["orderId"] = orderID
	return envelope(t, "order.status_changed", orderID, p)
}

// Issue 9, part 5: the checkout read the cart (phone ×1, cable ×2) at some
// version; while the order was being confirmed the shopper removed and
// re-added the phone and added a cable. After CONFIRMED the re-added phone
// is whole and the extra cable stays; the events delivered again (and a
// second CONFIRMED under another event id) change nothing more.
func TestConfirmedOrderKeepsWhatWasAddedAfterCheckout(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.add(rahul, phoneID, 1)
	e.add(rahul, cableID, 2)
	read := e.myCart(rahul) // what orders' checkout reads
	orderID := uuid.NewString()
	placedEv := placed(t, orderID, rahul.id, &read.Version, nil, phoneID, 1, cableID, 2)
	e.mustDeliver(placedEv)

	phone, _ := read.line(phoneID)
	e.must(rahul, removeMutation, map[string]any{"i": phone.ID}, nil)
	e.add(rahul, phoneID, 1)
	after := e.add(rahul, cableID, 1)
	if after.Version != read.Version+3 {
		t.Fatalf("version %d after three changes from %d", after.Version, read.Version)
	}

	confirmed := moved(t, orderID, rahul.id, "CONFIRMED", phoneID, 1, cableID, 2)
	e.mustDeliver(confirmed)
	c := e.myCart(rahul)
	p, okP := c.line(phoneID)
	k, okK := c.line(cableID)
	if !okP || p.Quantity != 1 || !okK || k.Quantity != 1 || c.ItemCount != 2 {
		t.Fatalf("cart after CONFIRMED = %+v", c)
	}
	e.mustDeliver(placedEv)
	e.mustDeliver(confirmed)
	e.mustDeliver(moved(t, orderID, rahul.id, "CONFIRMED", phoneID, 1, cableID, 2))
	if again := e.myCart(rahul); again.ItemCount != 2 || again.Version != c.Version {
		t.Fatalf("redelivery changed the cart: %+v, was %+v", again, c)
	}
}

// A cancelled order leaves the cart alone, and a later status of it too.
func TestCancelledOrderLeavesTheCartAlone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	read := e.add(rahul, phoneID, 2)
	orderID := uuid.NewString()
	e.mustDeliver(placed(t, orderID, rahul.id, &read.Version, nil, phoneID, 2))
	e.mustDeliver(moved(t, orderID, rahul.id, "CANCELLED", phoneID, 2))
	if c := e.myCart(rahul); c.ItemCount != 2 || c.Version != read.Version {
		t.Fatalf("cart after CANCELLED = %+v", c)
	}
	if n := e.count(`SELECT count(*) FROM checkouts WHERE order_id = $1 AND state = 'CANCELLED'`, orderID); n != 1 {
		t.Fatalf("cancelled checkouts = %d", n)
	}
}

// order.placed without a usable order, user or line is parked, nothing written.
func TestBadOrderPlacedFails(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	v := 1
	neg := -1
	for _, ev := range []kafka.Envelope{
		placed(t, "nope", uuid.NewString(), &v, nil, phoneID, 1),
		placed(t, uuid.NewString(), "nope", &v, nil, phoneID, 1),
		placed(t, uuid.NewString(), uuid.NewString(), &v, nil, phoneID, 0),
		placed(t, uuid.NewString(), uuid.NewString(), &neg, nil, phoneID, 1),
	} {
		if err := e.deliver(ev); err == nil {
			t.Errorf("accepted %s", ev.Payload)
		}
	}
	if n := e.count(`SELECT count(*) FROM checkouts`) + e.count(`SELECT count(*) FROM processed_events`); n != 0 {
		t.Fatalf("rows written: %d", n)
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
