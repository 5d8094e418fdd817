// Package subgraph is the synchronous way one subgraph asks another when an
// answer is needed at once (a price quote, a stock reservation): a GraphQL
// call straight to the other subgraph, with a timeout, bounded retries and a
// circuit breaker, carrying the caller's credentials and request id, and
// this service's own credential (X-Service-Token, audience = the subgraph
// called), which the other subgraph's allow-lists check. Errors
// the other subgraph coded (CONFLICT, BAD_USER_INPUT…) come back as the same
// *errs.Error, so they reach the client unchanged.
//
// Everything else between subgraphs goes through events.
package subgraph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/sony/gobreaker/v2"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/metrics"
)

// Client calls one subgraph.
type Client struct {
	name    string
	url     string
	http    *http.Client
	cb      *gobreaker.CircuitBreaker[[]byte]
	timeout time.Duration
	signer  *auth.ServiceSigner
}

// New returns a client for the subgraph name at url (config.SubgraphURL)
// that identifies itself with signer (service.Deps.Subgraph wires both).
// Without a signer the calls carry no service credential, and the other
// subgraph refuses the call.
func New(name, url string, signer *auth.ServiceSigner) *Client {
	metrics.BreakerChanged("subgraph-"+name, gobreaker.StateClosed)
	return &Client{
		name:    name,
		url:     url,
		signer:  signer,
		timeout: 3 * time.Second,
		// otelhttp: a client span per call and the traceparent header, so the callee's
		// spans join the caller's trace
		http: &http.Client{Transport: otelhttp.NewTransport(&http.Transport{
			MaxIdleConnsPerHost: 64, IdleConnTimeout: 90 * time.Second,
		}, otelhttp.WithSpanNameFormatter(func(string, *http.Request) string { return "subgraph " + name }))},
		cb: gobreaker.NewCircuitBreaker[[]byte](gobreaker.Settings{
			Name:    "subgraph-" + name,
			Timeout: 5 * time.Second, // open → half-open
			ReadyToTrip: func(c gobreaker.Counts) bool {
				return c.ConsecutiveFailures >= 5
			},
			OnStateChange: func(name string, _, to gobreaker.State) { metrics.BreakerChanged(name, to) },
		}),
	}
}

// Call options.
type Option func(*callOpts)

type callOpts struct {
	retries int
	auth    *string
}

// Idempotent lets the call be retried (twice, with backoff) after a transport
// failure. Use it for queries and for mutations keyed so that a repeat is
// harmless (reserveStock(orderId: …)).
func Idempotent() Option { return func(o *callOpts) { o.retries = 2 } }

// As sends authorization instead of the caller's (e.g. "" for none).
func As(authorization string) Option { return func(o *callOpts) { o.auth = &authorization } }

// Do runs query with vars and decodes data into out.
func (c *Client) Do(ctx context.Context, query string, vars map[string]any, out any, opts ...Option) error {
	var o callOpts
	for _, opt := range opts {
		opt(&o)
	}
	authz := auth.Authorization(ctx)
	if o.auth != nil {
		authz = *o.auth
	}
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return fmt.Errorf("encode request to %s: %w", c.name, err)
	}
	var raw []byte
	backoff := 50 * time.Millisecond
	for attempt := 0; ; attempt++ {
		raw, err = c.cb.Execute(func() ([]byte, error) { return c.post(ctx, body, authz) })
		if err == nil || attempt >= o.retries || ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
		case <-time.After(backoff):
		}
		backoff *= 2
	}
	if err != nil {
		if errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests) {
			return &errs.Error{Code: errs.Unavailable, Message: c.name + " is unavailable, try again shortly"}
		}
		return fmt.Errorf("call %s: %w", c.name, &unavailable{name: c.name, err: err})
	}
	return decode(c.name, raw, out)
}

func (c *Client) post(ctx context.Context, body []byte, authz string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.signer != nil {
		tok, err := c.signer.Token(c.name)
		if err != nil {
			return nil, err
		}
		req.Header.Set(auth.ServiceHeader, tok)
	}
	if authz != "" {
		req.Header.Set("Authorization", authz)
	}
	if id := logx.RequestID(ctx); id != "" {
		req.Header.Set("X-Request-Id", id)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return raw, nil
}

// unavailable is a transport failure: presented as SERVICE_UNAVAILABLE, and
// logged by the presenter with its cause.
type unavailable struct {
	name string
	err  error
}

func (u *unavailable) Error() string { return u.name + " unavailable: " + u.err.Error() }
func (u *unavailable) Unwrap() error { return u.err }

// As presents it to clients as SERVICE_UNAVAILABLE without internals.
func (u *unavailable) As(target any) bool {
	if e, ok := target.(**errs.Error); ok {
		*e = &errs.Error{Code: errs.Unavailable, Message: u.name + " is unavailable, try again shortly"}
		return true
	}
	return false
}

type response struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// decode returns the first GraphQL error as *errs.Error when the other
// subgraph coded it as a client error, so it propagates to our client.
func decode(name string, raw []byte, out any) error {
	var r response
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("decode %s response: %w", name, err)
	}
	if len(r.Errors) > 0 {
		e := r.Errors[0]
		code, _ := e.Extensions["code"].(string)
		switch errs.Code(code) {
		case errs.BadUserInput, errs.Unauthenticated, errs.Forbidden, errs.NotFound, errs.Conflict, errs.RateLimited, errs.Unavailable:
			ce := &errs.Error{Code: errs.Code(code), Message: e.Message}
			ce.Field, _ = e.Extensions["field"].(string)
			ce.Reason, _ = e.Extensions["reason"].(string)
			return ce
		}
		return fmt.Errorf("%s: %s (%s)", name, e.Message, code)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		return fmt.Errorf("decode %s data: %w", name, err)
	}
	return nil
}
