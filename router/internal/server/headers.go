package server

import (
	"net"
	"net/http"
	"regexp"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/purra/supergraph/platform/auth"
)

// client is who sent a request, as the subgraphs are told.
type client struct {
	authorization string // "Bearer …"
	name, version string // x-client-name / apollographql-client-name, -version
	apolloName    string
	requestID     string
	ip            string
	// serviceToken mints the router's service credential for a subgraph
	// (docs/security.md); nil sends none.
	serviceToken func(subgraph string) (string, error)
}

// subgraphHeaders is the engine's SubgraphHeadersBuilder: the same headers
// for every subgraph, hashed so the engine's request deduplication never
// merges requests of different callers.
type subgraphHeaders struct {
	header       http.Header
	hash         uint64
	serviceToken func(subgraph string) (string, error)
}

func newSubgraphHeaders(c client) *subgraphHeaders {
	h := http.Header{}
	set := func(k, v string) {
		if v != "" {
			h[k] = []string{v}
		}
	}
	set("Authorization", c.authorization)
	set("X-Client-Name", c.name)
	set("Apollographql-Client-Name", c.apolloName)
	set("Apollographql-Client-Version", c.version)
	set("X-Request-Id", c.requestID)
	set("X-Forwarded-For", c.ip)
	// the request id is left out of the hash: identical requests of the
	// same caller may share a subgraph call
	sum := xxhash.Sum64String(c.authorization + "\x00" + c.name + "\x00" + c.apolloName + "\x00" + c.version + "\x00" + c.ip)
	return &subgraphHeaders{header: h, hash: sum, serviceToken: c.serviceToken}
}

// HeadersForSubgraph adds the router's service credential addressed to the
// subgraph (its audience) to the caller's headers. The token is the same for
// every caller, so it stays out of the hash. A token that cannot be minted
// is left out: the subgraph then refuses the call with a coded error.
func (s *subgraphHeaders) HeadersForSubgraph(subgraph string) (http.Header, uint64) {
	if s.serviceToken == nil {
		return s.header, s.hash
	}
	tok, err := s.serviceToken(subgraph)
	if err != nil {
		return s.header, s.hash
	}
	h := s.header.Clone()
	h[auth.ServiceHeader] = []string{tok}
	return h, s.hash
}
func (s *subgraphHeaders) HashAll() uint64 { return s.hash }

var authScheme = regexp.MustCompile(`(?i)^(bearer|basic)\s`)

// normaliseAuthorization accepts a bare token (websocket connectionParams).
func normaliseAuthorization(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || authScheme.MatchString(raw) {
		return raw
	}
	return "Bearer " + raw
}

// clientIP is the caller's address as far as it can be trusted: the entry
// our own proxies appended to X-Forwarded-For, or the TCP peer. What the
// client itself wrote there is ignored, so nobody picks their own
// rate-limit bucket in the subgraphs.
func clientIP(r *http.Request, hops int) string {
	if hops > 0 {
		var parts []string
		for _, v := range r.Header.Values("X-Forwarded-For") {
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					parts = append(parts, p)
				}
			}
		}
		if len(parts) >= hops {
			return parts[len(parts)-hops]
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// isMobile: a client restricted to persisted operations.
func (s *Server) isMobile(c client) bool {
	for _, n := range []string{c.name, c.apolloName} {
		if n == "" {
			continue
		}
		for _, m := range s.settings.MobileClientNames {
			if strings.EqualFold(n, m) {
				return true
			}
		}
	}
	return false
}

func (s *Server) mayRunArbitrary(c client) bool {
	return s.settings.AllowArbitraryOperations && !s.isMobile(c)
}
