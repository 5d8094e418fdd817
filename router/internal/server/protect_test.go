package server

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// send makes any request to the router and decodes the GraphQL answer
// (errors only when the body is not JSON).
func send(t *testing.T, method, u, contentType string, body io.Reader, headers map[string]string) gqlResult {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResult
	_ = json.Unmarshal(raw, &out)
	out.status, out.header = resp.StatusCode, resp.Header
	return out
}

func TestBodyLimit(t *testing.T) {
	hs, calls := testRouter(t, map[string]string{"MAX_BODY_BYTES": "4096"}, products)
	big := `{"query":"{ products { id } } # ` + strings.Repeat("x", 5000) + `"}`
	r := send(t, http.MethodPost, hs.URL+"/graphql", "application/json", strings.NewReader(big), nil)
	require.Equal(t, http.StatusRequestEntityTooLarge, r.status)
	require.Equal(t, "PAYLOAD_TOO_LARGE", r.code())
	// a reader of unknown length goes out chunked, without Content-Length
	chunked := io.MultiReader(strings.NewReader(`{"query":"{ products { id } }"}`))
	r = send(t, http.MethodPost, hs.URL+"/graphql", "application/json", chunked, nil)
	require.Equal(t, http.StatusLengthRequired, r.status)
	require.Equal(t, "LENGTH_REQUIRED", r.code())
	require.Zero(t, calls.Load(), "refused bodies reach no subgraph")
	r = post(t, hs.URL, `{"query":"{ products { id } }"}`, nil)
	require.Equal(t, http.StatusOK, r.status)
	require.Empty(t, r.Errors)
}

func TestAliasAndCostLimits(t *testing.T) {
	hs, calls := testRouter(t, map[string]string{"MAX_ALIASES": "5", "MAX_COST": "300"}, func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"data":{"catalog":[],"a0":[],"a1":[],"a2":[],"a3":[],"a4":[]}}`))
	})
	aliases := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(" a" + string(rune('0'+i)) + ": products { id }")
		}
		return `{"query":"{` + b.String() + ` }"}`
	}
	r := post(t, hs.URL, aliases(6), nil)
	require.Equal(t, "ALIAS_LIMIT_EXCEEDED", r.code())
	require.Equal(t, http.StatusBadRequest, r.status)
	require.Zero(t, calls.Load(), "refused before any subgraph is asked")
	require.Empty(t, post(t, hs.URL, aliases(5), nil).Errors)

	// catalog(first: n) { id name related { id name } }: 1 + n × (3 + 10 × 2)
	q := `"query":"query($n: Int) { catalog(first: $n) { id name related { id name } } }"`
	require.Empty(t, post(t, hs.URL, `{`+q+`,"variables":{"n":10}}`, nil).Errors, "231")
	r = post(t, hs.URL, `{`+q+`,"variables":{"n":20}}`, nil)
	require.Equal(t, "COST_LIMIT_EXCEEDED", r.code())
	require.Equal(t, http.StatusBadRequest, r.status)
	require.EqualValues(t, 461, r.Errors[0].Extensions["cost"])
	lit := post(t, hs.URL, `{"query":"{ catalog(first: 20) { id name related { id name } } }"}`, nil)
	require.Equal(t, "COST_LIMIT_EXCEEDED", lit.code(), "a literal first counts like a variable")
	require.EqualValues(t, 461, lit.Errors[0].Extensions["cost"])
	require.Empty(t, post(t, hs.URL, `{"query":"{ catalog(first: 20) { id name related(limit: 1) { id name } } }"}`, nil).Errors,
		"limit bounds the inner list: 1 + 20 × 5 = 101")
	require.Empty(t, post(t, hs.URL, `{"query":"{ catalog { id name related { id name } } }"}`, nil).Errors,
		"without first a list counts DEFAULT_LIST_SIZE (10): 231")
}

func TestCSRFPrevention(t *testing.T) {
	hs, _ := testRouter(t, nil, products)
	get := hs.URL + "/graphql?" + url.Values{"query": {"{ products { id } }"}}.Encode()
	require.Equal(t, http.StatusForbidden, send(t, http.MethodGet, get, "", nil, nil).status)
	ok := send(t, http.MethodGet, get, "", nil, map[string]string{"x-purra-csrf": "1"})
	require.Equal(t, http.StatusOK, ok.status)
	require.JSONEq(t, `{"products":[{"id":"p1"}]}`, string(ok.Data))
	form := send(t, http.MethodPost, hs.URL+"/graphql", "application/x-www-form-urlencoded", strings.NewReader("query=%7B%20products%20%7B%20id%20%7D%20%7D"), nil)
	require.Equal(t, http.StatusForbidden, form.status)
	text := send(t, http.MethodPost, hs.URL+"/graphql", "text/plain", strings.NewReader(`{"query":"{ products { id } }"}`), nil)
	require.Equal(t, http.StatusForbidden, text.status)
	require.Equal(t, http.StatusOK, post(t, hs.URL, `{"query":"{ products { id } }"}`, nil).status, "application/json needs a preflight already")
	page := send(t, http.MethodGet, hs.URL+"/graphql", "", nil, map[string]string{"Accept": "text/html"})
	require.Equal(t, http.StatusOK, page.status, "the Playground page is exempt")

	off, _ := testRouter(t, map[string]string{"CSRF_PREVENTION": "false"}, products)
	offGet := off.URL + "/graphql?" + url.Values{"query": {"{ products { id } }"}}.Encode()
	require.Equal(t, http.StatusOK, send(t, http.MethodGet, offGet, "", nil, nil).status)
}

func TestSecurityHeaders(t *testing.T) {
	hs, _ := testRouter(t, nil, products)
	for _, path := range []string{"/graphql", "/healthz", "/nowhere"} {
		r := send(t, http.MethodPost, hs.URL+path, "application/json", strings.NewReader(`{"query":"{ products { id } }"}`), nil)
		require.Equal(t, "nosniff", r.header.Get("X-Content-Type-Options"), path)
		require.Equal(t, "DENY", r.header.Get("X-Frame-Options"), path)
		require.Equal(t, "no-referrer", r.header.Get("Referrer-Policy"), path)
		require.Equal(t, "same-site", r.header.Get("Cross-Origin-Resource-Policy"), path)
		require.Contains(t, r.header.Get("Content-Security-Policy"), "default-src 'none'", path)
		require.Empty(t, r.header.Get("Strict-Transport-Security"), "HSTS only in production")
	}
	page := send(t, http.MethodGet, hs.URL+"/graphql", "", nil, map[string]string{"Accept": "text/html"})
	require.NotContains(t, page.header.Get("Content-Security-Policy"), "default-src 'none'", "the Playground runs its own scripts")
	require.Contains(t, page.header.Get("Content-Security-Policy"), "frame-ancestors 'none'")
}

func TestProductionDefaults(t *testing.T) {
	hs, calls := testRouter(t, map[string]string{"NODE_ENV": "development", "ROUTER_ENV": "production"}, products)
	r := post(t, hs.URL, `{"query":"{ __schema { types { name } } }"}`, nil)
	require.Equal(t, "GRAPHQL_VALIDATION_FAILED", r.code(), "introspection is off: %+v", r.Errors)
	r = post(t, hs.URL, `{"query":"{ ... on Query { __type(name: \"Product\") { name } } }"}`, nil)
	require.Equal(t, "GRAPHQL_VALIDATION_FAILED", r.code(), "also inside a fragment")
	require.Zero(t, calls.Load())
	require.Contains(t, r.header.Get("Strict-Transport-Security"), "max-age=")
	page := send(t, http.MethodGet, hs.URL+"/graphql", "", nil, map[string]string{"Accept": "text/html"})
	require.NotContains(t, page.header.Get("Content-Type"), "text/html", "no Playground in production")
	require.Empty(t, post(t, hs.URL, `{"query":"{ __typename products { id } }"}`, nil).Errors, "__typename is not introspection")

	dev, _ := testRouter(t, map[string]string{"NODE_ENV": "production", "ROUTER_ENV": "development"}, products)
	r = post(t, dev.URL, `{"query":"{ __schema { queryType { name } } }"}`, nil)
	require.Empty(t, r.Errors, "ROUTER_ENV wins over NODE_ENV")
	require.JSONEq(t, `{"__schema":{"queryType":{"name":"Query"}}}`, string(r.Data))
}

func TestRateLimitsInRedis(t *testing.T) {
	env := map[string]string{"RATE_LIMIT_PER_IP": "8", "RATE_LIMIT_PER_CLIENT": "3", "RATE_LIMIT_WINDOW_MS": "60000",
		"RATE_LIMIT_PREFIX": "purra:router:test:" + uuid.NewString() + ":"}
	a, _ := testRouter(t, env, products)
	b, _ := testRouter(t, env, products) // a second replica on the same Redis
	q := `{"query":"{ products { id } }"}`
	alice := map[string]string{"Authorization": "Bearer a-" + uuid.NewString()}
	for i := range 3 {
		require.Equal(t, http.StatusOK, post(t, []string{a.URL, b.URL}[i%2], q, alice).status)
	}
	r := post(t, a.URL, q, alice) // the 4th, counted across both replicas
	require.Equal(t, http.StatusTooManyRequests, r.status)
	require.Equal(t, "RATE_LIMITED", r.code())
	require.Contains(t, r.Errors[0].Message, "per client")
	require.Regexp(t, `^([1-9]|[1-5][0-9]|60)$`, r.header.Get("Retry-After"))
	require.Equal(t, http.StatusOK, post(t, a.URL, q, map[string]string{"Authorization": "Bearer b-" + uuid.NewString()}).status, "another client is not limited")
	require.Equal(t, http.StatusOK, send(t, http.MethodGet, a.URL+"/healthz", "", nil, alice).status, "probes are not counted")

	// 5 requests so far from this address; the spoofed X-Forwarded-For does not pick the bucket
	var limited *gqlResult
	for i := 0; i < 6 && limited == nil; i++ {
		r := post(t, []string{a.URL, b.URL}[i%2], q, map[string]string{"X-Forwarded-For": "198.51.100." + string(rune('0'+i))})
		if r.status == http.StatusTooManyRequests {
			limited = &r
		}
	}
	require.NotNil(t, limited, "the address was limited")
	require.Equal(t, "RATE_LIMITED", limited.code())
	require.Contains(t, limited.Errors[0].Message, "per address")
	require.NotEmpty(t, limited.header.Get("Retry-After"))
}

func TestRateLimitsLetThroughWithoutRedis(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	dead := l.Addr().String()
	l.Close()
	hs, _ := testRouter(t, map[string]string{"RATE_LIMIT_PER_IP": "1", "RATE_LIMIT_REDIS_URL": "redis://" + dead + "/0"}, products)
	for range 3 {
		require.Equal(t, http.StatusOK, post(t, hs.URL, `{"query":"{ products { id } }"}`, nil).status)
	}
}

func TestSubgraphDownIsServiceUnavailable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	dead := "http://" + l.Addr().String() + "/graphql"
	l.Close()
	for _, prod := range []bool{false, true} {
		env := map[string]string{"REVIEWS_URL": dead}
		if prod {
			env["ROUTER_ENV"] = "production"
		}
		hs, _ := testRouter(t, env, func(w http.ResponseWriter, r *http.Request) {
			products(w, r)
		})
		r := post(t, hs.URL, `{"query":"{ latestProduct { id } }"}`, nil)
		require.Equal(t, "SERVICE_UNAVAILABLE", r.code(), "%+v", r.Errors)
		require.Equal(t, true, r.Errors[0].Extensions["retryable"])
		if prod {
			require.NotContains(t, r.Errors[0].Extensions, "subgraph")
			require.NotContains(t, r.Errors[0].Message, "reviews")
		} else {
			require.Equal(t, "reviews", r.Errors[0].Extensions["subgraph"])
		}
		part := post(t, hs.URL, `{"query":"{ products { id } latestProduct { id } }"}`, nil)
		require.JSONEq(t, `{"products":[{"id":"p1"}],"latestProduct":null}`, string(part.Data), "the other subgraph's part still arrives")
	}
}

// The Playground is GraphiQL served by the router itself: the page and its
// scripts come from the binary, nothing from another origin.
func TestPlaygroundWorksOffline(t *testing.T) {
	if _, err := playgroundFiles.Open("playground/graphiql.min.js"); err != nil {
		t.Fatal("GraphiQL is not embedded: run `make playground` (make test-unit does)")
	}
	hs, _ := testRouter(t, nil, products)
	req, _ := http.NewRequest(http.MethodGet, hs.URL+"/graphql", nil)
	req.Header.Set("Accept", "text/html")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Contains(t, resp.Header.Get("Content-Type"), "text/html")
	require.NotContains(t, string(page), "__PURRA_DEFAULT_QUERY__")
	require.NotRegexp(t, `(src|href)="(https?:)?//`, string(page), "no script or style from another origin")
	for _, asset := range []string{"/playground/graphiql.min.js", "/playground/react.production.min.js", "/playground/react-dom.production.min.js", "/playground/graphiql.min.css"} {
		require.Contains(t, string(page), asset)
		r := send(t, http.MethodGet, hs.URL+asset, "", nil, nil)
		require.Equal(t, http.StatusOK, r.status, asset)
	}
	q := defaultQuery("../../../README.md")
	require.Contains(t, q, "login(", "the page opens with the README's first query")
	require.Contains(t, q, "step 2")
	prod, _ := testRouter(t, map[string]string{"ROUTER_ENV": "production"}, products)
	require.Equal(t, http.StatusNotFound, send(t, http.MethodGet, prod.URL+"/playground/graphiql.min.js", "", nil, nil).status, "off in production")
}
