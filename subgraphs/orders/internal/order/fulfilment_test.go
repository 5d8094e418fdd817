package order_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

const (
	fP  = order.FulfilmentPending
	fC  = order.FulfilmentConfirmed
	fPk = order.FulfilmentPacked
	fS  = order.FulfilmentShipped
	fD  = order.FulfilmentDelivered
	fX  = order.FulfilmentCancelled
	fR  = order.FulfilmentReturned
)

// legalFulfilment is the fulfilment state machine written out pair by pair.
var legalFulfilment = map[[2]order.FulfilmentStatus]bool{
	{fP, fC}: true, {fP, fX}: true,
	{fC, fPk}: true, {fC, fX}: true,
	{fPk, fS}: true, {fPk, fX}: true,
	{fS, fD}: true,
	{fD, fR}: true,
}

// Every one of the 49 (from, to) pairs.
func TestFulfilmentTransitionEveryPair(t *testing.T) {
	t.Parallel()
	for _, from := range order.FulfilmentStatuses {
		for _, to := range order.FulfilmentStatuses {
			if got, want := order.CanFulfilmentTransition(from, to), legalFulfilment[[2]order.FulfilmentStatus{from, to}]; got != want {
				t.Errorf("CanFulfilmentTransition(%s, %s) = %v, want %v", from, to, got, want)
			}
		}
	}
}

// twoStores is the derived status of a two-store order for every unordered
// pair of fulfilment statuses, written out by hand (docs/marketplace.md).
var twoStores = map[[2]order.FulfilmentStatus]order.Status{
	{fP, fP}: "", {fP, fC}: "", {fP, fPk}: "", {fP, fS}: "", {fP, fD}: "", {fP, fX}: "", {fP, fR}: "",
	{fC, fC}: order.Confirmed, {fC, fPk}: order.Confirmed, {fC, fS}: order.PartiallyShipped,
	{fC, fD}: order.PartiallyShipped, {fC, fX}: order.Confirmed, {fC, fR}: order.PartiallyShipped,
	{fPk, fPk}: order.Packed, {fPk, fS}: order.PartiallyShipped, {fPk, fD}: order.PartiallyShipped,
	{fPk, fX}: order.Packed, {fPk, fR}: order.PartiallyShipped,
	{fS, fS}: order.Shipped, {fS, fD}: order.Shipped, {fS, fX}: order.Shipped, {fS, fR}: order.Shipped,
	{fD, fD}: order.Delivered, {fD, fX}: order.Delivered, {fD, fR}: order.Delivered,
	{fX, fX}: order.Cancelled, {fX, fR}: order.Returned,
	{fR, fR}: order.Returned,
}

func TestDerivedStatusTwoStores(t *testing.T) {
	t.Parallel()
	for _, a := range order.FulfilmentStatuses {
		for _, b := range order.FulfilmentStatuses {
			want, ok := twoStores[[2]order.FulfilmentStatus{a, b}]
			if !ok {
				want = twoStores[[2]order.FulfilmentStatus{b, a}]
			}
			if got := order.DerivedStatus([]order.FulfilmentStatus{a, b}); got != want {
				t.Errorf("DerivedStatus(%s, %s) = %q, want %q", a, b, got, want)
			}
		}
	}
}

// Every combination of one, two and three fulfilments (7 + 49 + 343):
// the order of the stores does not matter, cancelled fulfilments count only
// when all are, and one store's order has its fulfilment's status.
func TestDerivedStatusExhaustive(t *testing.T) {
	t.Parallel()
	single := map[order.FulfilmentStatus]order.Status{fP: "", fC: order.Confirmed, fPk: order.Packed, fS: order.Shipped,
		fD: order.Delivered, fX: order.Cancelled, fR: order.Returned}
	all := order.FulfilmentStatuses
	for _, a := range all {
		if got := order.DerivedStatus([]order.FulfilmentStatus{a}); got != single[a] {
			t.Errorf("single %s → %q, want %q", a, got, single[a])
		}
		for _, b := range all {
			for _, c := range all {
				fs := []order.FulfilmentStatus{a, b, c}
				got := order.DerivedStatus(fs)
				for _, perm := range [][]order.FulfilmentStatus{{b, c, a}, {c, a, b}, {b, a, c}} {
					if p := order.DerivedStatus(perm); p != got {
						t.Fatalf("%v → %q but %v → %q", fs, got, perm, p)
					}
				}
				active := slices.DeleteFunc(slices.Clone(fs), func(s order.FulfilmentStatus) bool { return s == fX })
				switch {
				case slices.Contains(fs, fP):
					if got != "" {
						t.Errorf("%v with a PENDING fulfilment derived %q", fs, got)
					}
				case len(active) == 0:
					if got != order.Cancelled {
						t.Errorf("%v all cancelled → %q", fs, got)
					}
				case len(active) < len(fs):
					if want := order.DerivedStatus(active); got != want {
						t.Errorf("%v → %q, without its cancelled ones %q", fs, got, want)
					}
				}
				if got == order.PartiallyShipped && !(slices.ContainsFunc(fs, shipped) && slices.ContainsFunc(fs, unshippedActive)) {
					t.Errorf("%v → PARTIALLY_SHIPPED without both a shipped and an unshipped store", fs)
				}
			}
		}
	}
}

func shipped(s order.FulfilmentStatus) bool         { return s == fS || s == fD || s == fR }
func unshippedActive(s order.FulfilmentStatus) bool { return s == fC || s == fPk }

// twoStoreOrder is a confirmed order of stores s1 (two lines) and s2 (one),
// with a coupon apportioned over all three lines.
func twoStoreOrder() *order.Order {
	return &order.Order{ID: "o1", Number: "PUR-2026-000001", UserID: "u1", Status: order.Confirmed,
		Payment: order.PaymentMethod{Type: order.UPI, UPIVPA: "r@okbank"}, StoreIDs: []string{"s1", "s2"},
		Items: []order.Item{
			{ID: "i1", VariantID: "v1", StoreID: "s1", Quantity: 1, LineTotal: 7_900_000, CouponDiscount: 90_000, Discount: 90_000, HSNCode: "8517", CategoryIDs: []string{order.MobilesCategoryID}},
			{ID: "i2", VariantID: "v2", StoreID: "s2", Quantity: 2, LineTotal: 199_900, CouponDiscount: 9_000, Discount: 9_000, CategoryIDs: []string{"audio"}},
			{ID: "i3", VariantID: "v3", StoreID: "s1", Quantity: 1, LineTotal: 19_999, CouponDiscount: 1_000, Discount: 1_000},
		},
		Totals:      order.Totals{Total: 8_119_899, CouponDiscount: 100_000},
		Fulfilments: []*order.Fulfilment{{ID: "f1", StoreID: "s1", Status: fC}, {ID: "f2", StoreID: "s2", Status: fC}},
	}
}

// One store ships and the other cancels: the order goes CONFIRMED →
// PARTIALLY_SHIPPED → SHIPPED, and each move publishes that store's part
// only (its lines, their amount).
func TestFulfilmentMovesDeriveTheOrder(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	o := twoStoreOrder()
	for _, step := range []func() (*order.Fulfilment, error){
		func() (*order.Fulfilment, error) { return o.PackFulfilment("f1", at) },
		func() (*order.Fulfilment, error) { return o.ShipFulfilment("f1", "AWB1", "Delhivery", at) },
	} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	if o.Status != order.PartiallyShipped || o.TrackingNumber != "AWB1" {
		t.Fatalf("after one store shipped: %s %q", o.Status, o.TrackingNumber)
	}
	if _, err := o.CancelFulfilment("f2", "out of stock at the store", at); err != nil {
		t.Fatal(err)
	}
	if o.Status != order.Shipped {
		t.Fatalf("after the other cancelled: %s", o.Status)
	}
	ch := o.Changes()
	if len(ch) != 2 || ch[0].To != order.PartiallyShipped || ch[1].From != order.PartiallyShipped || ch[1].To != order.Shipped {
		t.Fatalf("order changes %+v", ch)
	}
	evs := o.FulfilmentChangedEvents()
	if len(evs) != 3 {
		t.Fatalf("%d fulfilment events", len(evs))
	}
	ship, cancel := evs[1], evs[2]
	if ship.To != fS || ship.StoreID != "s1" || ship.AmountPaise != 7_919_999 || len(ship.Items) != 2 ||
		ship.Items[1].OrderItemID != "i3" || *ship.TrackingNumber != "AWB1" || ship.OrderStatus != order.PartiallyShipped {
		t.Fatalf("ship event %+v", ship)
	}
	if cancel.To != fX || cancel.StoreID != "s2" || cancel.AmountPaise != 199_900 || len(cancel.Items) != 1 ||
		cancel.Items[0].CouponDiscountPaise != 9_000 || *cancel.Reason != "out of stock at the store" ||
		cancel.PaymentMethod.UPIVPA != "" || cancel.Items[0].CategoryIDs[0] != "audio" {
		t.Fatalf("cancel event %+v", cancel)
	}
	// Shipped fulfilments cannot be cancelled; unknown ones are NOT_FOUND.
	if _, err := o.CancelFulfilment("f1", "too late", at); !errors.Is(err, order.ErrIllegalFulfilmentTransition) || errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("cancel shipped: %v", err)
	}
	if _, err := o.PackFulfilment("nope", at); errs.CodeOf(err) != errs.NotFound {
		t.Fatalf("unknown fulfilment: %v", err)
	}
	if len(o.FulfilmentChanges()) != 3 {
		t.Fatal("a refused move was recorded")
	}
}

// Delivered: the event carries the latest return window of its lines
// (Mobiles 7 days, others 10).
func TestDeliveredCarriesTheReturnWindow(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC)
	o := twoStoreOrder()
	for _, id := range []string{"f1", "f2"} {
		for _, mv := range []func() (*order.Fulfilment, error){
			func() (*order.Fulfilment, error) { return o.PackFulfilment(id, at) },
			func() (*order.Fulfilment, error) { return o.ShipFulfilment(id, "AWB-"+id, "BlueDart", at) },
			func() (*order.Fulfilment, error) { return o.DeliverFulfilment(id, at) },
		} {
			if _, err := mv(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if o.Status != order.Delivered {
		t.Fatalf("status %s", o.Status)
	}
	var ends []time.Time
	for _, e := range o.FulfilmentChangedEvents() {
		if e.To == fD {
			ends = append(ends, *e.ReturnWindowEndsAt)
		} else if e.ReturnWindowEndsAt != nil {
			t.Fatalf("%s event with a return window", e.To)
		}
	}
	// s1: a phone (7 days) and an uncategorised cable (10 days) → 10; s2: audio → 10.
	if len(ends) != 2 || !ends[0].Equal(at.AddDate(0, 0, 10)) || !ends[1].Equal(at.AddDate(0, 0, 10)) {
		t.Fatalf("return windows %v", ends)
	}
	only := []order.Item{{CategoryIDs: []string{order.MobilesCategoryID}}}
	if got := order.ReturnWindowEnd(only, at); !got.Equal(at.AddDate(0, 0, 7)) {
		t.Fatalf("mobiles window ends %v", got)
	}
	if _, err := o.ReturnFulfilment("f2", at); err != nil || o.Status != order.Delivered {
		t.Fatalf("one returned: %v %s", err, o.Status)
	}
	if _, err := o.ReturnFulfilment("f1", at); err != nil || o.Status != order.Returned {
		t.Fatalf("all returned: %v %s", err, o.Status)
	}
}

// Before confirmation fulfilments follow the order: a failed payment
// cancels them all; COD confirms them at placement.
func TestFulfilmentsFollowTheOrderUntilConfirmed(t *testing.T) {
	t.Parallel()
	at := time.Now().UTC()
	o := twoStoreOrder()
	o.Status = order.PendingPayment
	for _, f := range o.Fulfilments {
		f.Status = fP
	}
	if _, err := o.PackFulfilment("f1", at); !errors.Is(err, order.ErrIllegalFulfilmentTransition) {
		t.Fatalf("pack before confirmation: %v", err)
	}
	if err := o.PaymentFailed("declined", at); err != nil || o.Status != order.Cancelled {
		t.Fatal(err, o.Status)
	}
	for _, f := range o.Fulfilments {
		if f.Status != fX || f.CancellationReason != "payment failed: declined" {
			t.Fatalf("fulfilment %+v", f)
		}
	}
	evs := o.FulfilmentChangedEvents()
	if len(evs) != 2 || evs[0].From != fP || evs[0].To != fX || evs[1].StoreID != "s2" {
		t.Fatalf("events %+v", evs)
	}
	// The deprecated order-level moves refuse a multi-store order.
	o = twoStoreOrder()
	if err := o.Pack(at); !errors.Is(err, order.ErrMultiStore) || o.Status != order.Confirmed || len(o.FulfilmentChanges()) != 0 {
		t.Fatalf("order-level pack of two stores: %v", err)
	}
	// The buyer's whole-order cancellation cancels every store.
	if err := o.Cancel("changed my mind", at); err != nil || o.Status != order.Cancelled || len(o.FulfilmentChangedEvents()) != 2 {
		t.Fatalf("whole-order cancel: %v %s", err, o.Status)
	}
}

// The quote's coupon shares must add up to its coupon discount exactly,
// and each line's parts to its discount: otherwise nothing is placed.
func TestNewRefusesCouponSharesThatDoNotAddUp(t *testing.T) {
	t.Parallel()
	c, err := order.ParseCheckout(order.CheckoutInput{AddressID: "0193a000-0000-7000-8000-000000000001",
		PaymentType: order.UPI, IdempotencyKey: "key-12345678"})
	if err != nil {
		t.Fatal(err)
	}
	lines := []order.Line{{VariantID: "v1", Quantity: 1}, {VariantID: "v2", Quantity: 1}}
	q := func(share2 int64) order.Quote {
		return order.Quote{Lines: []order.Item{
			{VariantID: "v1", StoreID: "s1", Quantity: 1, LineSubtotal: 1000, CouponDiscount: 67, Discount: 67, LineTotal: 933},
			{VariantID: "v2", StoreID: "s2", Quantity: 1, LineSubtotal: 500, CouponDiscount: share2, Discount: share2, LineTotal: 500 - share2},
		}, Totals: order.Totals{Subtotal: 1500, CouponDiscount: 100, Total: 1400}}
	}
	o, err := order.New("u1", c, "WELCOME10", lines, order.Address{}, q(33), order.CODRules{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, it := range o.Items {
		sum += it.CouponDiscount
	}
	if sum != o.Totals.CouponDiscount || len(o.Fulfilments) != 2 || o.Fulfilments[0].Status != fP {
		t.Fatalf("shares %d of %d, fulfilments %+v", sum, o.Totals.CouponDiscount, o.Fulfilments)
	}
	if _, err := order.New("u1", c, "WELCOME10", lines, order.Address{}, q(32), order.CODRules{}, time.Now()); err == nil {
		t.Fatal("shares adding up to 99 of 100 accepted")
	}
	bad := q(33)
	bad.Lines[0].Discount = 70 // parts 0 + 67 ≠ 70
	if _, err := order.New("u1", c, "WELCOME10", lines, order.Address{}, bad, order.CODRules{}, time.Now()); err == nil {
		t.Fatal("a line whose discount parts do not add up accepted")
	}
	_ = fmt.Sprint
}
