package server_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/kafka"
)

func abandoned(t *testing.T, orderID, userID string) kafka.Envelope {
	t.Helper()
	payload, err := json.Marshal(map[string]any{"orderId": orderID, "userId": userID, "at": time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	return kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: "order.checkout_abandoned", Version: 1,
		OccurredAt: time.Now().UTC(), AggregateID: orderID, Payload: payload}
}

// A checkout that died (orders' clock found its claim dead) gives its
// coupon use back at once — Rahul can use his once-only WELCOME10 again —
// not after the hold TTL. Redelivery changes nothing; a redeemed hold (its
// order was placed and confirmed) is never touched.
func TestCheckoutAbandonedReleasesTheHold(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	dead := newOrderID()
	e.mustHold(rahul, dead, "WELCOME10", 200000)
	ev := abandoned(t, dead, rahul.id)
	e.deliver(ev)
	e.deliver(ev)
	e.deliver(abandoned(t, dead, rahul.id)) // a copy with its own id
	if s := e.holdStatus(dead); s != "RELEASED" || e.events("coupon.released") != 1 {
		t.Fatalf("hold %s, %d coupon.released", s, e.events("coupon.released"))
	}
	placed := newOrderID()
	e.mustHold(rahul, placed, "WELCOME10", 200000)
	e.deliver(statusChanged(t, placed, rahul.id, "PAID", "CONFIRMED", "WELCOME10"))
	before := e.snapshot()
	e.deliver(abandoned(t, placed, rahul.id))
	e.deliver(abandoned(t, newOrderID(), rahul.id))
	e.deliver(abandoned(t, "not-a-uuid", rahul.id))
	e.unchanged(before, "abandoning a redeemed or unknown hold")
}
