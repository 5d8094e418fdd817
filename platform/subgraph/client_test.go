package subgraph_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/servicetest"
	"github.com/purra/supergraph/platform/subgraph"
)

func TestClient(t *testing.T) {
	t.Parallel()
	iss := servicetest.NewIssuer(t)
	var calls atomic.Int32
	var sawAuth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		sawAuth.Store(r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Query().Get("mode") {
		case "conflict":
			_, _ = w.Write([]byte(`{"errors":[{"message":"only 3 left","extensions":{"code":"CONFLICT","reason":"OUT_OF_STOCK"}}]}`))
		case "down":
			w.WriteHeader(http.StatusBadGateway)
		default:
			_, _ = w.Write([]byte(`{"data":{"n":42}}`))
		}
	}))
	defer srv.Close()
	header := iss.Token(t, "u1", "CUSTOMER")
	ctx := iss.Verifier.Authenticate(context.Background(), header)

	var out struct{ N int }
	require.NoError(t, subgraph.New("x", srv.URL, nil).Do(ctx, `{ n }`, nil, &out))
	require.Equal(t, 42, out.N)
	require.Equal(t, header, sawAuth.Load(), "the caller's credentials are forwarded")

	err := subgraph.New("x", srv.URL+"?mode=conflict", nil).Do(ctx, `{ n }`, nil, nil)
	require.ErrorIs(t, err, errs.Conflicting("").WithReason("OUT_OF_STOCK"), "coded errors come back as the same code")

	calls.Store(0)
	down := subgraph.New("x", srv.URL+"?mode=down", nil)
	err = down.Do(ctx, `{ n }`, nil, nil, subgraph.Idempotent())
	require.Equal(t, errs.Unavailable, errs.CodeOf(err))
	require.EqualValues(t, 3, calls.Load(), "an idempotent call is retried twice")
	for range 3 {
		_ = down.Do(ctx, `{ n }`, nil, nil)
	}
	calls.Store(0)
	err = down.Do(ctx, `{ n }`, nil, nil)
	require.Equal(t, errs.Unavailable, errs.CodeOf(err))
	require.EqualValues(t, 0, calls.Load(), "after 5 consecutive failures the breaker is open: no call is made")
}

// The client sends its service's credential, addressed to the subgraph it
// calls, which that subgraph's verifier accepts as coming from the service.
func TestClient_serviceCredential(t *testing.T) {
	t.Parallel()
	keys := servicetest.ServiceKeys(t)
	inventory, err := auth.NewServiceVerifier("inventory", keys.JWKS)
	require.NoError(t, err)
	var caller atomic.Value
	srv := httptest.NewServer(inventory.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := auth.Caller(r.Context())
		caller.Store(c)
		_, _ = w.Write([]byte(`{"data":{}}`))
	})))
	defer srv.Close()
	signer, err := keys.Signer("orders")
	require.NoError(t, err)
	require.NoError(t, subgraph.New("inventory", srv.URL, signer).Do(context.Background(), `{ __typename }`, nil, nil))
	require.Equal(t, "orders", caller.Load())

	caller.Store("")
	require.NoError(t, subgraph.New("promotions", srv.URL, signer).Do(context.Background(), `{ __typename }`, nil, nil))
	require.Equal(t, "", caller.Load(), "a token addressed to promotions is not accepted by inventory")
}
