package server

import (
	"net/http"
	"regexp"
	"strings"
)

var localOrigin = regexp.MustCompile(`(?i)^https?://(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$`)

// originAllowed: CORS_ORIGINS (comma-separated; '*' inside a host matches
// anything but '/', a lone '*' allows all) or, unset, any local origin.
func (s *Server) originAllowed(origin string) bool {
	if origin == "" {
		return false
	}
	if s.settings.CORSOrigins == nil {
		return localOrigin.MatchString(origin)
	}
	for _, re := range s.corsPatterns {
		if re.MatchString(origin) {
			return true
		}
	}
	return false
}

func compileOrigins(origins []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, o := range origins {
		if o == "*" {
			out = append(out, regexp.MustCompile(`.*`))
			continue
		}
		o = strings.TrimSuffix(o, "/")
		parts := strings.Split(o, "*")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		out = append(out, regexp.MustCompile(`(?i)^`+strings.Join(parts, `[^/]*`)+`$`))
	}
	return out
}

// cors answers preflights and marks allowed origins; it returns false when
// the request was a preflight and is answered.
func (s *Server) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	h := w.Header()
	h.Add("Vary", "Origin") // the allowed origin is computed per request
	allowed := s.originAllowed(origin)
	if allowed {
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Allow-Credentials", "true")
		h.Set("Access-Control-Expose-Headers", "x-request-id")
	}
	if r.Method != http.MethodOptions {
		return true
	}
	if allowed {
		h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
			h.Set("Access-Control-Allow-Headers", req)
		}
		h.Set("Access-Control-Max-Age", "600")
	}
	w.WriteHeader(http.StatusNoContent)
	return false
}
