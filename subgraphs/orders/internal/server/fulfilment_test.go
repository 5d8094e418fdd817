package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/uuid"
)

const (
	fulfilmentFields = `id orderId orderNumber store { id } status items { id sku store { id } lineTotal { paise } }
		amount { paise } shippingAddress { name pinCode } paymentMethodType trackingNumber carrier cancellationReason
		shippedAt deliveredAt statusHistory { from to note }`
	myStoreOrders  = `query($status: FulfilmentStatus) { myStoreOrders(status: $status) { totalCount edges { node { ` + fulfilmentFields + ` } } } }`
	packFulfilment = `mutation($id: ID!) { markFulfilmentPacked(id: $id) { ` + fulfilmentFields + ` } }`
	shipFulfilment = `mutation($id: ID!, $tn: String!, $c: String!) { markFulfilmentShipped(id: $id, trackingNumber: $tn, carrier: $c) { ` +
		fulfilmentFields + ` } }`
	deliverFulfilment = `mutation($id: ID!) { markFulfilmentDelivered(id: $id) { ` + fulfilmentFields + ` } }`
	cancelFulfilment  = `mutation($id: ID!, $r: String!) { cancelFulfilment(id: $id, reason: $r) { ` + fulfilmentFields + ` } }`
	orderFulfilments  = `query($id: ID!) { order(id: $id) { status fulfilments { id store { id } status amount { paise } items { sku } } } }`
	storeFulfilments  = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Store { id fulfilments { totalCount
		edges { node { id items { sku } } } } } } }`
)

type fulfilmentOut struct {
	ID, OrderID, OrderNumber, Status, PaymentMethodType string
	Store                                               struct{ ID string }
	Items                                               []struct {
		ID, Sku   string
		Store     struct{ ID string }
		LineTotal struct{ Paise int64 }
	}
	Amount                        struct{ Paise int64 }
	ShippingAddress               struct{ Name, PinCode string }
	TrackingNumber, Carrier       *string
	CancellationReason, ShippedAt *string
	DeliveredAt                   *string
	StatusHistory                 []struct {
		From *string
		To   string
		Note *string
	}
}

// myFulfilments returns the caller's fulfilments by store.
func (e *env) myFulfilments(token string) map[string]fulfilmentOut {
	e.t.Helper()
	var out struct {
		MyStoreOrders struct {
			TotalCount int
			Edges      []struct{ Node fulfilmentOut }
		}
	}
	e.mustDo(token, myStoreOrders, nil, &out)
	got := map[string]fulfilmentOut{}
	for _, ed := range out.MyStoreOrders.Edges {
		got[ed.Node.Store.ID] = ed.Node
	}
	if len(got) != out.MyStoreOrders.TotalCount {
		e.t.Fatalf("totalCount %d for %d fulfilments", out.MyStoreOrders.TotalCount, len(got))
	}
	return got
}

// fulfilmentMoves returns the storeId:from→to of order id's order.fulfilment_changed events.
func (e *env) fulfilmentMoves(id string) []string {
	var moves []string
	for _, ev := range e.outbox(id, "order.fulfilment_changed") {
		var p struct{ StoreID, From, To string }
		if err := json.Unmarshal(ev.Payload, &p); err != nil {
			e.t.Fatal(err)
		}
		name := map[string]string{techHub: "tech", audioHub: "audio"}[p.StoreID]
		moves = append(moves, name+":"+p.From+"→"+p.To)
	}
	return moves
}

// Rahul buys from TechHub (Vikram) and AudioHub (Neha) in one checkout: each
// owner sees and moves only their fulfilment; the order's status follows.
func TestEachStoreFulfilsItsOwnPart(t *testing.T) {
	t.Parallel()
	e := newEnv(t, "COD_MAX_ORDER_PAISE", "10000000")
	e.fillCart(e.rahul, "", iphone, 1, earbuds, 2)
	o := e.checkout("fulfil-mixed-1", withPayment("COD")) // CONFIRMED at once

	// Each owner sees their own fulfilment: the address snapshot, their lines and their amount.
	tech, audio := e.myFulfilments(e.owner(e.vikram)), e.myFulfilments(e.owner(e.neha))
	th, ah := tech[techHub], audio[audioHub]
	if len(tech) != 1 || len(audio) != 1 || th.OrderID != o.ID || th.OrderNumber != o.OrderNumber || th.Status != "CONFIRMED" ||
		len(th.Items) != 1 || th.Items[0].Sku != "APPLE-IPHONE-15-BLACK-128GB" || th.Amount.Paise != 7990000 ||
		th.ShippingAddress.PinCode != "560025" || th.PaymentMethodType != "COD" || len(th.StatusHistory) != 2 {
		t.Fatalf("vikram's fulfilments %+v", tech)
	}
	if len(ah.Items) != 1 || ah.Items[0].Store.ID != audioHub || ah.Amount.Paise != 2*129900 {
		t.Fatalf("neha's fulfilments %+v", audio)
	}
	// The whole order is not theirs to read; the buyer sees both parts.
	errCode(t, e.do(e.owner(e.vikram), orderFulfilments, map[string]any{"id": o.ID}, nil), "FORBIDDEN")
	var whole struct {
		Order struct {
			Status      string
			Fulfilments []struct {
				ID     string
				Status string
				Amount struct{ Paise int64 }
				Items  []struct{ Sku string }
			}
		}
	}
	e.mustDo(e.customer(e.rahul), orderFulfilments, map[string]any{"id": o.ID}, &whole)
	if len(whole.Order.Fulfilments) != 2 || whole.Order.Fulfilments[0].Amount.Paise+whole.Order.Fulfilments[1].Amount.Paise != o.Total.Paise {
		t.Fatalf("buyer's view %+v", whole)
	}
	// Store.fulfilments: the owner's own store only.
	reps := func(store string) map[string]any {
		return map[string]any{"reps": []any{map[string]any{"__typename": "Store", "id": store}}}
	}
	var ents struct {
		Entities []struct {
			ID          string
			Fulfilments *struct{ TotalCount int }
		} `json:"_entities"`
	}
	e.mustDo(e.owner(e.neha), storeFulfilments, reps(techHub), &ents)
	if len(ents.Entities) != 1 || ents.Entities[0].Fulfilments != nil {
		t.Fatalf("neha reads TechHub's fulfilments: %+v", ents)
	}
	e.mustDo(e.owner(e.vikram), storeFulfilments, reps(techHub), &ents)
	if ents.Entities[0].Fulfilments == nil || ents.Entities[0].Fulfilments.TotalCount != 1 {
		t.Fatalf("vikram's Store.fulfilments %+v", ents)
	}

	// Neha, the buyer and strangers cannot touch TechHub's fulfilment; bad input is refused first.
	before := e.written()
	techID := map[string]any{"id": th.ID}
	for _, tok := range []string{e.owner(e.neha), e.customer(e.rahul), e.owner(uuid.NewString())} {
		errCode(t, e.do(tok, packFulfilment, techID, nil), "FORBIDDEN")
		errCode(t, e.do(tok, shipFulfilment, map[string]any{"id": th.ID, "tn": "AWB1", "c": "Delhivery"}, nil), "FORBIDDEN")
		errCode(t, e.do(tok, cancelFulfilment, map[string]any{"id": th.ID, "r": "not mine anyway"}, nil), "FORBIDDEN")
	}
	errCode(t, e.do("", packFulfilment, techID, nil), "UNAUTHENTICATED")
	errCode(t, e.do(e.owner(e.vikram), packFulfilment, map[string]any{"id": uuid.NewString()}, nil), "NOT_FOUND")
	errCode(t, e.do(e.owner(e.vikram), packFulfilment, map[string]any{"id": "not-an-id"}, nil), "NOT_FOUND")
	errCode(t, e.do(e.owner(e.vikram), shipFulfilment, map[string]any{"id": th.ID, "tn": "AWB 1", "c": "Delhivery"}, nil), "BAD_USER_INPUT", "trackingNumber")
	errCode(t, e.do(e.owner(e.vikram), shipFulfilment, map[string]any{"id": th.ID, "tn": "AWB1", "c": ""}, nil), "BAD_USER_INPUT", "carrier")
	errCode(t, e.do(e.owner(e.vikram), cancelFulfilment, map[string]any{"id": th.ID, "r": "no"}, nil), "BAD_USER_INPUT", "reason")
	errCode(t, e.do(e.owner(e.vikram), cancelFulfilment, map[string]any{"id": th.ID, "r": strings.Repeat("r", 10<<10)}, nil), "BAD_USER_INPUT", "reason")
	errCode(t, e.do(e.owner(e.vikram), deliverFulfilment, techID, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	// The deprecated order-level moves refuse a multi-store order, for everybody.
	errCode(t, e.do(e.owner(e.vikram), markPacked, map[string]any{"id": o.ID}, nil), "CONFLICT", "", "MULTI_STORE_ORDER")
	errCode(t, e.do(e.owner(e.neha), cancelOrder, map[string]any{"id": o.ID, "r": "out of stock"}, nil), "CONFLICT", "", "MULTI_STORE_ORDER")
	if after := e.written(); after != before || e.status(o.ID) != "CONFIRMED" {
		t.Fatalf("refused calls wrote %d rows; status %s", after-before, e.status(o.ID))
	}

	// TechHub packs and ships: the order is PARTIALLY_SHIPPED.
	var packed struct{ MarkFulfilmentPacked fulfilmentOut }
	e.mustDo(e.owner(e.vikram), packFulfilment, techID, &packed)
	var shipped struct{ MarkFulfilmentShipped fulfilmentOut }
	e.mustDo(e.owner(e.vikram), shipFulfilment, map[string]any{"id": th.ID, "tn": "awb-42", "c": "Delhivery"}, &shipped)
	s := shipped.MarkFulfilmentShipped
	if packed.MarkFulfilmentPacked.Status != "PACKED" || s.Status != "SHIPPED" || *s.TrackingNumber != "AWB-42" ||
		s.ShippedAt == nil || len(s.StatusHistory) != 4 || len(s.Items) != 1 || s.Amount.Paise != 7990000 {
		t.Fatalf("shipped %+v", s)
	}
	if st := e.status(o.ID); st != "PARTIALLY_SHIPPED" {
		t.Fatalf("order after one store shipped: %s", st)
	}
	// AudioHub cancels its part: every active fulfilment has shipped, so the order is SHIPPED.
	var cancelled struct{ CancelFulfilment fulfilmentOut }
	e.mustDo(e.owner(e.neha), cancelFulfilment, map[string]any{"id": ah.ID, "r": "  damaged in our warehouse "}, &cancelled)
	if c := cancelled.CancelFulfilment; c.Status != "CANCELLED" || *c.CancellationReason != "damaged in our warehouse" {
		t.Fatalf("cancelled %+v", c)
	}
	if st := e.status(o.ID); st != "SHIPPED" {
		t.Fatalf("order after the other store cancelled: %s", st)
	}
	// Neither can be moved backwards or cancelled once shipped.
	errCode(t, e.do(e.owner(e.vikram), cancelFulfilment, map[string]any{"id": th.ID, "r": "too late now"}, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	errCode(t, e.do(e.owner(e.neha), packFulfilment, map[string]any{"id": ah.ID}, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")

	want := "tech:PENDING→CONFIRMED,audio:PENDING→CONFIRMED,tech:CONFIRMED→PACKED,tech:PACKED→SHIPPED,audio:CONFIRMED→CANCELLED"
	if got := strings.Join(e.fulfilmentMoves(o.ID), ","); got != want {
		t.Fatalf("fulfilment events %s, want %s", got, want)
	}
	moves, _ := e.statusChanges(o.ID)
	if got := strings.Join(moves, ","); got != "PENDING_PAYMENT→CONFIRMED,CONFIRMED→PARTIALLY_SHIPPED,PARTIALLY_SHIPPED→SHIPPED" {
		t.Fatalf("order events %s", got)
	}
	// The cancellation's event carries exactly AudioHub's part for payments and inventory.
	evs := e.outbox(o.ID, "order.fulfilment_changed")
	var p struct {
		StoreID, To string
		Reason      *string
		AmountPaise int64
		Items       []struct {
			VariantID           string
			Quantity            int
			LineTotalPaise      int64
			CouponDiscountPaise int64
		}
	}
	if err := json.Unmarshal(evs[len(evs)-1].Payload, &p); err != nil {
		t.Fatal(err)
	}
	if p.StoreID != audioHub || p.AmountPaise != 2*129900 || len(p.Items) != 1 || p.Items[0].VariantID != earbuds ||
		p.Items[0].Quantity != 2 || *p.Reason != "damaged in our warehouse" {
		t.Fatalf("cancel event %+v", p)
	}

	// Delivered: the whole order is DELIVERED (the cancelled part does not count).
	e.mustDo(e.owner(e.vikram), deliverFulfilment, techID, nil)
	if st := e.status(o.ID); st != "DELIVERED" {
		t.Fatalf("order after delivery: %s", st)
	}
	// An admin with orders:update acts on any store's fulfilment (here: nothing left to do).
	errCode(t, e.do(e.adminToken(), packFulfilment, techID, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
}
