package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
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
}

// request is a scenario sending one GraphQL document with rotating variables.
func request(name, target, query string, vars []map[string]any) scenario {
	bodies := make([][]byte, len(vars))
	for i, v := range vars {
		bodies[i], _ = json.Marshal(map[string]any{"query": query, "variables": v})
	}
	return scenario{Name: name, Target: target, Step: func(ctx context.Context, w, i int) (time.Duration, bool) {
		t0 := time.Now()
		ok := send(ctx, bodies[(w+i)%len(bodies)], "")
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
	return err == nil && resp.StatusCode == http.StatusOK && !bytes.Contains(b, []byte(`"errors"`))
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
		return nil, false
	}
	return out.Data, true
}

// storefrontScenarios builds the scenarios from the shipped documents and
// real slugs read from the seeded catalogue.
func storefrontScenarios(ctx context.Context, root string) ([]scenario, error) {
	doc := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(root, "operations", "storefront", name+".graphql"))
		return string(b), err
	}
	search, err := doc("SearchProducts")
	if err != nil {
		return nil, err
	}
	page, err := doc("ProductBySlug")
	if err != nil {
		return nil, err
	}
	slugs, err := seededSlugs(ctx, search)
	if err != nil {
		return nil, err
	}
	var pageVars []map[string]any
	for _, s := range slugs {
		pageVars = append(pageVars, map[string]any{"slug": s})
	}
	var searchVars []map[string]any
	for _, q := range []string{"iphone 15", "samsung galaxy", "laptop", "boat earbuds", "sony", "smart tv", "iphon", "power bank"} {
		searchVars = append(searchVars, map[string]any{"filter": map[string]any{"query": q}, "first": 20})
	}
	return []scenario{
		request("product page by slug", "≥ 1,500 req/s, p99 ≤ 30 ms", page, pageVars),
		request("search", "≥ 500 req/s, p99 ≤ 60 ms", search, searchVars),
	}, nil
}

func seededSlugs(ctx context.Context, search string) ([]string, error) {
	body, _ := json.Marshal(map[string]any{"query": search, "variables": map[string]any{"first": 50}})
	data, ok := call(ctx, body, "")
	if !ok {
		return nil, fmt.Errorf("search for seeded products failed")
	}
	var out struct {
		Products struct {
			Edges []struct {
				Node struct{ Slug string } `json:"node"`
			} `json:"edges"`
		} `json:"products"`
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}
	var slugs []string
	for _, e := range out.Products.Edges {
		slugs = append(slugs, e.Node.Slug)
	}
	if len(slugs) == 0 {
		return nil, fmt.Errorf("no products found to benchmark (does SearchProducts select edges { node { slug } }?)")
	}
	return slugs, nil
}

// memWatch samples each process's resident memory and keeps the peak.
type memWatch struct {
	stopc chan struct{}
	done  chan map[string]int64
}

func watchMemory(pids map[string]int) *memWatch {
	m := &memWatch{stopc: make(chan struct{}), done: make(chan map[string]int64, 1)}
	go func() {
		peaks := map[string]int64{}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			for name, pid := range pids {
				if rss := rssBytes(pid); rss > peaks[name] {
					peaks[name] = rss
				}
			}
			select {
			case <-m.stopc:
				m.done <- peaks
				return
			case <-tick.C:
			}
		}
	}()
	return m
}

func (m *memWatch) stop() map[string]int64 {
	close(m.stopc)
	return <-m.done
}

// rssBytes reads VmRSS from /proc (the router's node process included).
func rssBytes(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}
