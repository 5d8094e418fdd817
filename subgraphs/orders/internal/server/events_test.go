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

func TestConsumesTheRightTopics(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	topics := e.d.Consumer.Topics()
	slices.Sort(topics)
	if strings.Join(topics, ",") != "inventory.events,payments.events" {
		t.Fatalf("topics %v", topics)
	}
}

func TestPaymentSucceededConfirmsOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "FLAT500", iphone, 1)
	o := e.checkout("paid-0001")
	succeeded := map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "amountPaise": o.Total.Paise,
		"provider": "SANDBOX", "providerPaymentId": "pay_1"}
	e.deliver("payment.succeeded", o.ID, succeeded)
	if s := e.status(o.ID); s != "CONFIRMED" {
		t.Fatalf("status = %s", s)
	}
	moves, _ := e.statusChanges(o.ID)
	if strings.Join(moves, ",") != "PENDING_PAYMENT→PAID,PAID→CONFIRMED" {
		t.Fatalf("events %v", moves)
	}
	// The same payment as a new event (e.g. a replayed webhook): nothing more.
	e.deliver("payment.succeeded", o.ID, succeeded)
	if moves, _ := e.statusChanges(o.ID); len(moves) != 2 {
		t.Fatalf("events after a repeat %v", moves)
	}
	if n := e.rows(`SELECT count(*) FROM orders WHERE id = $1 AND payment_due_by IS NULL`, o.ID); n != 1 {
		t.Fatal("payment deadline kept")
	}
	if n := e.rows(`SELECT count(*) FROM order_status_history WHERE order_id = $1`, o.ID); n != 3 {
		t.Fatalf("history rows %d", n)
	}
}

// A capture that arrives after the order was cancelled changes nothing:
// payments refunds it when it sees the cancellation.
func TestLatePaymentForACancelledOrderChangesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("late-pay-01")
	e.deliver("stock.reservation_expired", o.ID, map[string]any{"orderId": o.ID})
	if s := e.status(o.ID); s != "CANCELLED" {
		t.Fatalf("expired: %s", s)
	}
	e.deliver("payment.succeeded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "amountPaise": o.Total.Paise})
	e.deliver("payment.failed", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "reason": "late"})
	e.deliver("payment.refunded", o.ID, map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "full": true, "amountPaise": o.Total.Paise})
	moves, _ := e.statusChanges(o.ID)
	if e.status(o.ID) != "CANCELLED" || strings.Join(moves, ",") != "PENDING_PAYMENT→CANCELLED" {
		t.Fatalf("status %s, events %v", e.status(o.ID), moves)
	}
	var reason string
	_ = e.d.DB.QueryRow(context.Background(), `SELECT cancellation_reason FROM orders WHERE id = $1`, o.ID).Scan(&reason)
	if reason != "payment not received in time" {
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

// A capture after the payment deadline does not confirm the order (its
// stock was released): the expiry cancels it and payments refunds. The
// capture time counts, not when the event is processed.
func TestLateCaptureIsNotConfirmed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	e.fillCart(e.rahul, "", cable, 1)
	o := e.checkout("late-capture-1")
	pay := map[string]any{"paymentId": uuid.NewString(), "orderId": o.ID, "amountPaise": o.Total.Paise}
	e.deliverAt("payment.succeeded", o.ID, pay, time.Now().Add(16*time.Minute))
	if e.status(o.ID) != "PENDING_PAYMENT" {
		t.Fatal("late capture confirmed the order")
	}
	// Captured in time but processed late (consumer lag): confirmed.
	e.deliverAt("payment.succeeded", o.ID, pay, time.Now().Add(-time.Minute))
	if e.status(o.ID) != "CONFIRMED" {
		t.Fatal("a capture made in time was refused")
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
