package server_test

import (
	"encoding/json"
	"testing"

	"github.com/purra/supergraph/platform/audit"
)

// adminActions returns the admin.action payloads written for order id, oldest first.
func (e *env) adminActions(id string) []audit.Action {
	e.t.Helper()
	var out []audit.Action
	for _, ev := range e.outbox(id, "admin.action") {
		var a audit.Action
		if err := json.Unmarshal(ev.Payload, &a); err != nil {
			e.t.Fatal(err)
		}
		if ev.Actor != a.AdminID {
			e.t.Fatalf("envelope actor %s, payload admin %s", ev.Actor, a.AdminID)
		}
		out = append(out, a)
	}
	return out
}

// lastAction checks that exactly want actions exist for id and returns the newest.
func (e *env) lastAction(id string, want int) audit.Action {
	e.t.Helper()
	got := e.adminActions(id)
	if len(got) != want {
		e.t.Fatalf("%d admin.action events for %s, want %d: %+v", len(got), id, want, got)
	}
	return got[want-1]
}

type orderSummary struct {
	Status             string
	TrackingNumber     string
	Carrier            string
	CancellationReason string
	TotalPaise         int64
}

func checkAction(t *testing.T, a audit.Action, admin, action, orderID, from, to string) (before, after orderSummary) {
	t.Helper()
	if a.AdminID != admin || a.Permission != "orders:update" || a.Action != action || a.TargetType != "Order" ||
		a.TargetID != orderID || a.Service != "orders" || a.At.IsZero() {
		t.Fatalf("admin.action = %+v", a)
	}
	if err := json.Unmarshal(a.Before, &before); err != nil {
		t.Fatalf("before %s: %v", a.Before, err)
	}
	if err := json.Unmarshal(a.After, &after); err != nil {
		t.Fatalf("after %s: %v", a.After, err)
	}
	if before.Status != from || after.Status != to || after.TotalPaise <= 0 {
		t.Fatalf("%s: before %+v after %+v, want %s → %s", action, before, after, from, to)
	}
	return before, after
}

// An admin with orders:update packs, ships, delivers and cancels orders of
// any store; each change writes exactly one admin.action in its transaction.
func TestAdminStatusChangesAreAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("audit-moves-1", withPayment("COD")) // CONFIRMED, TechHub's
	id := map[string]any{"id": o.ID}
	admin := e.adminToken()

	// An ADMIN token without the permission is refused and audits nothing.
	bare := e.iss.Token(t, e.admin, "ADMIN")
	errCode(t, e.do(bare, markPacked, id, nil), "FORBIDDEN")
	errCode(t, e.do(bare, markShipped, map[string]any{"id": o.ID, "tn": "AWB1", "c": "Delhivery"}, nil), "FORBIDDEN")
	errCode(t, e.do(bare, markDelivered, id, nil), "FORBIDDEN")
	errCode(t, e.do(bare, cancelOrder, map[string]any{"id": o.ID, "r": "not allowed"}, nil), "FORBIDDEN")
	// A refused transition writes nothing either.
	errCode(t, e.do(admin, markDelivered, id, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	if n := len(e.adminActions(o.ID)); n != 0 || e.status(o.ID) != "CONFIRMED" {
		t.Fatalf("refusals wrote %d admin actions, status %s", n, e.status(o.ID))
	}

	e.mustDo(admin, markPacked, id, nil)
	checkAction(t, e.lastAction(o.ID, 1), e.admin, "order.pack", o.ID, "CONFIRMED", "PACKED")

	e.mustDo(admin, markShipped, map[string]any{"id": o.ID, "tn": "awb-42", "c": "Blue Dart"}, nil)
	_, after := checkAction(t, e.lastAction(o.ID, 2), e.admin, "order.ship", o.ID, "PACKED", "SHIPPED")
	if after.TrackingNumber != "AWB-42" || after.Carrier != "Blue Dart" {
		t.Fatalf("ship after = %+v", after)
	}

	e.mustDo(admin, markDelivered, id, nil)
	checkAction(t, e.lastAction(o.ID, 3), e.admin, "order.deliver", o.ID, "SHIPPED", "DELIVERED")
	if _, actors := e.statusChanges(o.ID); actors[len(actors)-1] != e.admin {
		t.Fatalf("status change actors %v", actors)
	}

	e.fillCart(e.rahul, "", earbuds, 1)
	o2 := e.checkout("audit-cancel-1", withPayment("COD"))
	e.mustDo(admin, cancelOrder, map[string]any{"id": o2.ID, "r": "fraud check failed"}, nil)
	_, after = checkAction(t, e.lastAction(o2.ID, 1), e.admin, "order.cancel", o2.ID, "CONFIRMED", "CANCELLED")
	if after.CancellationReason != "fraud check failed" {
		t.Fatalf("cancel after = %+v", after)
	}
}

// The store owner's and the buyer's own changes are not admin actions.
func TestOwnAndBuyerChangesAreNotAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("audit-owner-1", withPayment("COD"))
	id := map[string]any{"id": o.ID}
	e.mustDo(e.owner(e.vikram), markPacked, id, nil)
	e.mustDo(e.owner(e.vikram), markShipped, map[string]any{"id": o.ID, "tn": "AWB7", "c": "Delhivery"}, nil)
	e.mustDo(e.owner(e.vikram), markDelivered, id, nil)

	e.fillCart(e.rahul, "", cable, 1)
	o2 := e.checkout("audit-owner-2", withPayment("COD"))
	e.mustDo(e.owner(e.vikram), cancelOrder, map[string]any{"id": o2.ID, "r": "out of stock"}, nil)
	e.fillCart(e.rahul, "", cable, 1)
	o3 := e.checkout("audit-buyer-1", withPayment("COD"))
	e.mustDo(e.customer(e.rahul), cancelOrder, map[string]any{"id": o3.ID, "r": "changed my mind"}, nil)

	if n := e.rows(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`); n != 0 {
		t.Fatalf("%d admin.action events for shoppers' own changes", n)
	}
	if e.status(o.ID) != "DELIVERED" || e.status(o2.ID) != "CANCELLED" || e.status(o3.ID) != "CANCELLED" {
		t.Fatal("the changes did not happen")
	}
}
