package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

// Returns through the orders subgraph (docs/marketplace.md, "Returns").
// Checkout on this branch does not create fulfilments nor fill the lines'
// categories yet: deliverFulfilment writes the fulfilment row as DELIVERED
// by SQL (the state helper "fulfil"'s markFulfilmentDelivered leaves), and
// fileUnder sets a variant's categories.

const mobilesCategory = "f5b52a6b-037a-5856-a88c-cafe119ea1e5" // seeded with a 7-day window
var cablesCategory = uuid.NewSHA1(uuid.NameSpaceURL, []byte("cables")).String()

const (
	requestReturnQ = `mutation($in: RequestReturnInput!) { requestReturn(input: $in) { ` + returnFields + ` } }`
	approveReturnQ = `mutation($id: ID!) { approveReturn(id: $id) { id status decidedAt } }`
	rejectReturnQ  = `mutation($id: ID!, $r: String!) { rejectReturn(id: $id, reason: $r) { id status rejectionReason } }`
	receiveReturnQ = `mutation($in: MarkReturnReceivedInput!) { markReturnReceived(input: $in) { ` + returnFields + ` } }`
	returnFields   = `id status reason comment fulfilmentId refund { paise } buyer { id } store { id } order { id orderNumber }
		items { orderItemId title quantity refund { paise } resaleable variant { id } }
		codRefundTo { kind accountName accountNumber ifsc upiVpa } statusHistory { from to note }`
)

type returnOut struct {
	ID           string
	Status       string
	Reason       string
	Comment      *string
	FulfilmentID string
	Refund       money
	Buyer, Store struct{ ID string }
	Order        struct{ ID, OrderNumber string }
	Items        []struct {
		OrderItemID string
		Title       string
		Quantity    int
		Refund      money
		Resaleable  *bool
	}
	CodRefundTo *struct {
		Kind, AccountName, AccountNumber, Ifsc string
		UpiVpa                                 *string
	}
	StatusHistory []struct {
		From *string
		To   string
	}
}

// deliverFulfilment makes store's fulfilment of order DELIVERED at
// deliveredAt (creating the row when checkout did not).
func (e *env) deliverFulfilment(orderID, store string, deliveredAt time.Time) string {
	e.t.Helper()
	var id string
	err := e.d.DB.QueryRow(context.Background(), `INSERT INTO fulfilments (id, order_id, store_id, status, delivered_at, created_at, updated_at)
		VALUES ($1, $2, $3, 'DELIVERED', $4, $4, $4)
		ON CONFLICT (order_id, store_id) DO UPDATE SET status = 'DELIVERED', delivered_at = $4
		RETURNING id::text`, uuid.NewString(), orderID, store, deliveredAt).Scan(&id)
	if err != nil {
		e.t.Fatal(err)
	}
	// An order with a delivered fulfilment was confirmed: its status follows its fulfilments.
	if _, err := e.d.DB.Exec(context.Background(), `UPDATE orders SET status = 'DELIVERED', payment_due_by = NULL, settle_at = NULL
		WHERE id = $1 AND status IN ('PENDING_PAYMENT', 'PAID', 'CONFIRMED')`, orderID); err != nil {
		e.t.Fatal(err)
	}
	return id
}

// confirmFulfilment gives store's part of order a fulfilment not delivered yet.
func (e *env) confirmFulfilment(orderID, store string) {
	e.t.Helper()
	if _, err := e.d.DB.Exec(context.Background(), `INSERT INTO fulfilments (id, order_id, store_id, status, created_at, updated_at)
		VALUES ($1, $2, $3, 'CONFIRMED', now(), now()) ON CONFLICT (order_id, store_id) DO NOTHING`,
		uuid.NewString(), orderID, store); err != nil {
		e.t.Fatal(err)
	}
}

// fileUnder sets the categories (nearest first) of variant's lines.
func (e *env) fileUnder(variant string, categories ...string) {
	e.t.Helper()
	if _, err := e.d.DB.Exec(context.Background(), `UPDATE order_items SET category_ids = $2::uuid[] WHERE variant_id = $1`,
		variant, categories); err != nil {
		e.t.Fatal(err)
	}
}

// line finds the order's line of variant.
func line(t *testing.T, o orderOut, variant string) (id string, qty int, total int64) {
	t.Helper()
	for _, it := range o.Items {
		if it.Variant.ID == variant {
			return it.ID, it.Quantity, it.LineTotal.Paise
		}
	}
	t.Fatalf("no line of %s", variant)
	return "", 0, 0
}

func returnInput(orderID, store string, reason string, items ...any) map[string]any {
	in := map[string]any{"orderId": orderID, "storeId": store, "reason": reason}
	var its []map[string]any
	for i := 0; i+1 < len(items); i += 2 {
		its = append(its, map[string]any{"orderItemId": items[i], "quantity": items[i+1]})
	}
	in["items"] = its
	return map[string]any{"in": in}
}

func (e *env) requestReturn(token string, vars map[string]any) returnOut {
	e.t.Helper()
	var out struct{ RequestReturn returnOut }
	e.mustDo(token, requestReturnQ, vars, &out)
	return out.RequestReturn
}

func (e *env) receive(token, returnID string, resaleable map[string]bool) returnOut {
	e.t.Helper()
	var out struct{ MarkReturnReceived returnOut }
	e.mustDo(token, receiveReturnQ, receiveInput(returnID, resaleable), &out)
	return out.MarkReturnReceived
}

func receiveInput(returnID string, resaleable map[string]bool) map[string]any {
	items := []map[string]any{}
	for id, ok := range resaleable {
		items = append(items, map[string]any{"orderItemId": id, "resaleable": ok})
	}
	return map[string]any{"in": map[string]any{"returnId": returnID, "items": items}}
}

type returnChanged struct {
	ReturnID, OrderID, StoreID, FulfilmentID, UserID string
	From                                             *string
	To                                               string
	RefundPaise, StoreAmountPaise                    int64
	OrderFullyReturned                               bool
	CodRefundTo                                      *struct{ Kind, AccountNumber, Ifsc, UpiVpa string }
	Items                                            []struct {
		OrderItemID, VariantID string
		Quantity               int
		RefundPaise            int64
		Resaleable             bool
	}
}

// returnEvents returns the order.return_changed payloads of order id.
func (e *env) returnEvents(orderID string) []returnChanged {
	var out []returnChanged
	for _, ev := range e.outbox(orderID, "order.return_changed") {
		var p returnChanged
		if err := json.Unmarshal(ev.Payload, &p); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// returnWrites counts every row a return writes.
func (e *env) returnWrites() int {
	return e.rows(`SELECT (SELECT count(*) FROM returns) + (SELECT count(*) FROM return_items) +
		(SELECT count(*) FROM return_status_history) + (SELECT count(*) FROM outbox WHERE type IN ('order.return_changed', 'admin.action'))
		+ (SELECT count(*) FROM fulfilment_status_history) + (SELECT count(*) FROM return_windows)`)
}

// refunded delivers payments' payment.refunded for a return.
func (e *env) refunded(orderID, returnID string, amount int64) {
	e.deliver("payment.refunded", orderID, map[string]any{"paymentId": uuid.NewString(), "orderId": orderID,
		"refundId": uuid.NewString(), "returnId": returnID, "amountPaise": amount, "refundedTotalPaise": amount,
		"full": false, "reason": "return"})
}

// Rahul returns his iPhone: TechHub approves and receives it, payments
// refunds it, and every step is published; the cables follow in two
// returns whose refunds add up to their line exactly, and then TechHub's
// fulfilment is RETURNED.
func TestReturnLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", iphone, 1, cable, 3, earbuds, 1) // no coupon: checkout does not fill coupon_discount_paise on this branch
	o := e.checkout("return-life-1")
	e.fileUnder(iphone, mobilesCategory)
	e.fileUnder(cable, cablesCategory)
	now := time.Now().UTC()
	fid := e.deliverFulfilment(o.ID, techHub, now.Add(-6*24*time.Hour)) // day 6 of the iPhone's 7
	e.confirmFulfilment(o.ID, audioHub)
	phoneItem, _, phoneTotal := line(t, o, iphone)
	cableItem, _, cableTotal := line(t, o, cable)

	in := returnInput(o.ID, techHub, "DEFECTIVE", phoneItem, 1)
	in["in"].(map[string]any)["comment"] = "  The screen flickers. "
	r := e.requestReturn(e.customer(e.rahul), in)
	if r.Status != "REQUESTED" || r.Refund.Paise != phoneTotal || r.FulfilmentID != fid || r.Store.ID != techHub ||
		r.Buyer.ID != e.rahul || r.Order.ID != o.ID || *r.Comment != "The screen flickers." || len(r.Items) != 1 ||
		r.Items[0].Resaleable != nil || r.CodRefundTo != nil {
		t.Fatalf("requested = %+v", r)
	}

	// Only TechHub's owner (or an admin) decides.
	id := map[string]any{"id": r.ID}
	errCode(t, e.do(e.owner(e.neha), approveReturnQ, id, nil), "FORBIDDEN")
	errCode(t, e.do(e.customer(e.rahul), approveReturnQ, id, nil), "FORBIDDEN")
	errCode(t, e.do(e.customer(e.priya), approveReturnQ, id, nil), "FORBIDDEN")
	errCode(t, e.do(e.owner(e.neha), receiveReturnQ, receiveInput(r.ID, map[string]bool{phoneItem: true}), nil), "FORBIDDEN")
	errCode(t, e.do(e.owner(e.vikram), receiveReturnQ, receiveInput(r.ID, map[string]bool{phoneItem: true}), nil),
		"CONFLICT", "", "ILLEGAL_TRANSITION") // not approved yet
	e.mustDo(e.owner(e.vikram), approveReturnQ, id, nil)
	errCode(t, e.do(e.owner(e.vikram), approveReturnQ, id, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	errCode(t, e.do(e.owner(e.vikram), rejectReturnQ, map[string]any{"id": r.ID, "r": "changed my mind"}, nil),
		"CONFLICT", "", "ILLEGAL_TRANSITION")
	before := e.returnWrites()
	errCode(t, e.do(e.owner(e.vikram), receiveReturnQ, receiveInput(r.ID, map[string]bool{cableItem: true}), nil),
		"BAD_USER_INPUT", "items")
	errCode(t, e.do(e.owner(e.vikram), receiveReturnQ, receiveInput(r.ID, map[string]bool{}), nil), "BAD_USER_INPUT", "items")
	if n := e.returnWrites(); n != before {
		t.Fatalf("a refused receipt wrote %d rows", n-before)
	}
	got := e.receive(e.owner(e.vikram), r.ID, map[string]bool{phoneItem: true})
	if got.Status != "RECEIVED" || !*got.Items[0].Resaleable {
		t.Fatalf("received = %+v", got)
	}

	// Payments refunds it: REFUNDED, once however often the event comes.
	e.refunded(o.ID, r.ID, phoneTotal)
	var mine struct {
		MyReturns struct {
			TotalCount int
			Edges      []struct{ Node returnOut }
		}
	}
	e.mustDo(e.customer(e.rahul), `{ myReturns { totalCount edges { node { id status statusHistory { from to } } } } }`, nil, &mine)
	if mine.MyReturns.TotalCount != 1 || mine.MyReturns.Edges[0].Node.Status != "REFUNDED" ||
		len(mine.MyReturns.Edges[0].Node.StatusHistory) != 4 {
		t.Fatalf("my returns = %+v", mine)
	}
	evs := e.returnEvents(o.ID)
	var moves []string
	for _, ev := range evs {
		if ev.ReturnID != r.ID || ev.StoreID != techHub || ev.FulfilmentID != fid || ev.UserID != e.rahul || ev.RefundPaise != phoneTotal ||
			ev.StoreAmountPaise != phoneTotal+cableTotal {
			t.Fatalf("event = %+v", ev)
		}
		moves = append(moves, ev.To)
	}
	if strings.Join(moves, ",") != "REQUESTED,APPROVED,RECEIVED,REFUNDED" || evs[0].From != nil || *evs[1].From != "REQUESTED" ||
		!evs[2].Items[0].Resaleable || evs[2].Items[0].Quantity != 1 || evs[2].OrderFullyReturned {
		t.Fatalf("events = %+v", evs)
	}
	if s := e.fulfilmentStatus(fid); s != "DELIVERED" {
		t.Fatalf("fulfilment with cables still out = %s", s)
	}

	// The iPhone cannot be returned twice; the cables go back in two parts.
	errCode(t, e.do(e.customer(e.rahul), requestReturnQ, returnInput(o.ID, techHub, "DEFECTIVE", phoneItem, 1), nil),
		"BAD_USER_INPUT", "items.quantity", "QUANTITY_EXCEEDED")
	a := e.requestReturn(e.customer(e.rahul), returnInput(o.ID, techHub, "NO_LONGER_NEEDED", cableItem, 1))
	errCode(t, e.do(e.customer(e.rahul), requestReturnQ, returnInput(o.ID, techHub, "NO_LONGER_NEEDED", cableItem, 3), nil),
		"BAD_USER_INPUT", "items.quantity", "QUANTITY_EXCEEDED")
	b := e.requestReturn(e.customer(e.rahul), map[string]any{"in": map[string]any{"orderId": o.ID, "fulfilmentId": fid,
		"reason": "NO_LONGER_NEEDED", "items": []map[string]any{{"orderItemId": cableItem, "quantity": 2}}}})
	if a.Refund.Paise+b.Refund.Paise != cableTotal {
		t.Fatalf("cable refunds %d + %d, line total %d", a.Refund.Paise, b.Refund.Paise, cableTotal)
	}
	for _, ret := range []returnOut{a, b} {
		e.mustDo(e.adminToken(), approveReturnQ, map[string]any{"id": ret.ID}, nil)
		e.receive(e.owner(e.vikram), ret.ID, map[string]bool{cableItem: false})
		e.refunded(o.ID, ret.ID, ret.Refund.Paise)
	}
	if s := e.fulfilmentStatus(fid); s != "RETURNED" {
		t.Fatalf("fulfilment after everything was refunded = %s", s)
	}
	if n := e.rows(`SELECT count(*) FROM fulfilment_status_history WHERE fulfilment_id = $1 AND to_status = 'RETURNED'`, fid); n != 1 {
		t.Fatalf("%d RETURNED history rows", n)
	}
	// The admin's approvals are audited, the owner's steps are not.
	if acts := e.adminActions(a.ID); len(acts) != 1 || acts[0].Action != "return.approve" || acts[0].TargetType != "Return" {
		t.Fatalf("audit = %+v", acts)
	}
	if acts := e.adminActions(r.ID); len(acts) != 0 {
		t.Fatalf("owner's steps audited: %+v", acts)
	}
}

func (e *env) fulfilmentStatus(id string) string {
	var s string
	if err := e.d.DB.QueryRow(context.Background(), `SELECT status FROM fulfilments WHERE id = $1`, id).Scan(&s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

// Every refused request or step answers a code and writes nothing.
func TestReturnBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", iphone, 1, cable, 2, earbuds, 1)
	o := e.checkout("return-bad-1")
	e.fileUnder(iphone, mobilesCategory)
	e.fileUnder(cable, cablesCategory)
	e.deliverFulfilment(o.ID, techHub, time.Now().UTC().Add(-8*24*time.Hour)) // past Mobiles' 7 days, within 10
	e.confirmFulfilment(o.ID, audioHub)
	phoneItem, _, _ := line(t, o, iphone)
	cableItem, _, _ := line(t, o, cable)
	budsItem, _, _ := line(t, o, earbuds)
	rahul := e.customer(e.rahul)
	before := e.returnWrites()

	edit := func(fn func(in map[string]any)) map[string]any {
		v := returnInput(o.ID, techHub, "DAMAGED", cableItem, 1)
		fn(v["in"].(map[string]any))
		return v
	}
	for _, tc := range []struct {
		name, token string
		vars        map[string]any
		code, field string
		reason      string
	}{
		{"anonymous", "", edit(func(map[string]any) {}), "UNAUTHENTICATED", "", ""},
		{"malformed order id", rahul, edit(func(in map[string]any) { in["orderId"] = "PUR-1" }), "BAD_USER_INPUT", "orderId", ""},
		{"unknown order", rahul, edit(func(in map[string]any) { in["orderId"] = uuid.NewString() }), "NOT_FOUND", "", ""},
		{"someone else's order", e.customer(e.priya), edit(func(map[string]any) {}), "FORBIDDEN", "", ""},
		{"the store's owner", e.owner(e.vikram), edit(func(map[string]any) {}), "FORBIDDEN", "", ""},
		{"no fulfilment named", rahul, edit(func(in map[string]any) { delete(in, "storeId") }), "BAD_USER_INPUT", "fulfilmentId", ""},
		{"store not in the order", rahul, edit(func(in map[string]any) { in["storeId"] = uuid.NewString() }), "NOT_FOUND", "fulfilmentId", ""},
		{"fulfilment of another store", rahul, edit(func(in map[string]any) { in["fulfilmentId"] = uuid.NewString() }), "NOT_FOUND", "fulfilmentId", ""},
		{"no items", rahul, edit(func(in map[string]any) { in["items"] = []any{} }), "BAD_USER_INPUT", "items", ""},
		{"zero units", rahul, edit(func(in map[string]any) { in["items"] = []map[string]any{{"orderItemId": cableItem, "quantity": 0}} }), "BAD_USER_INPUT", "items.quantity", ""},
		{"more than bought", rahul, edit(func(in map[string]any) { in["items"] = []map[string]any{{"orderItemId": cableItem, "quantity": 3}} }), "BAD_USER_INPUT", "items.quantity", "QUANTITY_EXCEEDED"},
		{"the same item twice", rahul, edit(func(in map[string]any) {
			in["items"] = []map[string]any{{"orderItemId": cableItem, "quantity": 1}, {"orderItemId": cableItem, "quantity": 1}}
		}), "BAD_USER_INPUT", "items.orderItemId", ""},
		{"another store's item", rahul, edit(func(in map[string]any) { in["items"] = []map[string]any{{"orderItemId": budsItem, "quantity": 1}} }), "BAD_USER_INPUT", "items.orderItemId", ""},
		{"malformed item", rahul, edit(func(in map[string]any) { in["items"] = []map[string]any{{"orderItemId": "x", "quantity": 1}} }), "BAD_USER_INPUT", "items.orderItemId", ""},
		{"comment too long", rahul, edit(func(in map[string]any) { in["comment"] = strings.Repeat("c", 10<<10) }), "BAD_USER_INPUT", "comment", ""},
		{"comment with control characters", rahul, edit(func(in map[string]any) { in["comment"] = "bad\x00comment" }), "BAD_USER_INPUT", "comment", ""},
		{"refund details for a prepaid order", rahul, edit(func(in map[string]any) { in["codRefundTo"] = map[string]any{"upiVpa": "rahul@okhdfc"} }), "BAD_USER_INPUT", "codRefundTo", ""},
		{"iPhone past its 7 days", rahul, edit(func(in map[string]any) { in["items"] = []map[string]any{{"orderItemId": phoneItem, "quantity": 1}} }), "CONFLICT", "", "RETURN_WINDOW_CLOSED"},
		{"not delivered yet", rahul, edit(func(in map[string]any) {
			in["storeId"] = audioHub
			in["items"] = []map[string]any{{"orderItemId": budsItem, "quantity": 1}}
		}), "CONFLICT", "", "NOT_DELIVERED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do(tc.token, requestReturnQ, tc.vars, nil)
			errCode(t, r, tc.code, tc.field, tc.reason)
		})
	}
	// An unknown reason is refused by the schema.
	if r := e.do(rahul, requestReturnQ, returnInput(o.ID, techHub, "BORED", cableItem, 1), nil); len(r.Errors) == 0 {
		t.Fatal("unknown reason accepted")
	}
	if n := e.returnWrites(); n != before {
		t.Fatalf("refused requests wrote %d rows", n-before)
	}

	// The cable (default 10 days) may still go back on day 8.
	r := e.requestReturn(rahul, returnInput(o.ID, techHub, "DAMAGED", cableItem, 2))
	before = e.returnWrites()
	id := map[string]any{"id": r.ID}
	for _, tc := range []struct {
		name, token, query string
		vars               map[string]any
		code, field        string
	}{
		{"approve unknown", e.owner(e.vikram), approveReturnQ, map[string]any{"id": uuid.NewString()}, "NOT_FOUND", ""},
		{"approve malformed", e.owner(e.vikram), approveReturnQ, map[string]any{"id": "nope"}, "NOT_FOUND", ""},
		{"approve anonymous", "", approveReturnQ, id, "UNAUTHENTICATED", ""},
		{"reject too short", e.owner(e.vikram), rejectReturnQ, map[string]any{"id": r.ID, "r": "no"}, "BAD_USER_INPUT", "reason"},
		{"reject too long", e.owner(e.vikram), rejectReturnQ, map[string]any{"id": r.ID, "r": strings.Repeat("r", 10<<10)}, "BAD_USER_INPUT", "reason"},
		{"reject by another owner", e.owner(e.neha), rejectReturnQ, map[string]any{"id": r.ID, "r": "not ours to take"}, "FORBIDDEN", ""},
		{"reject by the shopper", rahul, rejectReturnQ, map[string]any{"id": r.ID, "r": "never mind"}, "FORBIDDEN", ""},
		{"receive unknown", e.owner(e.vikram), receiveReturnQ, receiveInput(uuid.NewString(), map[string]bool{cableItem: true}), "NOT_FOUND", ""},
		{"receive before approval", e.owner(e.vikram), receiveReturnQ, receiveInput(r.ID, map[string]bool{cableItem: true}), "CONFLICT", ""},
		{"receive by the shopper", rahul, receiveReturnQ, receiveInput(r.ID, map[string]bool{cableItem: true}), "FORBIDDEN", ""},
		{"receive by an admin without the permission", e.iss.Token(t, e.admin, "ADMIN"), receiveReturnQ, receiveInput(r.ID, map[string]bool{cableItem: true}), "FORBIDDEN", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errCode(t, e.do(tc.token, tc.query, tc.vars, nil), tc.code, tc.field)
		})
	}
	if n := e.returnWrites(); n != before {
		t.Fatalf("refused steps wrote %d rows", n-before)
	}

	// A rejection gives the units back.
	var rej struct{ RejectReturn returnOut }
	e.mustDo(e.owner(e.vikram), rejectReturnQ, map[string]any{"id": r.ID, "r": " Used and scratched "}, &rej)
	if rej.RejectReturn.Status != "REJECTED" {
		t.Fatalf("rejected = %+v", rej)
	}
	e.requestReturn(rahul, returnInput(o.ID, techHub, "DAMAGED", cableItem, 2))
}

// A cash-on-delivery order is refunded to the bank account or VPA the
// shopper gives; the account number is shown masked, and goes in full only
// to payments, on receipt.
func TestReturnOfCashOnDelivery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 2)
	o := e.checkout("return-cod-1", withPayment("COD"))
	e.deliverFulfilment(o.ID, techHub, time.Now().UTC().Add(-time.Hour))
	cableItem, _, total := line(t, o, cable)
	rahul := e.customer(e.rahul)
	before := e.returnWrites()
	withTo := func(to map[string]any) map[string]any {
		v := returnInput(o.ID, techHub, "WRONG_ITEM", cableItem, 2)
		if to != nil {
			v["in"].(map[string]any)["codRefundTo"] = to
		}
		return v
	}
	errCode(t, e.do(rahul, requestReturnQ, withTo(nil), nil), "BAD_USER_INPUT", "codRefundTo")
	errCode(t, e.do(rahul, requestReturnQ, withTo(map[string]any{"upiVpa": "not a vpa"}), nil), "BAD_USER_INPUT", "codRefundTo.upiVpa")
	errCode(t, e.do(rahul, requestReturnQ, withTo(map[string]any{"accountName": "Rahul Sharma", "accountNumber": "5010001234567",
		"ifsc": "HDFC1234567"}), nil), "BAD_USER_INPUT", "codRefundTo.ifsc")
	errCode(t, e.do(rahul, requestReturnQ, withTo(map[string]any{"accountName": "Rahul Sharma", "accountNumber": "12",
		"ifsc": "HDFC0001234"}), nil), "BAD_USER_INPUT", "codRefundTo.accountNumber")
	errCode(t, e.do(rahul, requestReturnQ, withTo(map[string]any{"upiVpa": "rahul@okhdfc", "accountNumber": "5010001234567"}), nil),
		"BAD_USER_INPUT", "codRefundTo")
	if n := e.returnWrites(); n != before {
		t.Fatalf("refused requests wrote %d rows", n-before)
	}
	r := e.requestReturn(rahul, withTo(map[string]any{"accountName": "Rahul Sharma", "accountNumber": "50100012345678", "ifsc": "hdfc0001234"}))
	if c := r.CodRefundTo; c == nil || c.Kind != "BANK_ACCOUNT" || c.AccountNumber != "XXXXXXXXXX5678" || c.Ifsc != "HDFC0001234" ||
		r.Refund.Paise != total {
		t.Fatalf("COD return = %+v", r)
	}
	e.mustDo(e.owner(e.vikram), approveReturnQ, map[string]any{"id": r.ID}, nil)
	e.receive(e.owner(e.vikram), r.ID, map[string]bool{cableItem: true})
	evs := e.returnEvents(o.ID)
	for _, ev := range evs[:2] {
		if ev.CodRefundTo != nil {
			t.Fatalf("refund details published before receipt: %+v", ev)
		}
	}
	last := evs[2]
	if last.To != "RECEIVED" || last.CodRefundTo == nil || last.CodRefundTo.AccountNumber != "50100012345678" || !last.OrderFullyReturned {
		t.Fatalf("received event = %+v", last)
	}
}

// Who reads which returns: the shopper all of theirs, a store owner their
// stores' only (on the order and on Store.returns), admins everything.
func TestReturnReads(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1, earbuds, 1)
	o := e.checkout("return-reads-1")
	e.deliverFulfilment(o.ID, techHub, time.Now().UTC())
	e.deliverFulfilment(o.ID, audioHub, time.Now().UTC())
	cableItem, _, _ := line(t, o, cable)
	budsItem, _, _ := line(t, o, earbuds)
	rt := e.requestReturn(e.customer(e.rahul), returnInput(o.ID, techHub, "DAMAGED", cableItem, 1))
	ra := e.requestReturn(e.customer(e.rahul), returnInput(o.ID, audioHub, "DEFECTIVE", budsItem, 1))

	orderReturns := func(token string) []string {
		var out struct {
			Order struct{ Returns []struct{ ID string } }
		}
		e.mustDo(token, `query($id: ID!) { order(id: $id) { returns { id } } }`, map[string]any{"id": o.ID}, &out)
		var ids []string
		for _, r := range out.Order.Returns {
			ids = append(ids, r.ID)
		}
		return ids
	}
	if got := orderReturns(e.customer(e.rahul)); strings.Join(got, ",") != rt.ID+","+ra.ID {
		t.Fatalf("buyer sees %v", got)
	}
	// The owner of one store of this two-store order reads their part through Store.returns (below).
	errCode(t, e.do(e.owner(e.neha), `query($id: ID!) { order(id: $id) { returns { id } } }`, map[string]any{"id": o.ID}, nil), "FORBIDDEN")
	if got := orderReturns(e.adminToken()); len(got) != 2 {
		t.Fatalf("admin sees %v", got)
	}

	storeReturns := `query($s: ReturnStatus) { myReturns(status: $s) { totalCount edges { node { id store { returns { totalCount edges { node { id } } } } } } } }`
	var out struct {
		MyReturns struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ID    string
					Store struct{ Returns *struct{ TotalCount int } }
				}
			}
		}
	}
	e.mustDo(e.customer(e.rahul), storeReturns, nil, &out)
	if out.MyReturns.TotalCount != 2 || out.MyReturns.Edges[0].Node.ID != ra.ID || out.MyReturns.Edges[0].Node.Store.Returns != nil {
		t.Fatalf("rahul's returns (newest first; not a store's reader) = %+v", out)
	}
	e.mustDo(e.customer(e.priya), storeReturns, nil, &out)
	if out.MyReturns.TotalCount != 0 {
		t.Fatalf("priya sees %+v", out)
	}
	entities := `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Store { id returns(first: 1) { totalCount edges { node { id } } } } } }`
	reps := map[string]any{"reps": []map[string]any{{"__typename": "Store", "id": techHub}, {"__typename": "Store", "id": audioHub}}}
	var ents struct {
		Entities []struct {
			ID      string
			Returns *struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
			}
		} `json:"_entities"`
	}
	e.mustDo(e.owner(e.vikram), entities, reps, &ents)
	if r := ents.Entities[0].Returns; r == nil || r.TotalCount != 1 || r.Edges[0].Node.ID != rt.ID || ents.Entities[1].Returns != nil {
		t.Fatalf("vikram's stores' returns = %+v", ents)
	}
}

// Admins with orders:update read and set the return windows (audited); a
// category's own window then decides its lines' returns.
func TestReturnWindows(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	q := `{ returnWindows { defaultDays categories { categoryId days } } }`
	set := `mutation($c: ID!, $d: Int) { setReturnWindow(categoryId: $c, days: $d) { defaultDays categories { categoryId days } } }`
	errCode(t, e.do(e.customer(e.rahul), q, nil, nil), "FORBIDDEN")
	errCode(t, e.do(e.owner(e.vikram), set, map[string]any{"c": cablesCategory, "d": 1}, nil), "FORBIDDEN")
	var out struct {
		ReturnWindows struct {
			DefaultDays int
			Categories  []struct {
				CategoryID string
				Days       int
			}
		}
	}
	e.mustDo(e.adminToken(), q, nil, &out)
	if out.ReturnWindows.DefaultDays != 10 || len(out.ReturnWindows.Categories) != 1 ||
		out.ReturnWindows.Categories[0].CategoryID != mobilesCategory || out.ReturnWindows.Categories[0].Days != 7 {
		t.Fatalf("windows = %+v", out)
	}
	before := e.returnWrites()
	errCode(t, e.do(e.adminToken(), set, map[string]any{"c": cablesCategory, "d": 366}, nil), "BAD_USER_INPUT", "days")
	errCode(t, e.do(e.adminToken(), set, map[string]any{"c": cablesCategory, "d": -1}, nil), "BAD_USER_INPUT", "days")
	errCode(t, e.do(e.adminToken(), set, map[string]any{"c": "cables", "d": 3}, nil), "BAD_USER_INPUT", "categoryId")
	if n := e.returnWrites(); n != before {
		t.Fatalf("refused settings wrote %d rows", n-before)
	}
	e.mustDo(e.adminToken(), set, map[string]any{"c": cablesCategory, "d": 1}, nil)
	if acts := e.adminActions(cablesCategory); len(acts) != 1 || acts[0].Action != "return_window.set" || days(acts[0].After) != "1" || days(acts[0].Before) != "null" {
		t.Fatalf("audit = %+v", acts)
	}

	// Cables now have one day: a cable delivered two days ago cannot go back.
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("return-window-1")
	e.fileUnder(cable, uuid.NewString(), cablesCategory) // its own category has none: the parent's applies
	e.deliverFulfilment(o.ID, techHub, time.Now().UTC().Add(-48*time.Hour))
	cableItem, _, _ := line(t, o, cable)
	errCode(t, e.do(e.customer(e.rahul), requestReturnQ, returnInput(o.ID, techHub, "DAMAGED", cableItem, 1), nil),
		"CONFLICT", "", "RETURN_WINDOW_CLOSED")
	// Removing it restores the default ten days.
	e.mustDo(e.adminToken(), set, map[string]any{"c": cablesCategory, "d": nil}, nil)
	e.requestReturn(e.customer(e.rahul), returnInput(o.ID, techHub, "DAMAGED", cableItem, 1))
	if acts := e.adminActions(cablesCategory); len(acts) != 2 || acts[1].Action != "return_window.remove" {
		t.Fatalf("audit = %+v", acts)
	}
}

// days reads an audit summary's days.
func days(raw json.RawMessage) string {
	var s struct{ Days json.RawMessage }
	_ = json.Unmarshal(raw, &s)
	return string(s.Days)
}

// Concurrent requests for the same line are decided one at a time (the
// fulfilment is locked): never more units come back than were bought, and
// the refunds of those that do add up to the line exactly.
func TestConcurrentReturnsNeverExceedTheQuantity(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 3)
	o := e.checkout("return-race-1")
	e.deliverFulfilment(o.ID, techHub, time.Now().UTC())
	cableItem, _, total := line(t, o, cable)
	rahul := e.customer(e.rahul)
	const n = 8
	results := make(chan returnOut, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			var out struct{ RequestReturn returnOut }
			r := e.do(rahul, requestReturnQ, returnInput(o.ID, techHub, "NO_LONGER_NEEDED", cableItem, 1), &out)
			if len(r.Errors) == 0 {
				results <- out.RequestReturn
			} else if r.Code() != "BAD_USER_INPUT" {
				t.Errorf("refused with %+v", r.Errors)
			}
		})
	}
	wg.Wait()
	close(results)
	var won int
	var refunded int64
	for r := range results {
		won++
		refunded += r.Refund.Paise
	}
	if won != 3 || refunded != total {
		t.Fatalf("%d returns refunding %d, want 3 refunding %d", won, refunded, total)
	}
}
