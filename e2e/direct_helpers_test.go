package e2e

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/servicetest"
)

// caller is who knocks on a subgraph port directly: a user token (on whose
// behalf) and a service credential (who calls), either of them empty.
type caller struct {
	name    string
	token   string
	service func(t *testing.T, audience string) string
}

// asService is the real credential of service (the router or a subgraph),
// minted with this run's keys exactly as that service mints it.
func asService(service string) func(*testing.T, string) string {
	return func(t *testing.T, audience string) string {
		tok, err := sys.ServiceToken(service, audience)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
}

// on returns c acting for the user whose token is given.
func (c caller) on(token string) caller {
	c.token = token
	return c
}

// forgedCredentials are service credentials an attacker inside the network
// could present: orders' name with a key of its own, a real orders token
// addressed to another subgraph, and a real orders token that expired.
func forgedCredentials(t *testing.T) []caller {
	t.Helper()
	attacker, err := auth.GenerateServiceKeys([]string{"orders"})
	if err != nil {
		t.Fatal(err)
	}
	ordersKey, err := auth.ParseServiceKey(sys.ServiceKeys.Private["orders"])
	if err != nil {
		t.Fatal(err)
	}
	ordersKID := auth.ServiceKID("orders", ordersKey.Public().(ed25519.PublicKey))
	return []caller{
		{name: "forged: another key under orders' kid", service: func(t *testing.T, aud string) string {
			return servicetest.ForgeServiceToken(t, attacker.Private["orders"], ordersKID, servicetest.ServiceClaims("orders", aud))
		}},
		{name: "forged: orders' token for another subgraph", service: func(t *testing.T, aud string) string {
			other := "users"
			if aud == other {
				other = "catalog"
			}
			return asService("orders")(t, other)
		}},
		{name: "forged: orders' expired token", service: func(t *testing.T, aud string) string {
			return servicetest.ForgeServiceToken(t, sys.ServiceKeys.Private["orders"], ordersKID, expired(aud))
		}},
	}
}

// expired are orders' claims for aud, issued ten minutes ago for five.
func expired(aud string) jwt.RegisteredClaims {
	c := servicetest.ServiceClaims("orders", aud)
	c.IssuedAt = jwt.NewNumericDate(time.Now().Add(-10 * time.Minute))
	c.ExpiresAt = jwt.NewNumericDate(time.Now().Add(-5 * time.Minute))
	return c
}

// direct posts an operation to the subgraph's own port, bypassing the router.
func direct(t *testing.T, subgraph string, c caller, query string, vars map[string]any, out any) response {
	t.Helper()
	url := ""
	for _, sg := range sys.Subgraphs {
		if sg.Name == subgraph {
			url = sg.URL
		}
	}
	if url == "" {
		t.Fatalf("no subgraph %s", subgraph)
	}
	raw, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if c.service != nil {
		req.Header.Set(auth.ServiceHeader, c.service(t, subgraph))
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", subgraph, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 500 {
		t.Fatalf("%s answered %d: %s", subgraph, resp.StatusCode, b)
	}
	var r response
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("decode %s response (%d): %v: %s", subgraph, resp.StatusCode, err, b)
	}
	decode(t, r, out)
	return r
}
