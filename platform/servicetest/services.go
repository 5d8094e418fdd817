package servicetest

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"
)

// ServiceNames are the services the test key set has keys for: the router
// and every subgraph.
var ServiceNames = []string{
	auth.RouterService, "users", "catalog", "cart", "orders", "payments", "promotions",
	"reviews", "inventory", "stores", "notifications", "banners", "admin",
}

var (
	keysOnce sync.Once
	keys     *auth.ServiceKeys
	keysErr  error
)

// ServiceKeys is one key set per test binary, as tools/stack makes one per
// run: every subgraph built by Deps signs and verifies with it.
func ServiceKeys(t testing.TB) *auth.ServiceKeys {
	t.Helper()
	keysOnce.Do(func() { keys, keysErr = auth.GenerateServiceKeys(ServiceNames) })
	if keysErr != nil {
		t.Fatal(keysErr)
	}
	return keys
}

// ServiceToken mints caller's service credential for calling audience, to
// put in the X-Service-Token header.
func ServiceToken(t testing.TB, caller, audience string) string {
	t.Helper()
	s, err := ServiceKeys(t).Signer(caller)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := s.Token(audience)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func serviceAuth(t testing.TB, name string) (*auth.ServiceSigner, *auth.ServiceVerifier) {
	t.Helper()
	ks := ServiceKeys(t)
	signer, err := ks.Signer(name)
	if err != nil {
		t.Fatal(err)
	}
	verifier, err := auth.NewServiceVerifier(name, ks.JWKS)
	if err != nil {
		t.Fatal(err)
	}
	return signer, verifier
}

// Front is a subgraph's HTTP surface as a service reaches it (the router,
// by default): a request without an X-Service-Token gets that service's
// credential for the subgraph. Raw is the subgraph itself, for tests of what
// a direct caller gets.
type Front struct {
	Raw      http.Handler
	audience string
	token    func() string
}

// AsRouter puts the router in front of h, the routes of the subgraph name.
func AsRouter(t testing.TB, name string, h http.Handler) *Front {
	t.Helper()
	return As(t, auth.RouterService, name, h)
}

// As is h (the routes of the subgraph name, or a Front of them) called by
// caller: every request carries caller's service credential, e.g.
// As(t, "orders", "inventory", h) for inventory's reserveStock.
func As(t testing.TB, caller, name string, h http.Handler) *Front {
	t.Helper()
	s, err := ServiceKeys(t).Signer(caller)
	if err != nil {
		t.Fatal(err)
	}
	return &Front{Raw: Raw(h), audience: name, token: func() string {
		tok, err := s.Token(name)
		if err != nil {
			panic(err)
		}
		return tok
	}}
}

// Raw returns the bare subgraph behind h when h is a Front, else h.
func Raw(h http.Handler) http.Handler {
	if f, ok := h.(*Front); ok {
		return f.Raw
	}
	return h
}

func (f *Front) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get(auth.ServiceHeader) == "" {
		r = r.Clone(r.Context())
		r.Header.Set(auth.ServiceHeader, f.token())
	}
	f.Raw.ServeHTTP(w, r)
}

// ForgeServiceToken signs arbitrary claims with pemKey under kid, for tests
// of what a forged or stale credential gets: another key, an expired token,
// a token for another audience or naming another service.
func ForgeServiceToken(t testing.TB, pemKey []byte, kid string, c jwt.RegisteredClaims) string {
	t.Helper()
	key, err := auth.ParseServiceKey(pemKey)
	if err != nil {
		t.Fatal(err)
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodEdDSA, c)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// ServiceClaims are valid claims of caller for audience, issued now.
func ServiceClaims(caller, audience string) jwt.RegisteredClaims {
	now := time.Now()
	return jwt.RegisteredClaims{
		Issuer: auth.ServiceIssuer, Subject: caller, Audience: jwt.ClaimStrings{audience},
		IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(time.Minute)), ID: uuid.NewString(),
	}
}
