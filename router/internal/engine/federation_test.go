package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// fakeSubgraphs answer the exact subgraph operations a test expects (the
// engine's request text → canned response) and record what they received,
// so a test shows both the plan (who was asked what) and the result.
type fakeSubgraphs struct {
	t         *testing.T
	mu        sync.Mutex
	responses map[string]map[string]string // subgraph → query → response
	received  map[string][]string
	servers   map[string]*httptest.Server
}

func newFakeSubgraphs(t *testing.T, responses map[string]map[string]string) *fakeSubgraphs {
	f := &fakeSubgraphs{t: t, responses: responses, received: map[string][]string{}, servers: map[string]*httptest.Server{}}
	for _, name := range []string{"products", "reviews", "users"} {
		name := name
		f.servers[name] = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			var req struct {
				Query     string          `json:"query"`
				Variables json.RawMessage `json:"variables"`
			}
			_ = json.Unmarshal(body, &req)
			key := req.Query
			if len(req.Variables) > 0 && string(req.Variables) != "{}" {
				key += " " + string(req.Variables)
			}
			f.mu.Lock()
			f.received[name] = append(f.received[name], key)
			resp, ok := f.responses[name][key]
			f.mu.Unlock()
			if !ok {
				t.Errorf("subgraph %s: unexpected request\n%s", name, key)
				resp = `{"errors":[{"message":"unexpected request"}]}`
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(resp))
		}))
		t.Cleanup(f.servers[name].Close)
	}
	return f
}

func (f *fakeSubgraphs) url(name, _ string) string { return f.servers[name].URL + "/graphql" }

func (f *fakeSubgraphs) calls(name string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.received[name]...)
}

func loadTestEngine(t *testing.T, f *fakeSubgraphs) *Engine {
	t.Helper()
	raw, err := os.ReadFile("testdata/federation/supergraph.graphql")
	require.NoError(t, err)
	e, err := New(raw, Config{SubgraphURL: f.url, Introspection: true})
	require.NoError(t, err)
	t.Cleanup(e.Close)
	return e
}

type noHeaders struct{}

func (noHeaders) HeadersForSubgraph(string) (http.Header, uint64) { return nil, 0 }
func (noHeaders) HashAll() uint64                                 { return 0 }

// run executes query and returns the response body.
func run(t *testing.T, e *Engine, query, variables string) string {
	t.Helper()
	p, err := e.Prepare(query, "", []byte(variables), Limits{MaxDepth: 12, MaxTokens: 2000})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, e.Execute(context.Background(), p, noHeaders{}, &buf))
	return buf.String()
}

func compact(s string) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, []byte(s)); err != nil {
		return strings.TrimSpace(s)
	}
	return buf.String()
}
