package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
)

var (
	keysOnce sync.Once
	keys     *auth.ServiceKeys
	keysErr  error
)

// testServiceKeys are the router's (and the fixture subgraphs') service keys
// for this test binary.
func testServiceKeys(t *testing.T) *auth.ServiceKeys {
	t.Helper()
	keysOnce.Do(func() {
		keys, keysErr = auth.GenerateServiceKeys([]string{auth.RouterService, "products", "reviews", "users"})
	})
	require.NoError(t, keysErr)
	return keys
}

// Every subgraph call carries the router's service credential addressed to
// that subgraph (docs/security.md), verified here as the subgraphs verify it;
// the caller's own Authorization still travels beside it.
func TestSubgraphCallsCarryTheRoutersServiceCredential(t *testing.T) {
	verifiers := map[string]*auth.ServiceVerifier{}
	for _, name := range []string{"products", "reviews", "users"} {
		v, err := auth.NewServiceVerifier(name, testServiceKeys(t).JWKS)
		require.NoError(t, err)
		verifiers[name] = v
	}
	var mu sync.Mutex
	var audiences []string
	hs, _ := testRouter(t, nil, func(w http.ResponseWriter, r *http.Request) {
		accepted := ""
		for name, v := range verifiers {
			if caller, ok := auth.Caller(v.AuthenticateService(context.Background(), r.Header.Get(auth.ServiceHeader))); ok && caller == auth.RouterService {
				accepted = name
			}
		}
		if accepted == "" || r.Header.Get("Authorization") != "Bearer shopper" {
			http.Error(w, "bad credential", http.StatusUnauthorized)
			return
		}
		mu.Lock()
		audiences = append(audiences, accepted)
		mu.Unlock()
		products(w, r)
	})
	resp := post(t, hs.URL, `{"query":"{ products { id } }"}`, map[string]string{"Authorization": "Bearer shopper"})
	require.Empty(t, resp.Errors)
	mu.Lock()
	require.Equal(t, []string{"products"}, audiences)
	mu.Unlock()

	// Without a key the router refuses to start rather than send calls every subgraph refuses.
	s, err := LoadSettings(func(string) string { return "" }, t.TempDir())
	require.NoError(t, err)
	_, err = New(s, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.ErrorContains(t, err, "SERVICE_TOKEN_KEY")
}
