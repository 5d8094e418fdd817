package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/uuid"
)

const (
	markPacked    = `mutation($id: ID!) { markOrderPacked(id: $id) { id status } }`
	markShipped   = `mutation($id: ID!, $tn: String!, $c: String!) { markOrderShipped(id: $id, trackingNumber: $tn, carrier: $c) { id status trackingNumber carrier } }`
	markDelivered = `mutation($id: ID!) { markOrderDelivered(id: $id) { id status } }`
	cancelOrder   = `mutation($id: ID!, $r: String!) { cancelOrder(id: $id, reason: $r) { id status cancellationReason statusHistory { from to note } } }`
)

type statusOut struct {
	ID                 string  `json:"id"`
	Status             string  `json:"status"`
	TrackingNumber     *string `json:"trackingNumber"`
	Carrier            *string `json:"carrier"`
	CancellationReason *string `json:"cancellationReason"`
}

// statusChanges returns the from→to of order id's order.status_changed events and their actors.
func (e *env) statusChanges(id string) (moves, actors []string) {
	for _, ev := range e.outbox(id, "order.status_changed") {
		var p struct{ From, To string }
		if err := json.Unmarshal(ev.Payload, &p); err != nil {
			e.t.Fatal(err)
		}
		moves = append(moves, p.From+"→"+p.To)
		actors = append(actors, ev.Actor)
	}
	return moves, actors
}

func (e *env) status(id string) string {
	var s string
	if err := e.d.DB.QueryRow(e.t.Context(), `SELECT status FROM orders WHERE id = $1`, id).Scan(&s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

// The owner of a store in the order packs, ships and delivers it, one legal
// step at a time; nobody else can, and each step is published.
func TestStoreOwnerFulfilsTheOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("fulfil-0001", withPayment("COD")) // CONFIRMED, TechHub's
	id := map[string]any{"id": o.ID}

	errCode(t, e.do("", markPacked, id, nil), "UNAUTHENTICATED")
	errCode(t, e.do(e.owner(e.neha), markPacked, id, nil), "FORBIDDEN")     // owns another store
	errCode(t, e.do(e.customer(e.rahul), markPacked, id, nil), "FORBIDDEN") // the buyer
	errCode(t, e.do(e.customer(e.priya), markPacked, id, nil), "FORBIDDEN")
	errCode(t, e.do(e.owner(e.vikram), markDelivered, id, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	errCode(t, e.do(e.owner(e.vikram), markPacked, map[string]any{"id": uuid.NewString()}, nil), "NOT_FOUND")
	errCode(t, e.do(e.owner(e.vikram), markPacked, map[string]any{"id": "not-an-id"}, nil), "NOT_FOUND")
	if s := e.status(o.ID); s != "CONFIRMED" {
		t.Fatalf("status after refusals = %s", s)
	}

	var out struct{ MarkOrderPacked statusOut }
	e.mustDo(e.owner(e.vikram), markPacked, id, &out)
	if out.MarkOrderPacked.Status != "PACKED" {
		t.Fatalf("packed = %+v", out)
	}
	errCode(t, e.do(e.owner(e.vikram), markPacked, id, nil), "CONFLICT", "", "ILLEGAL_TRANSITION") // twice

	ship := func(tn, c string) map[string]any { return map[string]any{"id": o.ID, "tn": tn, "c": c} }
	errCode(t, e.do(e.owner(e.vikram), markShipped, ship("AWB 123", "Delhivery"), nil), "BAD_USER_INPUT", "trackingNumber")
	errCode(t, e.do(e.owner(e.vikram), markShipped, ship("AWB123", strings.Repeat("c", 10<<10)), nil), "BAD_USER_INPUT", "carrier")
	var shipped struct{ MarkOrderShipped statusOut }
	e.mustDo(e.owner(e.vikram), markShipped, ship("awb-123456", "Delhivery"), &shipped)
	if s := shipped.MarkOrderShipped; s.Status != "SHIPPED" || *s.TrackingNumber != "AWB-123456" || *s.Carrier != "Delhivery" {
		t.Fatalf("shipped = %+v", s)
	}
	// The buyer may not cancel a shipped order.
	errCode(t, e.do(e.customer(e.rahul), cancelOrder, map[string]any{"id": o.ID, "r": "too slow"}, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	var delivered struct{ MarkOrderDelivered statusOut }
	e.mustDo(e.owner(e.vikram), markDelivered, id, &delivered)
	if delivered.MarkOrderDelivered.Status != "DELIVERED" {
		t.Fatalf("delivered = %+v", delivered)
	}

	moves, actors := e.statusChanges(o.ID)
	want := []string{"PENDING_PAYMENT→CONFIRMED", "CONFIRMED→PACKED", "PACKED→SHIPPED", "SHIPPED→DELIVERED"}
	if strings.Join(moves, ",") != strings.Join(want, ",") {
		t.Fatalf("events %v, want %v", moves, want)
	}
	if actors[1] != e.vikram || actors[3] != e.vikram {
		t.Fatalf("actors %v", actors)
	}
}

// Admins (scope orders:update) may move any order.
func TestAdminMovesAnyOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", earbuds, 1)
	o := e.checkout("admin-moves-1", withPayment("COD"))
	var out struct{ MarkOrderPacked statusOut }
	e.mustDo(e.adminToken(), markPacked, map[string]any{"id": o.ID}, &out)
	if out.MarkOrderPacked.Status != "PACKED" {
		t.Fatalf("admin pack = %+v", out)
	}
	// An ADMIN token without the permission is just another caller.
	errCode(t, e.do(e.iss.Token(t, e.admin, "ADMIN"), markPacked, map[string]any{"id": o.ID}, nil), "FORBIDDEN")
}

func TestCancelOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "FLAT500", iphone, 1, earbuds, 1)
	o := e.checkout("cancel-0001")
	args := func(r string) map[string]any { return map[string]any{"id": o.ID, "r": r} }

	errCode(t, e.do(e.customer(e.priya), cancelOrder, args("not mine to cancel"), nil), "FORBIDDEN")
	errCode(t, e.do(e.customer(e.rahul), cancelOrder, args("no"), nil), "BAD_USER_INPUT", "reason")
	errCode(t, e.do(e.customer(e.rahul), cancelOrder, args(strings.Repeat("r", 10<<10)), nil), "BAD_USER_INPUT", "reason")
	if e.status(o.ID) != "PENDING_PAYMENT" || len(e.outbox(o.ID, "order.status_changed")) != 0 {
		t.Fatal("a refused cancel changed the order")
	}
	var out struct {
		CancelOrder struct {
			Status             string
			CancellationReason string
			StatusHistory      []struct {
				From *string
				To   string
				Note *string
			}
		}
	}
	e.mustDo(e.customer(e.rahul), cancelOrder, args("  ordered by mistake "), &out)
	c := out.CancelOrder
	if c.Status != "CANCELLED" || c.CancellationReason != "ordered by mistake" || len(c.StatusHistory) != 2 ||
		*c.StatusHistory[1].Note != "ordered by mistake" {
		t.Fatalf("cancelled = %+v", c)
	}
	ev := e.outbox(o.ID, "order.status_changed")
	var p struct {
		From, To   string
		CouponCode string
		StoreIDs   []string
		Items      []struct {
			VariantID string
			Quantity  int
		}
	}
	if len(ev) != 1 || json.Unmarshal(ev[0].Payload, &p) != nil || p.From != "PENDING_PAYMENT" || p.To != "CANCELLED" ||
		p.CouponCode != "FLAT500" || len(p.StoreIDs) != 2 || len(p.Items) != 2 {
		t.Fatalf("event = %+v", p)
	}
	errCode(t, e.do(e.customer(e.rahul), cancelOrder, args("cancel it again"), nil), "CONFLICT", "", "ILLEGAL_TRANSITION")

	// The owner of one of its stores may cancel a confirmed order too.
	e.fillCart(e.rahul, "", earbuds, 1)
	o2 := e.checkout("cancel-0002", withPayment("COD"))
	var byOwner struct{ CancelOrder statusOut }
	e.mustDo(e.owner(e.neha), cancelOrder, map[string]any{"id": o2.ID, "r": "out of stock at the warehouse"}, &byOwner)
	if byOwner.CancelOrder.Status != "CANCELLED" {
		t.Fatalf("owner cancel = %+v", byOwner)
	}
}
