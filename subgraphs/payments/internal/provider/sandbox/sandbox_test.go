package sandbox_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider/sandbox"
	"github.com/purra/supergraph/subgraphs/payments/migrations"
)

// callback is one request the sandbox made to the webhook endpoint.
type callback struct {
	at     time.Time
	header http.Header
	body   []byte
}

// endpoint records callbacks; the first failFirst answer 503.
type endpoint struct {
	mu        sync.Mutex
	got       []callback
	failFirst int
}

func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	e.mu.Lock()
	defer e.mu.Unlock()
	e.got = append(e.got, callback{at: time.Now(), header: r.Header.Clone(), body: body})
	if len(e.got) <= e.failFirst {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}
}

func (e *endpoint) callbacks() []callback {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]callback(nil), e.got...)
}

// start runs a sandbox calling ep until the test ends.
func start(t *testing.T, ep *endpoint, cfg sandbox.Config) *sandbox.Sandbox {
	t.Helper()
	srv := httptest.NewServer(ep)
	t.Cleanup(srv.Close)
	cfg.WebhookURL, cfg.WebhookSecret = srv.URL+"/webhooks/sandbox", "test-secret"
	s := sandbox.New(cfg, db(t))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			require.NoError(t, err)
		case <-time.After(5 * time.Second):
			t.Error("sandbox worker did not stop")
		}
	})
	return s
}

// db is a fresh payments database (the sandbox keeps its books there).
func db(t *testing.T) *pgxpool.Pool {
	return servicetest.DB(t, service.Spec{Name: "payments", Migrations: migrations.FS})
}

func pending(t *testing.T, s *sandbox.Sandbox) int {
	n, err := s.Pending(context.Background())
	require.NoError(t, err)
	return n
}

func order(vpa string) provider.OrderRequest {
	return provider.OrderRequest{PaymentID: "01937a00-0000-7000-8000-00000000b001", OrderID: "o", OrderNumber: "PUR-2026-000001",
		AmountPaise: 129900, Currency: "INR", Method: payment.MethodUPI, UpiVpa: vpa}
}

func TestSuccessCallbackIsSignedAndParses(t *testing.T) {
	t.Parallel()
	ep := &endpoint{}
	s := start(t, ep, sandbox.Config{Delay: 20 * time.Millisecond})
	begin := time.Now()
	o, err := s.CreateOrder(context.Background(), order("rahul@okaxis"))
	require.NoError(t, err)
	require.Regexp(t, `^order_sbx_[0-9a-f]{14}$`, o.ID)
	again, _ := s.CreateOrder(context.Background(), order("rahul@okaxis"))
	require.Equal(t, o.ID, again.ID, "the same payment has the same provider order")

	require.Eventually(t, func() bool { return len(ep.callbacks()) == 1 }, 5*time.Second, 5*time.Millisecond)
	time.Sleep(100 * time.Millisecond)
	cbs := ep.callbacks()
	require.Len(t, cbs, 1, "a repeated CreateOrder is the same order: one callback")
	require.GreaterOrEqual(t, cbs[0].at.Sub(begin), 20*time.Millisecond)
	require.Equal(t, provider.Sign([]byte("test-secret"), cbs[0].body), cbs[0].header.Get(sandbox.SignatureHeader))
	ev, err := s.VerifyWebhook(cbs[0].header, cbs[0].body)
	require.NoError(t, err)
	require.Equal(t, provider.EventPaymentCaptured, ev.Type)
	require.Equal(t, o.ID, ev.ProviderOrderID)
	require.Regexp(t, `^pay_sbx_`, ev.ProviderPaymentID)
	require.Equal(t, int64(129900), ev.AmountPaise)

	tampered := append([]byte(nil), cbs[0].body...)
	tampered[len(tampered)-2] = ' '
	_, err = s.VerifyWebhook(cbs[0].header, tampered)
	require.ErrorIs(t, err, provider.ErrBadSignature)
}

func TestOutcomesByVPA(t *testing.T) {
	t.Parallel()
	ep := &endpoint{}
	s := start(t, ep, sandbox.Config{Delay: 10 * time.Millisecond, SlowDelay: 400 * time.Millisecond})
	ctx := context.Background()
	begin := time.Now()
	_, err := s.CreateOrder(ctx, order(sandbox.VPANever))
	require.NoError(t, err)
	require.Zero(t, pending(t, s), "never@sandbox schedules nothing")

	slow := order(sandbox.VPASlow)
	slow.PaymentID = "01937a00-0000-7000-8000-00000000b002"
	_, err = s.CreateOrder(ctx, slow)
	require.NoError(t, err)
	failed := order(sandbox.VPAFailure)
	failed.PaymentID = "01937a00-0000-7000-8000-00000000b003"
	_, err = s.CreateOrder(ctx, failed)
	require.NoError(t, err)

	require.Eventually(t, func() bool { return len(ep.callbacks()) == 2 }, 5*time.Second, 5*time.Millisecond)
	cbs := ep.callbacks()
	first, err := s.VerifyWebhook(cbs[0].header, cbs[0].body)
	require.NoError(t, err)
	require.Equal(t, provider.EventPaymentFailed, first.Type, "the failure comes first (short delay)")
	require.Contains(t, first.FailureReason, "declined")
	second, err := s.VerifyWebhook(cbs[1].header, cbs[1].body)
	require.NoError(t, err)
	require.Equal(t, provider.EventPaymentCaptured, second.Type)
	require.GreaterOrEqual(t, cbs[1].at.Sub(begin), 400*time.Millisecond, "slow@sandbox waits SlowDelay")
	time.Sleep(50 * time.Millisecond)
	require.Len(t, ep.callbacks(), 2, "nothing for never@sandbox")
}

// While the endpoint is down, the same signed event is retried with backoff.
func TestRetriesUntilDelivered(t *testing.T) {
	t.Parallel()
	ep := &endpoint{failFirst: 2}
	s := start(t, ep, sandbox.Config{Delay: time.Millisecond})
	_, err := s.CreateOrder(context.Background(), order("x@y"))
	require.NoError(t, err)
	require.Eventually(t, func() bool { return len(ep.callbacks()) == 3 }, 5*time.Second, 5*time.Millisecond)
	cbs := ep.callbacks()
	for _, cb := range cbs[1:] {
		require.Equal(t, cbs[0].body, cb.body)
		require.Equal(t, cbs[0].header.Get(sandbox.EventIDHeader), cb.header.Get(sandbox.EventIDHeader))
	}
	require.GreaterOrEqual(t, cbs[2].at.Sub(cbs[1].at), 150*time.Millisecond, "backoff doubles")
	require.Eventually(t, func() bool { return pending(t, s) == 0 }, time.Second, 5*time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	require.Len(t, ep.callbacks(), 3, "delivered: no more retries")
}

func TestGivesUpAfterMaxAttempts(t *testing.T) {
	t.Parallel()
	ep := &endpoint{failFirst: 100}
	s := start(t, ep, sandbox.Config{Delay: time.Millisecond, MaxAttempts: 2})
	_, err := s.CreateOrder(context.Background(), order("x@y"))
	require.NoError(t, err)
	require.Eventually(t, func() bool { return len(ep.callbacks()) == 2 && pending(t, s) == 0 }, 5*time.Second, 5*time.Millisecond)
	time.Sleep(300 * time.Millisecond)
	require.Len(t, ep.callbacks(), 2)
}

func TestRefundIsImmediateAndIdempotent(t *testing.T) {
	t.Parallel()
	s := sandbox.New(sandbox.Config{WebhookURL: "http://127.0.0.1:1"}, nil)
	req := provider.RefundRequest{RefundID: "01937a00-0000-7000-8000-00000000f001", ProviderPaymentID: "pay_sbx_1", AmountPaise: 100, Reason: "r"}
	a, err := s.Refund(context.Background(), req)
	require.NoError(t, err)
	b, _ := s.Refund(context.Background(), req)
	require.Equal(t, payment.RefundProcessed, a.Status)
	require.Equal(t, a, b)
}

// The sandbox's books survive a restart: an order created before payments
// stopped is found again, its payment is visible once its buyer paid, and a
// callback not yet delivered is delivered by the next worker.
func TestBooksSurviveARestart(t *testing.T) {
	t.Parallel()
	pool := db(t)
	ep := &endpoint{}
	srv := httptest.NewServer(ep)
	t.Cleanup(srv.Close)
	cfg := sandbox.Config{WebhookURL: srv.URL, WebhookSecret: "s", Delay: 200 * time.Millisecond}
	ctx := context.Background()
	before := sandbox.New(cfg, pool) // its worker never runs: "killed" before delivering
	req := order("rahul@okhdfcbank")
	o, err := before.CreateOrder(ctx, req)
	require.NoError(t, err)
	ps, err := before.OrderPayments(ctx, o.ID)
	require.NoError(t, err)
	require.Empty(t, ps, "the buyer has not paid yet")

	after := sandbox.New(cfg, pool)
	found, ok, err := after.FindOrder(ctx, req)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, o, found)
	_, ok, err = after.FindOrder(ctx, order("x@y")) // same payment id: found; another is not
	require.NoError(t, err)
	require.True(t, ok)
	other := order("x@y")
	other.PaymentID = "01937a00-0000-7000-8000-00000000b0ff"
	_, ok, _ = after.FindOrder(ctx, other)
	require.False(t, ok)

	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- after.Run(runCtx) }()
	// delivered, and recorded as delivered (a callback posted but not yet
	// marked when the worker stops is sent again: payments applies it once)
	require.Eventually(t, func() bool { return len(ep.callbacks()) >= 1 && pending(t, after) == 0 }, 5*time.Second, 10*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	require.Len(t, ep.callbacks(), 1)
	ps, err = after.OrderPayments(ctx, o.ID)
	require.NoError(t, err)
	require.Len(t, ps, 1)
	require.True(t, ps[0].Captured())
	require.Equal(t, int64(129900), ps[0].AmountPaise)
}
