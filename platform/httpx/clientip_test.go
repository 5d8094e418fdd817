package httpx

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestClientIP(t *testing.T) {
	t.Parallel()
	router, err := ParseProxies(1, []string{"10.0.0.0/24", "127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	twoHops, _ := ParseProxies(2, []string{"10.0.0.0/24"})
	none, _ := ParseProxies(1, nil)
	cases := []struct {
		name            string
		p               Proxies
		xff, remote, ip string
	}{
		{"the router's entry", router, "203.0.113.7", "10.0.0.2:5555", "203.0.113.7"},
		{"the router's entry is the last one", router, "198.51.100.1, 203.0.113.7", "10.0.0.2:5555", "203.0.113.7"},
		{"a direct caller's claim is ignored", router, "203.0.113.7", "192.0.2.9:1234", "192.0.2.9"},
		{"nobody trusted", none, "203.0.113.7", "10.0.0.2:5555", "10.0.0.2"},
		{"loopback router", router, "2001:db8::1", "127.0.0.1:40000", "2001:db8::1"},
		{"two hops: the load balancer's entry", twoHops, "6.6.6.6, 203.0.113.7, 10.0.0.9", "10.0.0.2:5555", "203.0.113.7"},
		{"two hops, too few entries", twoHops, "203.0.113.7", "10.0.0.2:5555", "10.0.0.2"},
		{"garbage forwarded falls back", router, "not-an-ip", "10.0.0.2:1234", "10.0.0.2"},
		{"no header", router, "", "192.0.2.9:1234", "192.0.2.9"},
		{"mapped ipv4", router, "::ffff:192.0.2.1", "10.0.0.2:5555", "192.0.2.1"},
		{"unparseable remote", router, "", "pipe", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
			r.RemoteAddr = c.remote
			if c.xff != "" {
				r.Header.Set("X-Forwarded-For", c.xff)
			}
			if got := c.p.ClientIP(r); got != c.ip {
				t.Fatalf("ClientIP = %q, want %q", got, c.ip)
			}
		})
	}
	if _, err := ParseProxies(1, []string{"10.0.0.0/33"}); err == nil {
		t.Fatal("a bad CIDR was accepted")
	}
}

func TestClientIPMiddlewarePutsIPInContext(t *testing.T) {
	t.Parallel()
	var got string
	p, _ := ParseProxies(1, []string{"192.0.2.1"}) // httptest's remote address
	h := ClientIPMiddleware(p)(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = ClientIP(r.Context()) }))
	r := httptest.NewRequest(http.MethodPost, "/graphql", nil)
	r.Header.Set("X-Forwarded-For", "203.0.113.7")
	h.ServeHTTP(httptest.NewRecorder(), r)
	if got != "203.0.113.7" {
		t.Fatalf("ClientIP(ctx) = %q", got)
	}
}
