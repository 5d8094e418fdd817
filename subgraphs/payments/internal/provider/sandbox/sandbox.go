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
// Like a real provider it keeps its own books, here in payments' database
// (tables sandbox_orders and sandbox_callbacks, which only this package
// touches): the orders it created and what their buyer did, which the
// reconciliation reads through FindOrder and OrderPayments, and the
// callbacks still to deliver, which Run sends when due — a restart of
// payments loses none of them.
package sandbox

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

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
	// Poll is how often Run looks for due callbacks (default 50 ms).
	Poll time.Duration
	Log  *slog.Logger
}

// Sandbox is the provider, its books and its callback worker.
type Sandbox struct {
	cfg    Config
	db     *pgxpool.Pool
	secret []byte
	client *http.Client
	wake   chan struct{}
}

var _ provider.Provider = (*Sandbox)(nil)

// New returns a sandbox keeping its books in db (payments' database); Run
// must run for callbacks to be sent.
func New(cfg Config, db *pgxpool.Pool) *Sandbox {
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
	if cfg.Poll == 0 {
		cfg.Poll = 50 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Sandbox{
		cfg: cfg, db: db, secret: []byte(cfg.WebhookSecret), client: &http.Client{Timeout: 5 * time.Second},
		wake: make(chan struct{}, 1),
	}
}

func (s *Sandbox) Name() payment.Provider { return payment.ProviderSandbox }

// CreateOrder returns an order id derived from the payment id (a repeated
// call returns the same order), records it with what its buyer will do, and
// schedules the outcome's callback, in one transaction.
func (s *Sandbox) CreateOrder(ctx context.Context, req provider.OrderRequest) (provider.Order, error) {
	orderID := "order_sbx_" + digest(req.PaymentID)
	paymentID := "pay_sbx_" + digest(req.PaymentID)
	outcome, delay := "captured", s.cfg.Delay
	var cb *callback
	switch req.UpiVpa {
	case VPANever:
		outcome = "none"
	case VPAFailure:
		outcome = "failed"
		cb = s.callback(provider.EventPaymentFailed, paymentEntity(paymentID, orderID, req.AmountPaise, "failed",
			"Payment failed: the bank declined it (sandbox "+VPAFailure+")"))
	case VPASlow:
		delay = s.cfg.SlowDelay
		cb = s.callback(provider.EventPaymentCaptured, paymentEntity(paymentID, orderID, req.AmountPaise, "captured", ""))
	default:
		cb = s.callback(provider.EventPaymentCaptured, paymentEntity(paymentID, orderID, req.AmountPaise, "captured", ""))
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO sandbox_orders (id, payment_id, provider_payment_id, amount_paise, outcome, settles_at)
			VALUES ($1, $2, $3, $4, $5, now() + $6::bigint * interval '1 microsecond') ON CONFLICT DO NOTHING`,
			orderID, req.PaymentID, paymentID, req.AmountPaise, outcome, delay.Microseconds())
		if err != nil || tag.RowsAffected() == 0 || cb == nil {
			return err // a repeat schedules nothing more
		}
		_, err = tx.Exec(ctx, `INSERT INTO sandbox_callbacks (event_id, body, due_at, trace, request_id)
			VALUES ($1, $2, now() + $3::bigint * interval '1 microsecond', $4, $5) ON CONFLICT DO NOTHING`,
			cb.eventID, cb.body, delay.Microseconds(), telemetry.Inject(ctx), logx.RequestID(ctx))
		return err
	})
	if err != nil {
		return provider.Order{}, fmt.Errorf("sandbox create order: %w", err)
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return provider.Order{ID: orderID}, nil
}

// FindOrder returns the order created earlier for req's payment, if any.
func (s *Sandbox) FindOrder(ctx context.Context, req provider.OrderRequest) (provider.Order, bool, error) {
	var id string
	err := s.db.QueryRow(ctx, `SELECT id FROM sandbox_orders WHERE payment_id = $1`, req.PaymentID).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return provider.Order{}, false, nil
	}
	if err != nil {
		return provider.Order{}, false, fmt.Errorf("sandbox find order: %w", err)
	}
	return provider.Order{ID: id}, true, nil
}

// OrderPayments lists the payment made against a sandbox order once its
// buyer acted (captured or failed); none before, or for never@sandbox.
func (s *Sandbox) OrderPayments(ctx context.Context, providerOrderID string) ([]provider.PaymentState, error) {
	rows, err := s.db.Query(ctx, `SELECT provider_payment_id, outcome, amount_paise FROM sandbox_orders
		WHERE id = $1 AND outcome <> 'none' AND settles_at <= now()`, providerOrderID)
	if err != nil {
		return nil, fmt.Errorf("sandbox order payments: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (provider.PaymentState, error) {
		var p provider.PaymentState
		err := r.Scan(&p.ID, &p.Status, &p.AmountPaise)
		return p, err
	})
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

type callback struct {
	eventID string
	body    []byte
	// the W3C trace headers and request id of the checkout that created the
	// order, sent back with the callback so one checkout stays one trace
	trace     map[string]string
	requestID string
}

// callback builds the signed-later body of a callback for event about the
// payment entity. Its event id is derived from the payment and the event
// type, so a repeat is applied once by payments.
func (s *Sandbox) callback(event string, pay entity) *callback {
	body, _ := json.Marshal(map[string]any{
		"entity": "event", "account_id": "acc_sandbox", "event": event, "contains": []string{"payment"},
		"payload":    map[string]any{"payment": map[string]any{"entity": pay}},
		"created_at": time.Now().Unix(),
	})
	return &callback{eventID: "evt_sbx_" + digest(fmt.Sprint(pay["id"], "/", event)), body: body}
}

// Pending reports how many callbacks are waiting to be delivered.
func (s *Sandbox) Pending(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT count(*) FROM sandbox_callbacks WHERE delivered_at IS NULL AND gave_up_at IS NULL`).Scan(&n)
	return n, err
}

// Run delivers due callbacks until ctx is cancelled; a failed delivery is
// retried with backoff, up to MaxAttempts. Callbacks not yet delivered at
// shutdown stay in the table for the next start.
func (s *Sandbox) Run(ctx context.Context) error {
	t := time.NewTicker(s.cfg.Poll)
	defer t.Stop()
	for {
		for ctx.Err() == nil {
			delivered, err := s.deliverNext(ctx)
			if err != nil && ctx.Err() == nil {
				s.cfg.Log.ErrorContext(ctx, "sandbox callbacks", "err", err)
			}
			if !delivered || err != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.wake:
		case <-t.C:
		}
	}
}

// deliverNext posts the oldest due callback, holding its row locked (so
// that another instance skips it), and records the outcome; false when
// none is due.
func (s *Sandbox) deliverNext(ctx context.Context) (bool, error) {
	found := false
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var cb callback
		var attempts int
		err := tx.QueryRow(ctx, `SELECT event_id, body, attempts, trace, request_id FROM sandbox_callbacks
			WHERE delivered_at IS NULL AND gave_up_at IS NULL AND due_at <= now()
			ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&cb.eventID, &cb.body, &attempts, &cb.trace, &cb.requestID)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		perr := s.post(ctx, cb)
		if perr == nil {
			_, err = tx.Exec(ctx, `UPDATE sandbox_callbacks SET delivered_at = now(), attempts = attempts + 1
				WHERE event_id = $1`, cb.eventID)
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err() // shutting down: rolled back, delivered after the restart
		}
		attempts++
		if attempts >= s.cfg.MaxAttempts {
			s.cfg.Log.ErrorContext(ctx, "sandbox callback given up", "event_id", cb.eventID, "attempts", attempts, "err", perr)
			_, err = tx.Exec(ctx, `UPDATE sandbox_callbacks SET gave_up_at = now(), attempts = $2, last_error = $3
				WHERE event_id = $1`, cb.eventID, attempts, perr.Error())
			return err
		}
		backoff := min(100*time.Millisecond<<(attempts-1), 10*time.Second)
		s.cfg.Log.WarnContext(ctx, "sandbox callback failed, retrying", "event_id", cb.eventID, "attempt", attempts, "in", backoff, "err", perr)
		_, err = tx.Exec(ctx, `UPDATE sandbox_callbacks SET attempts = $2, last_error = $3,
			due_at = now() + $4::bigint * interval '1 microsecond' WHERE event_id = $1`,
			cb.eventID, attempts, perr.Error(), backoff.Microseconds())
		return err
	})
	return found, err
}

func (s *Sandbox) post(ctx context.Context, cb callback) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.WebhookURL, bytes.NewReader(cb.body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(SignatureHeader, s.Sign(cb.body))
	req.Header.Set(EventIDHeader, cb.eventID)
	for k, v := range cb.trace {
		req.Header.Set(k, v)
	}
	if cb.requestID != "" {
		req.Header.Set("X-Request-Id", cb.requestID)
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
