// Package sandbox is Purra's built-in payment provider for development and
// tests. It behaves like Razorpay seen from payments: CreateOrder returns an
// order id, and a moment later the provider calls back POST /webhooks/sandbox
// with a signed, Razorpay-shaped event, retried with backoff until the
// endpoint accepts it. The buyer's UPI VPA picks the outcome:
//
//	failure@sandbox  payment.failed
//	slow@sandbox     payment.captured after SlowDelay (2 s)
//	never@sandbox    no callback at all (the reservation times out)
//	anything else    payment.captured after Delay (~20 ms)
//
// Callbacks are queued in memory and sent by Run (a worker of the subgraph),
// so shutdown stops them cleanly; pending callbacks die with the process, as
// if the provider had lost them.
package sandbox

import (
	"bytes"
	"container/heap"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/telemetry"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
)

// Headers of the sandbox's webhook requests.
const (
	SignatureHeader = "X-Sandbox-Signature"
	EventIDHeader   = "X-Sandbox-Event-Id"
)

// DefaultWebhookSecret signs callbacks on a developer machine.
const DefaultWebhookSecret = "purra-sandbox-webhook-secret-dev"

// VPAs that choose an outcome.
const (
	VPAFailure = "failure@sandbox"
	VPASlow    = "slow@sandbox"
	VPANever   = "never@sandbox"
)

// Config configures the sandbox.
type Config struct {
	WebhookURL    string // this subgraph's POST /webhooks/sandbox
	WebhookSecret string
	Delay         time.Duration // default 20 ms
	SlowDelay     time.Duration // default 2 s
	// MaxAttempts to deliver one callback (default 12, backoff 100 ms doubling up to 10 s).
	MaxAttempts int
	Log         *slog.Logger
}

// Sandbox is the provider and its callback queue.
type Sandbox struct {
	cfg    Config
	secret []byte
	client *http.Client

	mu    sync.Mutex
	queue deliveries
	wake  chan struct{}
}

var _ provider.Provider = (*Sandbox)(nil)

// New returns a sandbox; Run must run for callbacks to be sent.
func New(cfg Config) *Sandbox {
	if cfg.WebhookSecret == "" {
		cfg.WebhookSecret = DefaultWebhookSecret
	}
	if cfg.Delay == 0 {
		cfg.Delay = 20 * time.Millisecond
	}
	if cfg.SlowDelay == 0 {
		cfg.SlowDelay = 2 * time.Second
	}
	if cfg.MaxAttempts == 0 {
		cfg.MaxAttempts = 12
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Sandbox{
		cfg: cfg, secret: []byte(cfg.WebhookSecret), client: &http.Client{Timeout: 5 * time.Second},
		wake: make(chan struct{}, 1),
	}
}

func (s *Sandbox) Name() payment.Provider { return payment.ProviderSandbox }

// CreateOrder returns an order id derived from the payment id (a repeated
// call returns the same order) and schedules the outcome's callback.
func (s *Sandbox) CreateOrder(ctx context.Context, req provider.OrderRequest) (provider.Order, error) {
	orderID := "order_sbx_" + digest(req.PaymentID)
	paymentID := "pay_sbx_" + digest(req.PaymentID)
	switch req.UpiVpa {
	case VPANever:
	case VPAFailure:
		s.schedule(ctx, s.cfg.Delay, provider.EventPaymentFailed, paymentEntity(paymentID, orderID, req.AmountPaise, "failed",
			"Payment failed: the bank declined it (sandbox "+VPAFailure+")"))
	case VPASlow:
		s.schedule(ctx, s.cfg.SlowDelay, provider.EventPaymentCaptured, paymentEntity(paymentID, orderID, req.AmountPaise, "captured", ""))
	default:
		s.schedule(ctx, s.cfg.Delay, provider.EventPaymentCaptured, paymentEntity(paymentID, orderID, req.AmountPaise, "captured", ""))
	}
	return provider.Order{ID: orderID}, nil
}

// Capture succeeds (sandbox payments are captured automatically anyway).
func (s *Sandbox) Capture(context.Context, provider.CaptureRequest) error { return nil }

// Refund succeeds at once; the id is derived from ours, so a repeat is the same refund.
func (s *Sandbox) Refund(_ context.Context, req provider.RefundRequest) (provider.RefundResult, error) {
	return provider.RefundResult{ID: "rfnd_sbx_" + digest(req.RefundID), Status: payment.RefundProcessed}, nil
}

// VerifyWebhook checks X-Sandbox-Signature over the raw body.
func (s *Sandbox) VerifyWebhook(h http.Header, body []byte) (provider.WebhookEvent, error) {
	if !provider.ValidSignature(s.secret, body, h.Get(SignatureHeader)) {
		return provider.WebhookEvent{}, provider.ErrBadSignature
	}
	return provider.ParseEvent(h.Get(EventIDHeader), body)
}

// Sign signs body as the sandbox does, for tests that post their own callbacks.
func (s *Sandbox) Sign(body []byte) string { return provider.Sign(s.secret, body) }

type entity map[string]any

func paymentEntity(id, orderID string, amount int64, status, failure string) entity {
	e := entity{"id": id, "entity": "payment", "amount": amount, "currency": "INR", "status": status,
		"order_id": orderID, "method": "upi", "captured": status == "captured"}
	if failure != "" {
		e["error_code"], e["error_description"], e["error_reason"] = "BAD_REQUEST_ERROR", failure, "payment_failed"
	}
	return e
}

// schedule queues a callback for event about the payment entity after delay.
// Its event id is derived from the payment and the event type, so a
// repeated CreateOrder schedules a duplicate that payments applies once.
func (s *Sandbox) schedule(ctx context.Context, delay time.Duration, event string, pay entity) {
	body, _ := json.Marshal(map[string]any{
		"entity": "event", "account_id": "acc_sandbox", "event": event, "contains": []string{"payment"},
		"payload":    map[string]any{"payment": map[string]any{"entity": pay}},
		"created_at": time.Now().Unix(),
	})
	d := &delivery{
		due: time.Now().Add(delay), body: body,
		eventID: "evt_sbx_" + digest(fmt.Sprint(pay["id"], "/", event)),
		// the callback continues the checkout's trace and request id, as if the
		// provider echoed them: one checkout stays one trace up to CONFIRMED
		trace: telemetry.Inject(ctx), requestID: logx.RequestID(ctx),
	}
	s.mu.Lock()
	heap.Push(&s.queue, d)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Pending reports how many callbacks are waiting to be delivered.
func (s *Sandbox) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queue.Len()
}

// Run delivers queued callbacks when they are due until ctx is cancelled;
// a failed delivery is retried with backoff, up to MaxAttempts.
func (s *Sandbox) Run(ctx context.Context) error {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		for _, d := range s.due(time.Now()) {
			s.deliver(ctx, d)
		}
		timer.Reset(s.untilNext())
		select {
		case <-ctx.Done():
			if n := s.Pending(); n > 0 {
				s.cfg.Log.InfoContext(ctx, "sandbox callbacks dropped at shutdown", "pending", n)
			}
			return nil
		case <-s.wake:
		case <-timer.C:
		}
	}
}

// due pops every delivery due by now.
func (s *Sandbox) due(now time.Time) []*delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*delivery
	for s.queue.Len() > 0 && !s.queue[0].due.After(now) {
		out = append(out, heap.Pop(&s.queue).(*delivery))
	}
	return out
}

func (s *Sandbox) untilNext() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.queue.Len() == 0 {
		return time.Hour
	}
	return max(time.Until(s.queue[0].due), 0)
}

// deliver posts one callback; on failure it goes back in the queue.
func (s *Sandbox) deliver(ctx context.Context, d *delivery) {
	err := s.post(ctx, d)
	if err == nil || ctx.Err() != nil {
		return
	}
	d.attempt++
	if d.attempt >= s.cfg.MaxAttempts {
		s.cfg.Log.ErrorContext(ctx, "sandbox callback given up", "event_id", d.eventID, "attempts", d.attempt, "err", err)
		return
	}
	backoff := min(100*time.Millisecond<<(d.attempt-1), 10*time.Second)
	s.cfg.Log.WarnContext(ctx, "sandbox callback failed, retrying", "event_id", d.eventID, "attempt", d.attempt, "in", backoff, "err", err)
	d.due = time.Now().Add(backoff)
	s.mu.Lock()
	heap.Push(&s.queue, d)
	s.mu.Unlock()
}

func (s *Sandbox) post(ctx context.Context, d *delivery) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.WebhookURL, bytes.NewReader(d.body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(SignatureHeader, s.Sign(d.body))
	req.Header.Set(EventIDHeader, d.eventID)
	for k, v := range d.trace {
		req.Header.Set(k, v)
	}
	if d.requestID != "" {
		req.Header.Set("X-Request-Id", d.requestID)
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("webhook answered %d", resp.StatusCode)
	}
	return nil
}

// digest is a short stable id fragment derived from s.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:7])
}

type delivery struct {
	due       time.Time
	body      []byte
	eventID   string
	attempt   int
	trace     map[string]string // W3C headers of the request that created the order
	requestID string
}

// deliveries is a min-heap by due time.
type deliveries []*delivery

func (q deliveries) Len() int           { return len(q) }
func (q deliveries) Less(i, j int) bool { return q[i].due.Before(q[j].due) }
func (q deliveries) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *deliveries) Push(x any)        { *q = append(*q, x.(*delivery)) }
func (q *deliveries) Pop() any {
	old := *q
	d := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	return d
}
