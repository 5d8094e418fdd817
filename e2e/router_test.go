package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// persistedID returns the manifest id of the shipped operation name.
func persistedID(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "router", "persisted-operations.json"))
	require.NoError(t, err)
	var manifest map[string]string
	require.NoError(t, json.Unmarshal(raw, &manifest))
	for id, doc := range manifest {
		if strings.Contains(doc, "query "+name+"(") || strings.Contains(doc, "query "+name+" ") {
			return id
		}
	}
	t.Fatalf("operation %s is not in the manifest", name)
	return ""
}

// TestPersistedOperations: mobile clients run only persisted operations; web
// clients and the Playground may send any document.
func TestPersistedOperations(t *testing.T) {
	mobile := client{headers: map[string]string{"x-client-name": "purra-mobile"}}
	id := persistedID(t, "SearchProducts")
	vars := map[string]any{"filter": map[string]any{"query": "iphone 15"}, "first": 3}

	var out struct{ Products struct{ TotalCount int } }
	r := mobile.post(t, map[string]any{"documentId": id, "variables": vars})
	require.Empty(t, r.Errors)
	decode(t, r, &out)
	assert.Positive(t, out.Products.TotalCount, "a known id runs")

	r = mobile.post(t, map[string]any{"variables": vars,
		"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": id}}})
	require.Empty(t, r.Errors, "Apollo's persistedQuery extension works too")

	r = mobile.post(t, map[string]any{"documentId": strings.Repeat("0", 64)})
	assert.Equal(t, "PERSISTED_QUERY_NOT_FOUND", r.code(), "%+v", r.Errors)

	r = mobile.post(t, map[string]any{"query": `{ products(first: 100) { edges { node { id } } } }`})
	assert.Equal(t, "PERSISTED_QUERY_ONLY", r.code(), "%+v", r.Errors)

	// GET with documentId in the query string (cacheable by CDNs).
	req, _ := http.NewRequest(http.MethodGet, sys.RouterURL()+"?documentId="+id+`&variables={"first":2}`, nil)
	req.Header.Set("x-client-name", "purra-mobile")
	req.Header.Set("Accept", "application/json")
	resp, err := httpClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	require.NotContains(t, string(body), `"errors"`)

	web := client{headers: map[string]string{"x-client-name": "purra-web"}}
	r = web.post(t, map[string]any{"query": `{ products(first: 1) { totalCount } }`})
	require.Empty(t, r.Errors, "the storefront may send any document")
}

// TestRouterSurface: Playground on GET, request ids, limits.
func TestRouterSurface(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, sys.RouterURL(), nil)
	req.Header.Set("Accept", "text/html")
	resp, err := httpClient.Do(req)
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, strings.ToLower(string(page)), "<html")

	r := client{headers: map[string]string{"x-request-id": "e2e-req-42"}}.post(t, map[string]any{"query": `{ brands { id } }`})
	require.Empty(t, r.Errors)
	assert.Equal(t, "e2e-req-42", r.Header.Get("x-request-id"))

	deep := `{ categories { children { children { children { children { children { children { children { children { children { children { children { children { id } } } } } } } } } } } } } }`
	r = client{}.post(t, map[string]any{"query": deep})
	require.NotEmpty(t, r.Errors, "depth limit")

	r = client{}.post(t, map[string]any{"query": `{ me { id } }`})
	assert.Equal(t, "UNAUTHENTICATED", r.code())
	r = client{}.withToken("not-a-jwt").post(t, map[string]any{"query": `{ me { id } }`})
	assert.Equal(t, "UNAUTHENTICATED", r.code())
}
