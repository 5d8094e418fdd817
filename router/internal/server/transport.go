package server

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// subgraphTransport makes the engine's subgraph HTTP calls: it applies the
// per-subgraph timeout, turns a timeout into a GATEWAY_TIMEOUT GraphQL error
// (so the engine reports it at the field's path), and records the subgraphs'
// Cache-Control for the response cache.
type subgraphTransport struct {
	base    http.RoundTripper
	mu      sync.RWMutex
	byURL   map[string]subgraphInfo
	metrics *metrics
	// production: errors do not name subgraphs
	production bool
}

type subgraphInfo struct {
	name    string
	timeout time.Duration
}

func newSubgraphTransport(m *metrics) *subgraphTransport {
	base := &http.Transport{
		Proxy:               nil,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        1024,
		MaxIdleConnsPerHost: 256,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   false,
	}
	// a client span per subgraph call, and the traceparent header that makes
	// the subgraph's spans children of the router's
	traced := otelhttp.NewTransport(base, otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
		return "subgraph " + r.URL.Host
	}))
	return &subgraphTransport{base: traced, byURL: map[string]subgraphInfo{}, metrics: m}
}

func (t *subgraphTransport) setSubgraphs(m map[string]subgraphInfo) {
	t.mu.Lock()
	t.byURL = m
	t.mu.Unlock()
}

func (t *subgraphTransport) info(u string) subgraphInfo {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.byURL[u]
}

func (t *subgraphTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	url := req.URL.Scheme + "://" + req.URL.Host + req.URL.Path
	info := t.info(url)
	if info.name == "" {
		info.name = req.URL.Host
	}
	start := time.Now()
	parent := req.Context()
	ctx := parent
	if info.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, info.timeout)
		defer cancel()
		req = req.WithContext(ctx)
	}
	resp, err := t.base.RoundTrip(req)
	if err == nil && info.timeout > 0 {
		// read the body before the deadline's cancel closes it
		var body []byte
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(body))
		resp.ContentLength = int64(len(body))
	}
	elapsed := time.Since(start)
	if err != nil {
		if info.timeout > 0 && errors.Is(ctx.Err(), context.DeadlineExceeded) && parent.Err() == nil {
			t.metrics.subgraph(info.name, "timeout", elapsed)
			if rs := stateFrom(ctx); rs != nil {
				rs.timedOut.Store(true)
			}
			return timeoutResponse(req, info), nil
		}
		t.metrics.subgraph(info.name, "error", elapsed)
		if parent.Err() != nil {
			return nil, err // the client went away
		}
		return t.unavailable(req, info), nil
	}
	t.metrics.subgraph(info.name, strconv.Itoa(resp.StatusCode), elapsed)
	if resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable {
		// a proxy in front of a subgraph that is down or restarting
		resp.Body.Close()
		return t.unavailable(req, info), nil
	}
	if rs := stateFrom(ctx); rs != nil {
		rs.observeCacheControl(resp.Header.Get("Cache-Control"))
	}
	return resp, nil
}

func timeoutResponse(req *http.Request, info subgraphInfo) *http.Response {
	body := `{"errors":[{"message":"Subgraph '` + info.name + `' did not answer within ` + info.timeout.String() +
		`","extensions":{"code":"GATEWAY_TIMEOUT"}}]}`
	return errorResponse(req, body)
}

// unavailable answers for a subgraph that cannot be reached (down,
// restarting, refusing connections): a failure the client may retry,
// naming the subgraph only outside production. The engine puts the error
// at the fields that subgraph owed; the other subgraphs' parts still arrive.
func (t *subgraphTransport) unavailable(req *http.Request, info subgraphInfo) *http.Response {
	body := `{"errors":[{"message":"A service this request needs is unavailable; retry shortly","extensions":{"code":"SERVICE_UNAVAILABLE","retryable":true}}]}`
	if !t.production {
		body = `{"errors":[{"message":"A service this request needs is unavailable (` + info.name + `); retry shortly",` +
			`"extensions":{"code":"SERVICE_UNAVAILABLE","retryable":true,"subgraph":"` + info.name + `"}}]}`
	}
	return errorResponse(req, body)
}

func errorResponse(req *http.Request, body string) *http.Response {
	return &http.Response{
		StatusCode:    http.StatusOK,
		Status:        "200 OK",
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": []string{"application/json"}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}
}

// requestState travels in the request context to the transport.
type requestState struct {
	timedOut atomic.Bool
	mu       sync.Mutex
	private  bool
	maxAge   time.Duration // smallest max-age seen; -1: none seen
}

type stateKey struct{}

func withState(ctx context.Context) (context.Context, *requestState) {
	rs := &requestState{maxAge: -1}
	return context.WithValue(ctx, stateKey{}, rs), rs
}

func stateFrom(ctx context.Context) *requestState {
	rs, _ := ctx.Value(stateKey{}).(*requestState)
	return rs
}

// observeCacheControl keeps the strictest Cache-Control of the subgraph
// answers: private/no-store makes the whole response uncacheable, max-age
// shortens its time in the cache.
func (rs *requestState) observeCacheControl(cc string) {
	if cc == "" {
		return
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	for _, d := range strings.Split(cc, ",") {
		d = strings.ToLower(strings.TrimSpace(d))
		switch {
		case d == "private" || d == "no-store" || d == "no-cache":
			rs.private = true
		case strings.HasPrefix(d, "max-age="):
			if n, err := strconv.Atoi(strings.TrimPrefix(d, "max-age=")); err == nil {
				age := time.Duration(n) * time.Second
				if rs.maxAge < 0 || age < rs.maxAge {
					rs.maxAge = age
				}
			}
		}
	}
}

func (rs *requestState) cacheable(ttl time.Duration) (time.Duration, bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if rs.private || rs.timedOut.Load() {
		return 0, false
	}
	if rs.maxAge >= 0 && rs.maxAge < ttl {
		ttl = rs.maxAge
	}
	return ttl, ttl > 0
}
