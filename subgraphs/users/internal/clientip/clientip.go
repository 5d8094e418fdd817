// Package clientip puts the caller's IP address in the request context, for
// per-IP rate limits.
package clientip

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

type key struct{}

// Middleware records the client IP: the first entry of X-Forwarded-For
// (the router and load balancer append to it, so the first is the client
// as the edge saw it), else the connection's remote address. The edge must
// overwrite, not extend, a client-sent X-Forwarded-For, or clients can pick
// their own rate-limit bucket.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(With(r.Context(), FromRequest(r))))
	})
}

// FromRequest returns the client IP of r as text ("" if unknown).
func FromRequest(r *http.Request) string {
	if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
		first, _, _ := strings.Cut(xff, ",")
		if ip, err := netip.ParseAddr(strings.TrimSpace(first)); err == nil {
			return ip.Unmap().String()
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.Unmap().String()
	}
	return ""
}

// With returns ctx carrying ip.
func With(ctx context.Context, ip string) context.Context { return context.WithValue(ctx, key{}, ip) }

// From returns the client IP in ctx, or "".
func From(ctx context.Context) string {
	ip, _ := ctx.Value(key{}).(string)
	return ip
}
