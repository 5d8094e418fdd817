package httpx

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestClientIPFromRequest(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, xff, remote, want string
	}{
		{"forwarded first entry", "203.0.113.7, 10.0.0.1", "10.0.0.2:5555", "203.0.113.7"},
		{"forwarded single", " 198.51.100.4 ", "10.0.0.2:5555", "198.51.100.4"},
		{"forwarded ipv6", "2001:db8::1", "10.0.0.2:5555", "2001:db8::1"},
		{"garbage forwarded falls back", "not-an-ip", "192.0.2.9:1234", "192.0.2.9"},
		{"no header", "", "192.0.2.9:1234", "192.0.2.9"},
		{"mapped ipv4", "::ffff:192.0.2.1", "10.0.0.2:5555", "192.0.2.1"},
		{"unparseable remote", "", "pipe", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.RemoteAddr = c.remote
			if c.xff != "" {
				r.Header.Set("X-Forwarded-For", c.xff)
			}
			if got := ClientIPFromRequest(r); got != c.want {
				t.Fatalf("ClientIPFromRequest = %q, want %q", got, c.want)
			}
		})
	}
}

func TestClientIPMiddlewarePutsIPInContext(t *testing.T) {
	t.Parallel()
	var got string
	h := ClientIPMiddleware(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = ClientIP(r.Context()) }))
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("X-Forwarded-For", "203.0.113.7")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got != "203.0.113.7" {
		t.Fatalf("From(ctx) = %q", got)
	}
}
