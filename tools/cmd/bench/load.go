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

// scenario is one operation with a rotating set of variables.
type scenario struct {
	Name   string
	Target string
	Query  string
	Vars   []map[string]any
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

// load runs conns closed-loop workers for d: each sends its next request as
// soon as the previous answer arrived.
func load(ctx context.Context, url string, sc scenario, conns int, d time.Duration) result {
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	defer tr.CloseIdleConnections()
	bodies := make([][]byte, len(sc.Vars))
	for i, v := range sc.Vars {
		bodies[i], _ = json.Marshal(map[string]any{"query": sc.Query, "variables": v})
	}
	var mu sync.Mutex
	var all []time.Duration
	var errs atomic.Int64
	deadline := time.Now().Add(d)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range conns {
		wg.Go(func() {
			lat := make([]time.Duration, 0, 4096)
			for i := w; time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				t0 := time.Now()
				if !send(client, url, bodies[i%len(bodies)]) {
					errs.Add(1)
				}
				lat = append(lat, time.Since(t0))
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

func send(c *http.Client, url string, body []byte) bool {
	resp, err := c.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode == http.StatusOK && !bytes.Contains(b, []byte(`"errors"`))
}

// storefrontScenarios builds the scenarios from the shipped documents and
// real slugs read from the seeded catalogue.
func storefrontScenarios(ctx context.Context, root, url string) ([]scenario, error) {
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
	slugs, err := seededSlugs(ctx, url, search)
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
		{Name: "product page by slug", Target: "≥ 1,500 req/s, p99 ≤ 30 ms", Query: page, Vars: pageVars},
		{Name: "search", Target: "≥ 500 req/s, p99 ≤ 60 ms", Query: search, Vars: searchVars},
	}, nil
}

func seededSlugs(ctx context.Context, url, search string) ([]string, error) {
	body, _ := json.Marshal(map[string]any{"query": search, "variables": map[string]any{"first": 50}})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Products struct {
				Edges []struct {
					Node struct{ Slug string } `json:"node"`
				} `json:"edges"`
			} `json:"products"`
		} `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	var slugs []string
	for _, e := range out.Data.Products.Edges {
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
