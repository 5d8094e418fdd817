package server

import (
	"mime"
	"net/http"
	"strconv"
)

// The router's protection of the subgraphs, the same as the Hive router's
// (router/gateway.config.mjs, router/README.md "Protection"): security
// headers, a body limit judged before the body is read, rate limits and
// CSRF prevention. The alias, cost, depth and token limits are the engine's
// (engine.Limits).

// unlimitedPaths are probes: never counted, never refused for their size.
var unlimitedPaths = map[string]bool{"/healthz": true, "/healthcheck": true, "/readiness": true, "/readyz": true}

// protect wraps every endpoint.
func (s *Server) protect(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.securityHeaders(w.Header())
		if unlimitedPaths[r.URL.Path] || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		// The body limit needs the length up front: a body without one
		// (chunked) cannot be bounded before it is read.
		if r.Method == http.MethodPost {
			if r.ContentLength < 0 {
				writeErrors(w, http.StatusLengthRequired, &codedError{Message: "Send Content-Length with the request body", Code: "LENGTH_REQUIRED"})
				return
			}
			if r.ContentLength > s.settings.MaxBodyBytes {
				writeErrors(w, http.StatusRequestEntityTooLarge, &codedError{
					Message: "Request body over " + strconv.FormatInt(s.settings.MaxBodyBytes, 10) + " bytes", Code: "PAYLOAD_TOO_LARGE"})
				return
			}
		}
		if s.limiter != nil {
			v := s.limiter.hit(r.Context(), clientIP(r, s.settings.TrustedProxyHops), r.Header.Get("Authorization"))
			if v.limited {
				per := "client"
				if v.bucket == "ip" {
					per = "address"
				}
				w.Header().Set("Retry-After", strconv.Itoa(v.retryAfterS))
				writeErrors(w, http.StatusTooManyRequests, &codedError{
					Message: "Too many requests (per " + per + "); retry after " + strconv.Itoa(v.retryAfterS) + " s", Code: "RATE_LIMITED"})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// securityHeaders go on every answer. The strict Content-Security-Policy is
// replaced by the Playground page's own (servePlayground); HSTS only in
// production, where the router is reached over HTTPS.
func (s *Server) securityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-site")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	if s.settings.Production {
		h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	}
}

// csrfHeaders are headers a page on another origin cannot add to a request
// without a CORS preflight (which the CORS policy then refuses).
var csrfHeaders = []string{"X-Purra-Csrf", "Apollo-Require-Preflight", "X-Apollo-Operation-Name", "Graphql-Preflight", "X-Client-Name", "Authorization"}

var errCSRF = &codedError{
	Message: "This request was refused as a possible cross-site request forgery: send it with Content-Type: application/json or one of the headers " +
		"x-purra-csrf, apollo-require-preflight, graphql-preflight",
	Code: "BAD_REQUEST",
}

// csrfSuspect: a request a browser sends cross-site without a preflight (a
// GET, or a POST with a form, text or no body type) that carries none of
// the preflight-only headers. A websocket upgrade is not one: browsers do
// not send those through fetch, and the subgraphs authorise every operation.
func csrfSuspect(r *http.Request) bool {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		switch ct {
		case "", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain":
		default:
			return false
		}
	default:
		return false
	}
	for _, h := range csrfHeaders {
		if r.Header.Get(h) != "" {
			return false
		}
	}
	return true
}
