// Package razorpay is the Razorpay adapter: the REST calls of the Orders,
// Payments and Refunds APIs (create, capture, refund; and the fetches the
// reconciliation compares with) (https://razorpay.com/docs/api) with HTTP basic
// auth key_id:key_secret, and webhook verification (HMAC-SHA256 of the raw
// body with the webhook secret, in X-Razorpay-Signature).
package razorpay

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/purra/supergraph/subgraphs/payments/internal/payment"
	"github.com/purra/supergraph/subgraphs/payments/internal/provider"
)

// DefaultBaseURL is Razorpay's API.
const DefaultBaseURL = "https://api.razorpay.com"

// Headers of Razorpay's webhook requests.
const (
	SignatureHeader = "X-Razorpay-Signature"
	EventIDHeader   = "X-Razorpay-Event-Id"
)

// Config holds the credentials from the Razorpay dashboard.
type Config struct {
	BaseURL       string // DefaultBaseURL unless testing
	KeyID         string
	KeySecret     string
	WebhookSecret string
	Timeout       time.Duration // per request, default 10 s
}

// Client calls Razorpay.
type Client struct {
	cfg  Config
	http *http.Client
}

var _ provider.Provider = (*Client)(nil)

// New returns a client; KeyID, KeySecret and WebhookSecret are required.
func New(cfg Config) (*Client, error) {
	if cfg.KeyID == "" || cfg.KeySecret == "" || cfg.WebhookSecret == "" {
		return nil, fmt.Errorf("razorpay: key id, key secret and webhook secret are required")
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if _, err := url.Parse(cfg.BaseURL); err != nil {
		return nil, fmt.Errorf("razorpay base url: %w", err)
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	return &Client{cfg: cfg, http: &http.Client{Timeout: cfg.Timeout}}, nil
}

func (c *Client) Name() payment.Provider { return payment.ProviderRazorpay }

// CreateOrder: POST /v1/orders.
func (c *Client) CreateOrder(ctx context.Context, req provider.OrderRequest) (provider.Order, error) {
	body := map[string]any{
		"amount":   req.AmountPaise,
		"currency": req.Currency,
		"receipt":  req.OrderNumber,
		"notes":    map[string]string{"order_id": req.OrderID, "payment_id": req.PaymentID},
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := c.post(ctx, "/v1/orders", body, nil, &out); err != nil {
		return provider.Order{}, err
	}
	return provider.Order{ID: out.ID}, nil
}

// Capture: POST /v1/payments/{id}/capture.
func (c *Client) Capture(ctx context.Context, req provider.CaptureRequest) error {
	body := map[string]any{"amount": req.AmountPaise, "currency": req.Currency}
	return c.post(ctx, "/v1/payments/"+url.PathEscape(req.ProviderPaymentID)+"/capture", body, nil, nil)
}

// Refund: POST /v1/payments/{id}/refund, normal speed, idempotent on our
// refund id (X-Refund-Idempotency), which also travels in the notes so that
// refund.processed can be matched even before we learnt Razorpay's id.
func (c *Client) Refund(ctx context.Context, req provider.RefundRequest) (provider.RefundResult, error) {
	body := map[string]any{
		"amount": req.AmountPaise,
		"speed":  "normal",
		"notes":  map[string]string{"reason": req.Reason, "refund_id": req.RefundID, "payment_id": req.PaymentID},
	}
	var out struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	headers := map[string]string{"X-Refund-Idempotency": req.RefundID}
	if err := c.post(ctx, "/v1/payments/"+url.PathEscape(req.ProviderPaymentID)+"/refund", body, headers, &out); err != nil {
		return provider.RefundResult{}, err
	}
	res := provider.RefundResult{ID: out.ID, Status: payment.RefundPending}
	switch out.Status {
	case "processed":
		res.Status = payment.RefundProcessed
	case "failed":
		res.Status = payment.RefundFailed
	}
	return res, nil
}

// FindOrder: GET /v1/orders?receipt=… (the receipt is our order number),
// matched on the payment id we put in the notes: an order created by a call
// whose answer was lost.
func (c *Client) FindOrder(ctx context.Context, req provider.OrderRequest) (provider.Order, bool, error) {
	var out struct {
		Items []struct {
			ID    string            `json:"id"`
			Notes map[string]string `json:"notes"`
		} `json:"items"`
	}
	q := url.Values{"receipt": {req.OrderNumber}, "count": {"100"}}
	if err := c.get(ctx, "/v1/orders?"+q.Encode(), &out); err != nil {
		return provider.Order{}, false, err
	}
	for _, o := range out.Items {
		if o.Notes["payment_id"] == req.PaymentID {
			return provider.Order{ID: o.ID}, true, nil
		}
	}
	return provider.Order{}, false, nil
}

// OrderPayments: GET /v1/orders/{id}/payments.
func (c *Client) OrderPayments(ctx context.Context, providerOrderID string) ([]provider.PaymentState, error) {
	var out struct {
		Items []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
			Amount int64  `json:"amount"`
		} `json:"items"`
	}
	if err := c.get(ctx, "/v1/orders/"+url.PathEscape(providerOrderID)+"/payments", &out); err != nil {
		return nil, err
	}
	ps := make([]provider.PaymentState, len(out.Items))
	for i, p := range out.Items {
		ps[i] = provider.PaymentState{ID: p.ID, Status: p.Status, AmountPaise: p.Amount}
	}
	return ps, nil
}

// VerifyWebhook checks X-Razorpay-Signature over the raw body.
func (c *Client) VerifyWebhook(h http.Header, body []byte) (provider.WebhookEvent, error) {
	if !provider.ValidSignature([]byte(c.cfg.WebhookSecret), body, h.Get(SignatureHeader)) {
		return provider.WebhookEvent{}, provider.ErrBadSignature
	}
	return provider.ParseEvent(h.Get(EventIDHeader), body)
}

// get sends a GET with basic auth and decodes a 2xx answer into out.
func (c *Client) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.cfg.BaseURL+path, nil)
	if err != nil {
		return fmt.Errorf("razorpay %s: %w", path, err)
	}
	return c.do(req, path, nil, out)
}

// post sends a JSON request with basic auth and decodes a 2xx answer into
// out; other answers become *provider.Error.
func (c *Client) post(ctx context.Context, path string, body any, headers map[string]string, out any) error {
	raw, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("razorpay %s: encode: %w", path, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.BaseURL+path, bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("razorpay %s: %w", path, err)
	}
	req.Header.Set("Content-Type", "application/json")
	return c.do(req, path, headers, out)
}

func (c *Client) do(req *http.Request, path string, headers map[string]string, out any) error {
	req.SetBasicAuth(c.cfg.KeyID, c.cfg.KeySecret)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("razorpay %s: %w", path, err) // transport: retried
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return fmt.Errorf("razorpay %s: read: %w", path, err)
	}
	if resp.StatusCode >= 300 {
		return apiError(resp.StatusCode, data)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("razorpay %s: decode: %w", path, err)
	}
	return nil
}

// apiError turns Razorpay's {"error": {code, description}} into a
// provider.Error. 4xx are permanent except 409 (an idempotent request still
// in progress) and 429 (rate limited).
func apiError(status int, data []byte) error {
	var body struct {
		Error struct {
			Code        string `json:"code"`
			Description string `json:"description"`
		} `json:"error"`
	}
	_ = json.Unmarshal(data, &body)
	e := &provider.Error{
		Provider: payment.ProviderRazorpay, Status: status, Code: body.Error.Code, Description: body.Error.Description,
		Permanent: status >= 400 && status < 500 && status != http.StatusConflict && status != http.StatusTooManyRequests,
	}
	if e.Description == "" {
		e.Description = http.StatusText(status)
	}
	return e
}
