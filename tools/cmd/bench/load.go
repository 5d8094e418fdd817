package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// scenario is what one worker does per iteration: step returns the latency
// to record and whether the iteration succeeded.
type scenario struct {
	Name   string
	Target string
	// Setup prepares worker w (log in, fill a cart…) before the clock starts.
	Setup func(ctx context.Context, w int) error
	Step  func(ctx context.Context, w, i int) (time.Duration, bool)
	// Notes, when set, is printed under the scenario's figures (and reset).
	Notes func() string
}

// request is a scenario sending one GraphQL document with rotating
// variables, each worker as the token token(w) ("" for anonymous). Workers
// start at different offsets and stride through every variable set.
func request(name, target, query string, vars []map[string]any, token func(w int) string) scenario {
	bodies := make([][]byte, len(vars))
	for i, v := range vars {
		bodies[i], _ = json.Marshal(map[string]any{"query": query, "variables": v})
	}
	return scenario{Name: name, Target: target, Step: func(ctx context.Context, w, i int) (time.Duration, bool) {
		body := bodies[(w*7919+i)%len(bodies)]
		t0 := time.Now()
		ok := send(ctx, body, token(w))
		return time.Since(t0), ok
	}}
}

type result struct {
	total, errors int
	elapsed       time.Duration
	latencies     []time.Duration
}

func (r result) rps() float64 { return float64(r.total) / r.elapsed.Seconds() }

func (r result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(float64(len(r.latencies)-1) * p / 100)
	return r.latencies[i]
}

// load runs conns closed-loop workers for d: each starts its next iteration
// as soon as the previous one finished.
func load(ctx context.Context, sc scenario, conns int, d time.Duration) result {
	var mu sync.Mutex
	var all []time.Duration
	var errs atomic.Int64
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range conns {
		wg.Go(func() {
			lat := make([]time.Duration, 0, 4096)
			for i := 0; time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				took, ok := sc.Step(ctx, w, i)
				if !ok {
					errs.Add(1)
				}
				lat = append(lat, took)
			}
			mu.Lock()
			all = append(all, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return result{total: len(all), errors: int(errs.Load()), elapsed: time.Since(start), latencies: all}
}

// routerURL is the endpoint every scenario talks to.
var routerURL string

var httpClient = &http.Client{
	Transport: &http.Transport{MaxIdleConnsPerHost: 64, MaxConnsPerHost: 64},
	Timeout:   10 * time.Second,
}

// send posts body (with a bearer token when given) and reports success
// without decoding the answer: the load generator shares the machine with
// the router, so it must stay cheap.
func send(ctx context.Context, body []byte, token string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, routerURL, bytes.NewReader(body))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode == http.StatusOK && !bytes.Contains(b, []byte(`"errors"`)) {
		return true
	}
	noteError(fmt.Sprintf("HTTP %d %v %.300s", resp.StatusCode, err, b))
	return false
}

// firstError keeps one failed answer per scenario, printed with its figures.
var firstError atomic.Pointer[string]

func noteError(s string) { firstError.CompareAndSwap(nil, &s) }

// takeError returns the scenario's first failed answer and forgets it.
func takeError() string {
	if p := firstError.Swap(nil); p != nil {
		return *p
	}
	return ""
}

// call posts body and returns the response data when there were no errors.
func call(ctx context.Context, body []byte, token string) (json.RawMessage, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, routerURL, bytes.NewReader(body))
	if err != nil {
		return nil, false
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		return nil, false
	}
	defer resp.Body.Close()
	var out struct {
		Data   json.RawMessage `json:"data"`
		Errors []any           `json:"errors"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&out) != nil || len(out.Errors) > 0 {
		noteError(fmt.Sprintf("HTTP %d %.300v", resp.StatusCode, out.Errors))
		return nil, false
	}
	return out.Data, true
}
