package httpx

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

type clientIPKey struct{}

// Proxies say whose X-Forwarded-For a subgraph believes: only a request whose
// TCP peer is in Networks (the router's addresses) is forwarded, and then the
// client is the entry Hops from the right (the router writes exactly one
// entry: Hops 1). Anyone else — a caller reaching the subgraph directly —
// is recorded by its own address whatever it claims, so it cannot pick the IP
// recorded in admin sessions or the per-IP rate-limit bucket.
type Proxies struct {
	Hops     int
	Networks []netip.Prefix
}

// ParseProxies reads TRUSTED_PROXIES (comma-separated CIDRs or addresses).
func ParseProxies(hops int, cidrs []string) (Proxies, error) {
	p := Proxies{Hops: hops}
	if hops < 0 {
		return p, fmt.Errorf("TRUSTED_PROXY_HOPS: must not be negative")
	}
	for _, c := range cidrs {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !strings.Contains(c, "/") {
			addr, err := netip.ParseAddr(c)
			if err != nil {
				return p, fmt.Errorf("TRUSTED_PROXIES: %q: %w", c, err)
			}
			c = netip.PrefixFrom(addr.Unmap(), addr.Unmap().BitLen()).String()
		}
		prefix, err := netip.ParsePrefix(c)
		if err != nil {
			return p, fmt.Errorf("TRUSTED_PROXIES: %q: %w", c, err)
		}
		p.Networks = append(p.Networks, prefix.Masked())
	}
	return p, nil
}

// ClientIPMiddleware records the client's address (ClientIP) for per-IP rate
// limits and audit entries.
func ClientIPMiddleware(p Proxies) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), clientIPKey{}, p.ClientIP(r))))
		})
	}
}

// ClientIP returns the client address of r as text ("" if unknown).
func (p Proxies) ClientIP(r *http.Request) string {
	peer, ok := parseIP(hostOf(r.RemoteAddr))
	if !ok {
		return ""
	}
	if p.Hops == 0 || !p.trusts(peer) {
		return peer.String()
	}
	var hops []string
	for _, h := range r.Header.Values("X-Forwarded-For") {
		for _, part := range strings.Split(h, ",") {
			if part = strings.TrimSpace(part); part != "" {
				hops = append(hops, part)
			}
		}
	}
	if len(hops) < p.Hops {
		return peer.String()
	}
	if ip, ok := parseIP(hops[len(hops)-p.Hops]); ok {
		return ip.String()
	}
	return peer.String()
}

func (p Proxies) trusts(ip netip.Addr) bool {
	for _, n := range p.Networks {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

func hostOf(remote string) string {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return remote
	}
	return host
}

func parseIP(s string) (netip.Addr, bool) {
	ip, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap(), true
}

// ClientIP returns the address ClientIPMiddleware recorded, or "".
func ClientIP(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey{}).(string)
	return ip
}
