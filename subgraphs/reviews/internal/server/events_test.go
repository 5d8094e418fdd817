package server_test

import (
	"testing"
)

// A DELIVERED order records one purchase per product, resolving all its
// variants in ONE catalog call without a token; the same event delivered
// twice changes nothing (and does not call catalog again).
func TestDeliveredOrderRecordsPurchasesOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	phone, cable := newID(), newID()
	buyer := e.customer()
	black, white, usbc, unknown := e.catalog.variant(phone), e.catalog.variant(phone), e.catalog.variant(cable), newID()
	env := deliverEnvelope(t, buyer.id, "DELIVERED", black, white, usbc, unknown, black)

	for range 2 {
		if err := e.apply(env); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.catalog.calls.Load(); n != 1 {
		t.Fatalf("catalog called %d times, want 1", n)
	}
	if a := e.catalog.authorizations[0]; a != "" {
		t.Fatalf("catalog got Authorization %q, want none", a)
	}
	if n := e.count(`SELECT count(*) FROM purchases WHERE user_id = $1`, buyer.id); n != 2 {
		t.Fatalf("%d purchases, want 2 (phone, cable)", n)
	}
	if n := e.count(`SELECT count(*) FROM purchases WHERE user_id = $1 AND product_id = ANY($2::uuid[])`, buyer.id, []string{phone, cable}); n != 2 {
		t.Fatalf("purchases are not of phone and cable")
	}

	// Other statuses are ignored without calling catalog.
	for _, to := range []string{"CONFIRMED", "SHIPPED", "CANCELLED"} {
		if err := e.apply(deliverEnvelope(t, buyer.id, to, usbc)); err != nil {
			t.Fatal(err)
		}
	}
	if n := e.catalog.calls.Load(); n != 1 {
		t.Fatalf("catalog called for non-delivered orders (%d calls)", n)
	}
}

// When catalog cannot be reached, the event fails (the consumer retries it)
// and nothing is recorded.
func TestDeliveredOrderCatalogDown(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	buyer := e.customer()
	v := e.catalog.variant(newID())
	env := deliverEnvelope(t, buyer.id, "DELIVERED", v)
	e.catalog.down.Store(true)
	if err := e.apply(env); err == nil {
		t.Fatal("event applied while catalog is down")
	}
	if n := e.count(`SELECT count(*) FROM purchases`) + e.count(`SELECT count(*) FROM processed_events`); n != 0 {
		t.Fatalf("%d rows written", n)
	}
	e.catalog.down.Store(false)
	if err := e.apply(env); err != nil {
		t.Fatal(err)
	}
	if n := e.count(`SELECT count(*) FROM purchases`); n != 1 {
		t.Fatalf("%d purchases after retry", n)
	}
}
