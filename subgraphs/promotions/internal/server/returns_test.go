package server_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/kafka"
)

// returnChanged is an order.return_changed envelope as orders publishes it.
func returnChanged(t *testing.T, orderID, to string, fullyReturned bool) kafka.Envelope {
	t.Helper()
	payload, err := json.Marshal(map[string]any{"returnId": uuid.NewString(), "orderId": orderID, "storeId": storeKA,
		"fulfilmentId": uuid.NewString(), "userId": uuid.NewString(), "from": "APPROVED", "to": to,
		"at": time.Now().UTC(), "refundPaise": 100, "items": []any{}, "orderFullyReturned": fullyReturned})
	if err != nil {
		t.Fatal(err)
	}
	return kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: "order.return_changed", Version: 1,
		OccurredAt: time.Now().UTC(), AggregateID: orderID, Payload: payload}
}

// An order returned in full gives its coupon use back (hold and
// redemption), once; a partial return keeps it.
func TestFullyReturnedOrderReleasesItsCoupon(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	order := newOrderID()
	e.mustHold(rahul, order, "FLAT500", 600000)
	e.deliver(statusChanged(t, order, rahul.id, "PAID", "CONFIRMED", "FLAT500"))

	e.deliver(returnChanged(t, order, "RECEIVED", false)) // some lines kept
	if s := e.holdStatus(order); s != "REDEEMED" {
		t.Fatalf("after a partial return: %s", s)
	}
	full := returnChanged(t, order, "RECEIVED", true)
	e.deliver(full)
	e.deliver(full)
	e.deliver(returnChanged(t, order, "REFUNDED", true)) // the next step says so again
	if s := e.holdStatus(order); s != "RELEASED" {
		t.Fatalf("after the whole order came back: %s", s)
	}
	if n := e.count(`SELECT count(*) FROM coupon_redemptions WHERE order_id = $1 AND released_at IS NOT NULL`, order); n != 1 {
		t.Fatal("redemption not released")
	}
	if n := e.events("coupon.released"); n != 1 {
		t.Fatalf("%d coupon.released events", n)
	}
	// An order without a coupon, or a malformed id: nothing happens.
	e.deliver(returnChanged(t, newOrderID(), "RECEIVED", true))
	e.deliver(returnChanged(t, "nope", "RECEIVED", true))
	if n := e.events("coupon.released"); n != 1 {
		t.Fatalf("%d coupon.released events", n)
	}
}
