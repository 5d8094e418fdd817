package server_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/kafka"
)

// deliver applies an event through the registered handler twice, as a
// redelivery would: the effect must happen once.
func (e *env) deliver(typ, aggregate string, payload any) {
	e.deliverAt(typ, aggregate, payload, time.Now().UTC())
}

// deliverAt is deliver for an event that occurred at occurredAt.
func (e *env) deliverAt(typ, aggregate string, payload any, occurredAt time.Time) {
	e.t.Helper()
	e.w.mu.Lock() // the fakes' state is read by tests after the handlers
	e.w.mu.Unlock()
	raw, _ := json.Marshal(payload)
	env := kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: typ, Version: 1, OccurredAt: occurredAt,
		AggregateID: aggregate, Payload: raw}
	h, ok := e.d.Consumer.Handler(typ)
	if !ok {
		e.t.Fatalf("no handler for %s", typ)
	}
	for range 2 {
		if err := e.d.Consumer.Apply(context.Background(), env, h); err != nil {
			e.t.Fatalf("apply %s: %v", typ, err)
		}
	}
}

// settle runs one round of orders' clock.
func (e *env) settle() {
	e.t.Helper()
	if _, err := e.parts.App.SettleDue(context.Background()); err != nil {
		e.t.Fatalf("settle: %v", err)
	}
}

// settleOne runs the clock on one order.
func (e *env) settleOne(id string) {
	e.t.Helper()
	if err := e.parts.App.Settle(context.Background(), id); err != nil {
		e.t.Fatalf("settle %s: %v", id, err)
	}
}

func (e *env) reason(orderID string) string {
	var reason string
	_ = e.d.DB.QueryRow(context.Background(), `SELECT coalesce(cancellation_reason, '') FROM orders WHERE id = $1`, orderID).Scan(&reason)
	return reason
}

func TestConsumesTheRightTopics(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topics := e.d.Consumer.Topics()
	slices.Sort(topics)
	if strings.Join(topics, ",") != "inventory.events,orders.events,payments.events" {
		t.Fatalf("topics %v", topics)
	}
}

// payment.succeeded makes the order PAID; the clock commits its stock and
// confirms it, once, however often the event comes.
func TestPaymentSucceededConfirmsOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "FLAT500", iphone, 1)
	o := e.checkout("paid-0001")
	succeeded := map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "amountPaise": o.Total.Paise,
		"provider": "SANDBOX", "providerPaymentId": "pay_1"}
	e.deliver("payment.succeeded", o.ID, succeeded)
	if s := e.status(o.ID); s != "PAID" {
		t.Fatalf("status = %s", s)
	}
	e.settle()
	if s := e.status(o.ID); s != "CONFIRMED" {
		t.Fatalf("status = %s", s)
	}
	if r := e.w.reserved[o.ID]; r.status != "COMMITTED" {
		t.Fatalf("reservation %s", r.status)
	}
	moves, _ := e.statusChanges(o.ID)
	if strings.Join(moves, ",") != "PENDING_PAYMENT→PAID,PAID→CONFIRMED" {
		t.Fatalf("events %v", moves)
	}
	// The same payment as a new event (e.g. a replayed webhook): nothing more.
	e.deliver("payment.succeeded", o.ID, succeeded)
	e.settle()
	if moves, _ := e.statusChanges(o.ID); len(moves) != 2 {
		t.Fatalf("events after a repeat %v", moves)
	}
	if n := e.rows(`SELECT count(*) FROM orders WHERE id = $1 AND payment_due_by IS NULL AND settle_at IS NULL`, o.ID); n != 1 {
		t.Fatal("payment deadline or settlement kept")
	}
	if n := e.rows(`SELECT count(*) FROM order_status_history WHERE order_id = $1`, o.ID); n != 3 {
		t.Fatalf("history rows %d", n)
	}
	if n := e.rows(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`); n != 0 {
		t.Fatalf("the clock's moves are no admin actions: %d audit rows", n)
	}
}

// A capture that arrives after the order was cancelled as unpaid changes
// nothing: payments refunds it when it sees the cancellation.
func TestLatePaymentForACancelledOrderChangesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("late-pay-01")
	e.w.set(func(w *world) { w.expire(o.ID) })
	e.deliver("stock.reservation_expired", o.ID, map[string]any{"orderId": o.ID})
	if s := e.status(o.ID); s != "PENDING_PAYMENT" {
		t.Fatalf("the expiry alone decided: %s", s)
	}
	e.settle() // payments: nothing captured
	if s := e.status(o.ID); s != "CANCELLED" {
		t.Fatalf("expired: %s", s)
	}
	e.deliver("payment.succeeded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "amountPaise": o.Total.Paise})
	e.deliver("payment.failed", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "reason": "late"})
	e.deliver("payment.refunded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "full": true, "amountPaise": o.Total.Paise})
	e.settle()
	moves, _ := e.statusChanges(o.ID)
	if e.status(o.ID) != "CANCELLED" || strings.Join(moves, ",") != "PENDING_PAYMENT→CANCELLED" {
		t.Fatalf("status %s, events %v", e.status(o.ID), moves)
	}
	if reason := e.reason(o.ID); reason != "payment not received in time" {
		t.Fatalf("reason %q", reason)
	}
}

func TestPaymentFailedCancelsThePendingOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("failed-0001")
	e.deliver("payment.failed", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "reason": "UPI collect request declined"})
	moves, _ := e.statusChanges(o.ID)
	if e.status(o.ID) != "CANCELLED" || strings.Join(moves, ",") != "PENDING_PAYMENT→CANCELLED" {
		t.Fatalf("status %s events %v", e.status(o.ID), moves)
	}
	// A COD order has nothing to fail or expire.
	cod := e.checkout("failed-0002", withPayment("COD"))
	e.deliver("payment.failed", cod.ID, map[string]any{"orderId": cod.ID, "reason": "x"})
	e.deliver("stock.reservation_expired", cod.ID, map[string]any{"orderId": cod.ID})
	if e.status(cod.ID) != "CONFIRMED" {
		t.Fatal("COD order moved")
	}
}

func TestFullRefundMarksRefunded(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 2)
	o := e.checkout("refund-0001", withPayment("COD"))
	e.deliver("payment.refunded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "refundId": uuid.NewString(),
		"amountPaise": 100, "refundedTotalPaise": 100, "full": false, "reason": "one cable was faulty"})
	if e.status(o.ID) != "CONFIRMED" {
		t.Fatal("a partial refund moved the order")
	}
	e.deliver("payment.refunded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "refundId": uuid.NewString(),
		"amountPaise": o.Total.Paise - 100, "refundedTotalPaise": o.Total.Paise, "full": true, "reason": "returned"})
	moves, _ := e.statusChanges(o.ID)
	if e.status(o.ID) != "REFUNDED" || moves[len(moves)-1] != "CONFIRMED→REFUNDED" {
		t.Fatalf("status %s events %v", e.status(o.ID), moves)
	}
}

// A capture of another amount never confirms the order.
func TestPaymentOfAnotherAmountIsNotAccepted(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("amount-0001")
	e.deliver("payment.succeeded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "amountPaise": o.Total.Paise - 1})
	if e.status(o.ID) != "PENDING_PAYMENT" || len(e.outbox(o.ID, "order.status_changed")) != 0 {
		t.Fatal("underpaid order confirmed")
	}
}

// Which of payment.succeeded and stock.reservation_expired orders reads
// first decides nothing: a payment captured in time (payments says so) ends
// CONFIRMED with its stock retaken, never cancelled as late — also when the
// capture event is lost. When the expired units were sold meanwhile, the
// paid order is cancelled with a reason the shopper reads (payments refunds).
func TestPaidInTimeWhateverTheEventOrder(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	pay := func(id string, total int64) map[string]any {
		return map[string]any{"paymentId": uuid.NewString(), "orderId": id, "amountPaise": total}
	}
	e.fillCart(e.rahul, "", cable, 1)
	expiredFirst := e.checkout("order-exp-1")
	e.fillCart(e.rahul, "", cable, 1)
	lostCapture := e.checkout("order-exp-2")
	e.fillCart(e.rahul, "", cable, 1)
	soldOut := e.checkout("order-exp-3")
	e.w.set(func(w *world) {
		for _, o := range []string{expiredFirst.ID, lostCapture.ID, soldOut.ID} {
			w.expire(o)
			w.captured[o] = expiredFirst.Total.Paise
		}
	})

	e.deliver("stock.reservation_expired", expiredFirst.ID, map[string]any{"orderId": expiredFirst.ID})
	e.deliver("payment.succeeded", expiredFirst.ID, pay(expiredFirst.ID, expiredFirst.Total.Paise))
	e.deliver("stock.reservation_expired", lostCapture.ID, map[string]any{"orderId": lostCapture.ID}) // its capture event never comes
	e.deliver("payment.succeeded", soldOut.ID, pay(soldOut.ID, soldOut.Total.Paise))
	e.w.set(func(w *world) { w.stock[cable] = 2 }) // the rest was sold to others meanwhile
	e.settleOne(expiredFirst.ID)
	e.settleOne(lostCapture.ID) // takes the last unit: none left for soldOut
	e.settle()

	for _, o := range []string{expiredFirst.ID, lostCapture.ID} {
		if s := e.status(o); s != "CONFIRMED" || e.w.reserved[o].status != "COMMITTED" {
			t.Fatalf("paid in time: %s, reservation %s", s, e.w.reserved[o].status)
		}
	}
	if s := e.status(soldOut.ID); s != "CANCELLED" || !strings.Contains(e.reason(soldOut.ID), "sold out") {
		t.Fatalf("sold out: %s %q", s, e.reason(soldOut.ID))
	}
	moves, _ := e.statusChanges(soldOut.ID)
	if strings.Join(moves, ",") != "PENDING_PAYMENT→PAID,PAID→CANCELLED" {
		t.Fatalf("events %v", moves)
	}
}

// Nothing is decided without an answer: with payments or inventory down the
// order stays as it is and is looked at again a little later.
func TestSettlementWaitsForAnAnswer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	pending := e.checkout("order-wait-1")
	e.fillCart(e.rahul, "", cable, 1)
	paid := e.checkout("order-wait-2")
	e.w.set(func(w *world) { w.down["orderPaymentState"], w.down["commitStock"] = true, true })
	e.deliver("stock.reservation_expired", pending.ID, map[string]any{"orderId": pending.ID})
	e.deliver("payment.succeeded", paid.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": paid.ID, "amountPaise": paid.Total.Paise})
	e.settle()
	if e.status(pending.ID) != "PENDING_PAYMENT" || e.status(paid.ID) != "PAID" {
		t.Fatalf("decided without an answer: %s %s", e.status(pending.ID), e.status(paid.ID))
	}
	if n := e.rows(`SELECT count(*) FROM orders WHERE settle_at > now() + interval '1 second'`); n != 2 {
		t.Fatalf("not rescheduled: %d", n)
	}
	e.w.set(func(w *world) { w.down = map[string]bool{} })
	_, _ = e.d.DB.Exec(context.Background(), `UPDATE orders SET settle_at = now()`)
	e.settle()
	if e.status(pending.ID) != "CANCELLED" || e.status(paid.ID) != "CONFIRMED" {
		t.Fatalf("after the answer: %s %s", e.status(pending.ID), e.status(paid.ID))
	}
}

// Orders keeps its own clock: a pending order past its deadline plus the
// margin is settled although no event ever came.
func TestOverdueOrderSettledWithoutEvents(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("order-clock-1")
	e.settle()
	if e.status(o.ID) != "PENDING_PAYMENT" {
		t.Fatal("settled before its deadline")
	}
	_, _ = e.d.DB.Exec(context.Background(), `UPDATE orders SET payment_due_by = now() - interval '31 seconds',
		settle_at = now() - interval '1 second' WHERE id = $1`, o.ID)
	e.settle()
	if e.status(o.ID) != "CANCELLED" || e.reason(o.ID) != "payment not received in time" {
		t.Fatalf("overdue: %s %q", e.status(o.ID), e.reason(o.ID))
	}
}

// Events about orders this subgraph does not have are skipped, not retried.
func TestEventsForUnknownOrdersAreIgnored(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, id := range []string{uuid.NewString(), "not-a-uuid", ""} {
		e.deliver("stock.reservation_expired", id, map[string]any{"orderId": id})
		e.deliver("payment.succeeded", id, map[string]any{"orderId": id, "amountPaise": 1})
	}
	if e.rows(`SELECT count(*) FROM outbox`) != 0 {
		t.Fatal("something published")
	}
}
