// Package server is the HTTP front of the router: GraphQL over HTTP (GET,
// POST, SSE) and graphql-transport-ws, persisted operations, header
// propagation, limits, CORS, error masking, the anonymous response cache,
// health, metrics and the Playground. The engine package executes.
package server

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Settings are the router's environment variables (the same names and
// defaults as the Hive Gateway configuration, router/gateway.config.mjs).
type Settings struct {
	Port                      int
	Host                      string
	Production                bool
	Playground                bool
	Introspection             bool
	AllowArbitraryOperations  bool
	MobileClientNames         []string
	SubgraphTimeout           time.Duration
	MaxDepth                  int
	MaxTokens                 int
	TrustedProxyHops          int
	ResponseCacheTTL          time.Duration
	ResponseCacheRedisURL     string
	WatchSupergraph           bool
	SupergraphPath            string
	AccessLog                 bool
	LogLevel                  string
	CORSOrigins               []string // nil: any http(s) localhost origin
	PersistedOperationsPath   string
	ExposeSubgraphErrorDetail bool
	MaxBodyBytes              int64
	MaxAliases                int
	MaxCost                   int
	DefaultListSize           int
	RateLimitPerIP            int
	RateLimitPerClient        int
	RateLimitWindow           time.Duration
	RateLimitRedisURL         string
	RateLimitPrefix           string
	CSRFPrevention            bool
	ServiceTokenKey           string // SERVICE_TOKEN_KEY: the router's service key (docs/security.md)
	getenv                    func(string) string
}

// LoadSettings reads the environment; dir is where relative paths start
// (the router folder, like the Hive configuration's own folder).
func LoadSettings(getenv func(string) string, dir string) (*Settings, error) {
	e := envReader{getenv: getenv}
	// ROUTER_ENV wins over NODE_ENV so that a deployment can say production
	// (or not) for the router alone, as in the Hive configuration.
	mode := strings.TrimSpace(getenv("ROUTER_ENV"))
	if mode == "" {
		mode = strings.TrimSpace(getenv("NODE_ENV"))
	}
	prod := mode == "production"
	s := &Settings{
		Port:                      e.int("PORT", 4000, 1),
		Host:                      e.str("HOST", "0.0.0.0"),
		Production:                prod,
		Playground:                e.bool("PLAYGROUND", !prod),
		Introspection:             e.bool("INTROSPECTION", !prod),
		AllowArbitraryOperations:  e.bool("ALLOW_ARBITRARY_OPERATIONS", true),
		MobileClientNames:         lower(e.list("MOBILE_CLIENT_NAMES", []string{"purra-mobile"})),
		SubgraphTimeout:           time.Duration(e.int("SUBGRAPH_TIMEOUT_MS", 5000, 0)) * time.Millisecond,
		MaxDepth:                  e.int("MAX_DEPTH", 12, 1),
		MaxTokens:                 e.int("MAX_TOKENS", 2000, 1),
		TrustedProxyHops:          e.int("TRUSTED_PROXY_HOPS", 0, 0),
		ResponseCacheTTL:          time.Duration(e.int("RESPONSE_CACHE_TTL_MS", 10000, 0)) * time.Millisecond,
		ResponseCacheRedisURL:     getenv("RESPONSE_CACHE_REDIS_URL"),
		WatchSupergraph:           e.bool("SUPERGRAPH_WATCH", true),
		SupergraphPath:            e.str("SUPERGRAPH_PATH", filepath.Join(dir, "..", "supergraph", "supergraph.graphql")),
		AccessLog:                 e.bool("ACCESS_LOG", true),
		LogLevel:                  e.str("LOG_LEVEL", "info"),
		CORSOrigins:               e.list("CORS_ORIGINS", nil),
		PersistedOperationsPath:   e.str("PERSISTED_OPERATIONS_PATH", "persisted-operations.json"),
		ExposeSubgraphErrorDetail: e.bool("EXPOSE_SUBGRAPH_ERROR_DETAILS", !prod),
		MaxBodyBytes:              int64(e.int("MAX_BODY_BYTES", 1<<20, 1)),
		MaxAliases:                e.int("MAX_ALIASES", 30, 0),
		MaxCost:                   e.int("MAX_COST", 20000, 0),
		DefaultListSize:           e.int("DEFAULT_LIST_SIZE", 10, 1),
		RateLimitPerIP:            e.int("RATE_LIMIT_PER_IP", 600, 0),
		RateLimitPerClient:        e.int("RATE_LIMIT_PER_CLIENT", 300, 0),
		RateLimitWindow:           time.Duration(e.int("RATE_LIMIT_WINDOW_MS", 60000, 1)) * time.Millisecond,
		RateLimitRedisURL:         e.str("RATE_LIMIT_REDIS_URL", e.str("REDIS_URL", "redis://127.0.0.1:6379/0")),
		RateLimitPrefix:           e.str("RATE_LIMIT_PREFIX", "purra:router:rl:"),
		CSRFPrevention:            e.bool("CSRF_PREVENTION", true),
		ServiceTokenKey:           getenv("SERVICE_TOKEN_KEY"),
		getenv:                    getenv,
	}
	if !filepath.IsAbs(s.PersistedOperationsPath) {
		s.PersistedOperationsPath = filepath.Join(dir, s.PersistedOperationsPath)
	}
	if len(e.errs) > 0 {
		return nil, fmt.Errorf("configuration: %s", strings.Join(e.errs, "; "))
	}
	return s, nil
}

// envKey turns a subgraph name into its variable prefix (USERS, CATALOG…).
func envKey(name string) string {
	return strings.ToUpper(nonAlnum.ReplaceAllString(name, "_"))
}

var nonAlnum = regexp.MustCompile(`[^A-Za-z0-9]`)

// SubgraphURL is <NAME>_URL or the URL composed into the supergraph.
func (s *Settings) SubgraphURL(name, composed string) string {
	if v := strings.TrimSpace(s.getenv(envKey(name) + "_URL")); v != "" {
		return v
	}
	return composed
}

// SubgraphTimeoutFor is <NAME>_TIMEOUT_MS or SUBGRAPH_TIMEOUT_MS (0: none).
func (s *Settings) SubgraphTimeoutFor(name string) time.Duration {
	if v := strings.TrimSpace(s.getenv(envKey(name) + "_TIMEOUT_MS")); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			return time.Duration(n) * time.Millisecond
		}
	}
	return s.SubgraphTimeout
}

// JSONLogs: production, LOG_JSON or LOG_FORMAT=json.
func (s *Settings) JSONLogs() bool {
	if f := s.getenv("LOG_FORMAT"); f != "" {
		return strings.EqualFold(f, "json")
	}
	e := envReader{getenv: s.getenv}
	return e.bool("LOG_JSON", s.Production)
}

type envReader struct {
	getenv func(string) string
	errs   []string
}

func (e *envReader) str(name, def string) string {
	if v := strings.TrimSpace(e.getenv(name)); v != "" {
		return v
	}
	return def
}

func (e *envReader) bool(name string, def bool) bool {
	v := strings.ToLower(strings.TrimSpace(e.getenv(name)))
	switch v {
	case "":
		return def
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	e.errs = append(e.errs, fmt.Sprintf("%s: expected true/false, got %q", name, v))
	return def
}

func (e *envReader) int(name string, def, min int) int {
	v := strings.TrimSpace(e.getenv(name))
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min {
		e.errs = append(e.errs, fmt.Sprintf("%s: expected an integer >= %d, got %q", name, min, v))
		return def
	}
	return n
}

func (e *envReader) list(name string, def []string) []string {
	v := strings.TrimSpace(e.getenv(name))
	if v == "" {
		return def
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func lower(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = strings.ToLower(s)
	}
	return out
}

// osGetenv is os.Getenv (a variable so tests can pass their own map).
var osGetenv = os.Getenv
