package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// subscription is a GraphQL subscription held open through the router over
// server-sent events, as a browser would hold it.
type subscription struct {
	events chan response
	cancel context.CancelFunc
	status int
}

// subscribe starts query over SSE and returns once the router accepted it.
func (c client) subscribe(t *testing.T, query string, vars map[string]any) *subscription {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, sys.RouterURL(), bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "text/event-stream")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		cancel()
		t.Fatalf("subscribe: %v", err)
	}
	s := &subscription{events: make(chan response, 32), cancel: cancel, status: resp.StatusCode}
	t.Cleanup(s.close)
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data:")
			if !ok || strings.TrimSpace(data) == "" {
				continue
			}
			var r response
			if json.Unmarshal([]byte(strings.TrimSpace(data)), &r) == nil && (r.Data != nil || r.Errors != nil) {
				s.events <- r
			}
		}
	}()
	return s
}

// next waits for the next event.
func (s *subscription) next(t *testing.T, timeout time.Duration) (response, bool) {
	t.Helper()
	select {
	case r, ok := <-s.events:
		return r, ok
	case <-time.After(timeout):
		return response{}, false
	}
}

func (s *subscription) close() { s.cancel() }
