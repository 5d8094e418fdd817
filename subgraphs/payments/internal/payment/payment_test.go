package payment

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func placed(method Method) Placed {
	return Placed{
		OrderID: "01937a00-0000-7000-8000-00000000a001", OrderNumber: "PUR-2026-000001",
		UserID: "01937a00-0000-7000-8000-000000000001", StoreIDs: []string{"01937a00-0000-7000-8000-0000000000a1"},
		Amount: 10000, Method: method,
	}
}

func captured(t *testing.T, amount int64) *Payment {
	t.Helper()
	p, _ := New(placed(MethodUPI), ProviderSandbox, t0)
	p.Capture("pay_1", amount, t0)
	require.Equal(t, StatusCaptured, p.Status)
	return p
}

func eventTypes(eff Effects) []string {
	var out []string
	for _, e := range eff.Events {
		out = append(out, e.EventType())
	}
	return out
}

func TestNew(t *testing.T) {
	t.Parallel()
	p, eff := New(placed(MethodUPI), ProviderRazorpay, t0)
	require.Equal(t, StatusCreated, p.Status)
	require.Equal(t, ProviderRazorpay, p.Provider)
	require.Equal(t, []Call{{Kind: CallCreateOrder}}, eff.Calls, "online payments ask the provider for an order")
	require.Empty(t, eff.Events)

	in := placed(MethodCOD)
	in.UpiVpa = "x@y"
	cod, eff := New(in, ProviderRazorpay, t0)
	require.Equal(t, ProviderCOD, cod.Provider)
	require.Equal(t, StatusCreated, cod.Status)
	require.Empty(t, cod.UpiVpa)
	require.Empty(t, eff.Calls, "cash on delivery has no provider order")
}

func TestCapture_onceAndLate(t *testing.T) {
	t.Parallel()
	p, _ := New(placed(MethodUPI), ProviderSandbox, t0)
	eff := p.Capture("pay_1", 10000, t0)
	require.True(t, eff.Changed)
	require.Equal(t, []string{"payment.succeeded"}, eventTypes(eff))
	require.Equal(t, Succeeded{PaymentID: p.ID, OrderID: p.OrderID, AmountPaise: 10000, Provider: ProviderSandbox, ProviderPaymentID: "pay_1"}, eff.Events[0])
	require.Equal(t, int64(10000), p.Captured)

	require.False(t, p.Capture("pay_1", 10000, t0).Changed, "a second capture is a no-op")
	require.False(t, p.Fail("declined", t0).Changed, "a failure after the capture does not regress it")

	// A payment that failed, then got captured (the buyer retried at the
	// provider): the money was taken, so it is recorded.
	q, _ := New(placed(MethodUPI), ProviderSandbox, t0)
	require.Equal(t, []string{"payment.failed"}, eventTypes(q.Fail("declined", t0)))
	eff = q.Capture("pay_2", 10000, t0)
	require.Equal(t, StatusCaptured, q.Status)
	require.Empty(t, q.FailureReason)
	require.Equal(t, []string{"payment.succeeded"}, eventTypes(eff))
	require.Empty(t, eff.NewRefunds, "the order is not known to be cancelled yet")
}

func TestCancelOrder(t *testing.T) {
	t.Parallel()
	t.Run("waiting payment fails without an event", func(t *testing.T) {
		p, _ := New(placed(MethodUPI), ProviderSandbox, t0)
		eff := p.CancelOrder(t0)
		require.True(t, eff.Changed)
		require.Empty(t, eff.Events)
		require.Equal(t, StatusFailed, p.Status)
		require.Equal(t, ReasonOrderCancelled, p.FailureReason)
		require.False(t, p.CancelOrder(t0).Changed, "replay")
	})
	t.Run("captured payment is refunded in full", func(t *testing.T) {
		p := captured(t, 10000)
		eff := p.CancelOrder(t0)
		require.Len(t, eff.NewRefunds, 1)
		r := eff.NewRefunds[0]
		require.Equal(t, int64(10000), r.Amount)
		require.Equal(t, ReasonLateCapture, r.Reason)
		require.Empty(t, r.RequestedBy)
		require.Equal(t, []Call{{Kind: CallRefund, RefundID: r.ID}}, eff.Calls)
		require.Equal(t, int64(0), p.Refundable())

		done := p.CompleteRefund(r, "rfnd_1", t0)
		require.Equal(t, StatusRefunded, p.Status)
		require.Equal(t, Refunded{PaymentID: p.ID, OrderID: p.OrderID, RefundID: r.ID, AmountPaise: 10000,
			RefundedTotalPaise: 10000, Full: true, Reason: ReasonLateCapture}, done.Events[0])
	})
	t.Run("partly refunded payment: only the rest", func(t *testing.T) {
		p := captured(t, 10000)
		r, _, err := p.RequestRefund("r1", 3000, "damaged", "u", t0)
		require.NoError(t, err)
		p.CompleteRefund(r, "rf", t0)
		eff := p.CancelOrder(t0)
		require.Equal(t, int64(7000), eff.NewRefunds[0].Amount)
	})
	t.Run("capture after cancellation refunds at once", func(t *testing.T) {
		p, _ := New(placed(MethodUPI), ProviderSandbox, t0)
		p.CancelOrder(t0)
		eff := p.Capture("pay_late", 10000, t0)
		require.Equal(t, StatusCaptured, p.Status)
		require.Equal(t, []string{"payment.succeeded"}, eventTypes(eff))
		require.Len(t, eff.NewRefunds, 1)
		require.Equal(t, int64(10000), eff.NewRefunds[0].Amount)
	})
}

func TestCollect(t *testing.T) {
	t.Parallel()
	cod, _ := New(placed(MethodCOD), ProviderSandbox, t0)
	eff := cod.Collect(t0)
	require.Equal(t, StatusCaptured, cod.Status)
	require.Equal(t, []string{"payment.succeeded"}, eventTypes(eff))
	require.Equal(t, ProviderCOD, eff.Events[0].(Succeeded).Provider)
	require.False(t, cod.Collect(t0).Changed, "collected once")

	upi, _ := New(placed(MethodUPI), ProviderSandbox, t0)
	require.False(t, upi.Collect(t0).Changed, "delivery collects only cash")
	require.Equal(t, StatusCreated, upi.Status)
}

func TestAuthorize(t *testing.T) {
	t.Parallel()
	p, _ := New(placed(MethodCard), ProviderRazorpay, t0)
	eff := p.Authorize("pay_9", t0)
	require.Equal(t, StatusAuthorized, p.Status)
	require.Equal(t, "pay_9", p.ProviderPaymentID)
	require.Equal(t, []Call{{Kind: CallCapture}}, eff.Calls)
	require.False(t, p.Authorize("pay_9", t0).Changed)
	p.Capture("", 10000, t0)
	require.Equal(t, "pay_9", p.ProviderPaymentID, "kept when the capture does not repeat it")
}

func TestRefundLimits(t *testing.T) {
	t.Parallel()
	p := captured(t, 10000)
	_, _, err := p.RequestRefund("r0", 10001, "too much", "u", t0)
	require.ErrorIs(t, err, errs.BadInput("amountPaise", ""))

	r1, eff, err := p.RequestRefund("r1", 6000, "one", "u", t0)
	require.NoError(t, err)
	require.Equal(t, RefundPending, r1.Status)
	require.Equal(t, []Call{{Kind: CallRefund, RefundID: "r1"}}, eff.Calls)
	_, _, err = p.RequestRefund("r2", 4001, "two", "u", t0)
	require.ErrorIs(t, err, errs.BadInput("amountPaise", ""), "a pending refund counts")

	require.True(t, p.FailRefund(r1, "refused", t0).Changed)
	require.Equal(t, int64(10000), p.Refundable(), "a failed refund frees its amount")
	require.False(t, p.CompleteRefund(r1, "x", t0).Changed, "a failed refund stays failed")

	r2, _, err := p.RequestRefund("r2", 4000, "two", "u", t0)
	require.NoError(t, err)
	eff = p.CompleteRefund(r2, "rf2", t0)
	ev := eff.Events[0].(Refunded)
	require.Equal(t, int64(4000), ev.RefundedTotalPaise)
	require.False(t, ev.Full)
	require.Equal(t, StatusCaptured, p.Status, "a partial refund keeps the payment CAPTURED")
	require.False(t, p.CompleteRefund(r2, "rf2", t0).Changed, "completed once")

	r3, _, err := p.RequestRefund("r3", 6000, "rest", "u", t0)
	require.NoError(t, err)
	ev = p.CompleteRefund(r3, "rf3", t0).Events[0].(Refunded)
	require.True(t, ev.Full)
	require.Equal(t, StatusRefunded, p.Status)
	_, _, err = p.RequestRefund("r4", 1, "more", "u", t0)
	require.ErrorIs(t, err, ErrNotCaptured)

	waiting, _ := New(placed(MethodUPI), ProviderSandbox, t0)
	_, _, err = waiting.RequestRefund("r5", 1, "nothing", "u", t0)
	require.ErrorIs(t, err, ErrNotCaptured)
	require.Equal(t, errs.Conflict, errs.CodeOf(err))
}

func TestValidateRefund(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		amount int64
		reason string
		field  string
	}{
		"zero amount":      {0, "damaged item", "amountPaise"},
		"negative amount":  {-5, "damaged item", "amountPaise"},
		"short reason":     {100, "  ab ", "reason"},
		"long reason":      {100, strings.Repeat("a", 501), "reason"},
		"10 KB reason":     {100, strings.Repeat("é", 5000), "reason"},
		"control char":     {100, "damaged\x00item", "reason"},
		"bidi override":    {100, "damaged \u202Emeti", "reason"},
		"invalid encoding": {100, "dam\xffaged", "reason"},
	} {
		_, err := ValidateRefund(tc.amount, tc.reason)
		require.ErrorIs(t, err, errs.BadInput(tc.field, ""), name)
	}
	reason, err := ValidateRefund(1, "  Damaged on arrival\nreplaced  ")
	require.NoError(t, err)
	require.Equal(t, "Damaged on arrival\nreplaced", reason)
	_, err = ValidateRefund(1, strings.Repeat("é", 500))
	require.NoError(t, err, "500 characters, not bytes")
}

func TestPlacedValidate(t *testing.T) {
	t.Parallel()
	ok := placed(MethodUPI)
	ok.StoreIDs = []string{"01937a00-0000-7000-8000-000000000aa1", "01937a00-0000-7000-8000-000000000aa1"}
	require.NoError(t, ok.Validate())
	require.Len(t, ok.StoreIDs, 1, "deduplicated")

	for name, mutate := range map[string]func(*Placed){
		"order id":     func(p *Placed) { p.OrderID = "x" },
		"user id":      func(p *Placed) { p.UserID = "" },
		"order number": func(p *Placed) { p.OrderNumber = strings.Repeat("9", 41) },
		"amount":       func(p *Placed) { p.Amount = 0 },
		"method":       func(p *Placed) { p.Method = "BITCOIN" },
		"vpa":          func(p *Placed) { p.UpiVpa = strings.Repeat("v", 256) },
		"store id":     func(p *Placed) { p.StoreIDs = []string{"nope"} },
	} {
		in := placed(MethodUPI)
		in.StoreIDs = nil
		mutate(&in)
		require.Error(t, in.Validate(), name)
	}
}

// A capture of another amount than the order's total never confirms the
// order: payment.failed, and the money goes back.
func TestCapture_amountMismatchRefunded(t *testing.T) {
	t.Parallel()
	p, _ := New(placed(MethodUPI), ProviderRazorpay, t0)
	eff := p.Capture("pay_1", 100, t0)
	require.Equal(t, []string{"payment.failed"}, eventTypes(eff))
	require.Equal(t, StatusCaptured, p.Status)
	require.Equal(t, int64(100), p.Captured)
	require.Len(t, eff.NewRefunds, 1)
	require.Equal(t, int64(100), eff.NewRefunds[0].Amount)
	require.Equal(t, ReasonAmountMismatch, eff.NewRefunds[0].Reason)
	require.Contains(t, p.FailureReason, "captured 100 paise instead of the order total 10000")
}

// The provider order is recorded whatever happened meanwhile: a payment
// failed because its order was cancelled can still be paid against it, and
// that capture must be recognised (and refunded).
func TestProviderOrderCreated_anyState(t *testing.T) {
	t.Parallel()
	at := time.Now().UTC()
	p, _ := New(Placed{OrderID: "o", Amount: 100, Method: MethodUPI}, ProviderSandbox, at)
	p.CancelOrder(at)
	require.Equal(t, StatusFailed, p.Status)
	eff := p.ProviderOrderCreated("order_1", at)
	require.True(t, eff.Changed)
	require.Equal(t, "order_1", p.ProviderOrderID)
	require.False(t, p.ProviderOrderCreated("order_2", at).Changed, "the first one stays")
	eff = p.Capture("pay_1", 100, at)
	require.Len(t, eff.NewRefunds, 1, "captured for a cancelled order: refunded in full")
	require.Equal(t, int64(100), eff.NewRefunds[0].Amount)
}
