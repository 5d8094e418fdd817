package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
)

// testRouter serves the engine's test supergraph with its three subgraphs
// replaced by handler.
func testRouter(t *testing.T, env map[string]string, handler http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var calls atomic.Int32
	sub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		handler(w, r)
	}))
	t.Cleanup(sub.Close)
	dir := t.TempDir()
	manifest := `{"` + strings.Repeat("a", 64) + `":"query Products { products { id } }"}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "persisted-operations.json"), []byte(manifest), 0o644))
	vars := map[string]string{
		"SERVICE_TOKEN_KEY": string(testServiceKeys(t).Private[auth.RouterService]),
		"SUPERGRAPH_PATH":   "../engine/testdata/federation/supergraph.graphql",
		"PRODUCTS_URL":      sub.URL, "REVIEWS_URL": sub.URL, "USERS_URL": sub.URL,
		"ACCESS_LOG": "false",
		// rate limits only where a test asks for them (they count in Redis)
		"RATE_LIMIT_PER_IP": "0", "RATE_LIMIT_PER_CLIENT": "0",
	}
	for k, v := range env {
		vars[k] = v
	}
	settings, err := LoadSettings(func(k string) string { return vars[k] }, dir)
	require.NoError(t, err)
	srv, err := New(settings, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return hs, &calls
}

func products(w http.ResponseWriter, _ *http.Request) {
	_, _ = w.Write([]byte(`{"data":{"products":[{"id":"p1"}]}}`))
}

type gqlResult struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
	status int
	header http.Header
}

func (g gqlResult) code() string {
	if len(g.Errors) == 0 {
		return ""
	}
	c, _ := g.Errors[0].Extensions["code"].(string)
	return c
}

func post(t *testing.T, url string, body string, headers map[string]string) gqlResult {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResult
	require.NoError(t, json.Unmarshal(raw, &out), string(raw))
	out.status, out.header = resp.StatusCode, resp.Header
	return out
}

func TestPersistedOperationsPolicy(t *testing.T) {
	hs, _ := testRouter(t, nil, products)
	id := strings.Repeat("a", 64)
	mobile := map[string]string{"x-client-name": "purra-mobile"}
	r := post(t, hs.URL, `{"documentId":"`+id+`"}`, mobile)
	require.Empty(t, r.Errors)
	require.JSONEq(t, `{"products":[{"id":"p1"}]}`, string(r.Data))
	r = post(t, hs.URL, `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"sha256:`+id+`"}}}`, mobile)
	require.Empty(t, r.Errors, "APQ hash with sha256: prefix")
	require.Equal(t, "PERSISTED_QUERY_NOT_FOUND", post(t, hs.URL, `{"documentId":"`+strings.Repeat("0", 64)+`"}`, mobile).code())
	require.Equal(t, "PERSISTED_QUERY_ONLY", post(t, hs.URL, `{"query":"{ products { id name } }"}`, mobile).code())
	require.Empty(t, post(t, hs.URL, `{"query":"query Products { products { id } }"}`, mobile).Errors, "the exact persisted text is accepted")
	require.Equal(t, "PERSISTED_QUERY_ID_REQUIRED", post(t, hs.URL, `{}`, nil).code())
	require.Empty(t, post(t, hs.URL, `{"query":"{ products { id } }"}`, nil).Errors, "web clients may send any document")
}

func TestLimitsAndValidation(t *testing.T) {
	hs, calls := testRouter(t, map[string]string{"MAX_DEPTH": "2", "MAX_TOKENS": "16"}, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"data":{"topReviews":[]}}`))
	})
	r := post(t, hs.URL, `{"query":"{ topReviews { product { id } author { id } } }"}`, nil)
	require.Empty(t, r.Errors, "depth 2 is allowed")
	r = post(t, hs.URL, `{"query":"{ topReviews { author { id } product { id } } nodes { id } accounts { id } products { id } search { __typename } }"}`, nil)
	require.Equal(t, "GRAPHQL_VALIDATION_FAILED", r.code(), "token limit: %+v", r.Errors)
	before := calls.Load()
	require.Equal(t, "GRAPHQL_VALIDATION_FAILED", post(t, hs.URL, `{"query":"{ products { secret } }"}`, nil).code(), "@inaccessible is refused")
	require.Equal(t, "GRAPHQL_PARSE_FAILED", post(t, hs.URL, `{"query":"{ products { "}`, nil).code())
	require.Equal(t, before, calls.Load(), "refused documents reach no subgraph")
}

func TestDepthLimit(t *testing.T) {
	hs, _ := testRouter(t, map[string]string{"MAX_DEPTH": "1"}, products)
	r := post(t, hs.URL, `{"query":"{ topReviews { product { id } } }"}`, nil)
	require.Equal(t, "GRAPHQL_VALIDATION_FAILED", r.code())
	require.Contains(t, r.Errors[0].Message, "depth")
}

func TestRequestIDAndCORS(t *testing.T) {
	hs, _ := testRouter(t, nil, products)
	r := post(t, hs.URL, `{"query":"{ products { id } }"}`, map[string]string{"x-request-id": "req-42", "Origin": "http://localhost:5173"})
	require.Equal(t, "req-42", r.header.Get("X-Request-Id"))
	require.Equal(t, "http://localhost:5173", r.header.Get("Access-Control-Allow-Origin"))
	r = post(t, hs.URL, `{"query":"{ products { id } }"}`, map[string]string{"Origin": "https://evil.example"})
	require.NotEmpty(t, r.header.Get("X-Request-Id"), "generated when absent")
	require.Empty(t, r.header.Get("Access-Control-Allow-Origin"))
	req, _ := http.NewRequest(http.MethodOptions, hs.URL+"/graphql", nil)
	req.Header.Set("Origin", "http://127.0.0.1:3000")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusNoContent, resp.StatusCode)
	require.Contains(t, resp.Header.Get("Access-Control-Allow-Methods"), "POST")
}

func TestSubgraphErrorsMaskedAndCodesPassed(t *testing.T) {
	hs, _ := testRouter(t, nil, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "topReviews") {
			_, _ = w.Write([]byte(`{"errors":[{"message":"pq: relation missing at 10.0.0.5","path":["topReviews"]}],"data":null}`))
			return
		}
		_, _ = w.Write([]byte(`{"errors":[{"message":"sign in required","path":["products"],"extensions":{"code":"UNAUTHENTICATED","stack":"x"}}],"data":null}`))
	})
	r := post(t, hs.URL, `{"query":"{ products { id } }"}`, nil)
	require.Equal(t, "UNAUTHENTICATED", r.code())
	require.Equal(t, "sign in required", r.Errors[0].Message)
	require.NotContains(t, r.Errors[0].Extensions, "stack")
	r = post(t, hs.URL, `{"query":"{ topReviews { body } }"}`, nil)
	require.Equal(t, "INTERNAL_SERVER_ERROR", r.code())
	require.Equal(t, "Unexpected error.", r.Errors[0].Message, "internal details stay inside")
}

func TestSubgraphTimeout(t *testing.T) {
	hs, _ := testRouter(t, map[string]string{"SUBGRAPH_TIMEOUT_MS": "100"}, func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(400 * time.Millisecond)
		products(w, r)
	})
	r := post(t, hs.URL, `{"query":"{ products { id } }"}`, nil)
	require.Equal(t, "GATEWAY_TIMEOUT", r.code())
	require.Equal(t, http.StatusGatewayTimeout, r.status)
}

func TestResponseCacheAnonymousOnly(t *testing.T) {
	var price atomic.Int32
	price.Store(100)
	hs, calls := testRouter(t, nil, func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "_entities") {
			_, _ = w.Write([]byte(`{"data":{"_entities":[{"__typename":"Product","price":` + itoa(price.Load()) + `}]}}`))
			return
		}
		_, _ = w.Write([]byte(`{"data":{"products":[{"__typename":"Product","id":"p1"}]}}`))
	})
	q := `{"query":"{ products { id price } }"}`
	first := post(t, hs.URL, q, nil)
	require.Empty(t, first.Errors)
	n := calls.Load()
	require.JSONEq(t, string(first.Data), string(post(t, hs.URL, q, nil).Data))
	require.Equal(t, n, calls.Load(), "the second anonymous read is served from the cache")
	post(t, hs.URL, q, map[string]string{"Authorization": "Bearer t"})
	require.Greater(t, calls.Load(), n, "a signed-in read never uses the cache")
	// eviction by a mutation is shown end to end (e2e TestOwnerUpdatesPrice)
}

func itoa(n int32) string { b, _ := json.Marshal(n); return string(b) }
