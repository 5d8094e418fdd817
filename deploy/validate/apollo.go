package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// The keys below are those of Apollo Router 2.x's configuration structs (all
// deny_unknown_fields), for the sections this file uses; the router itself is the real
// judge and cannot run here.
var apolloKeys = map[string][]string{
	"":                                  {"supergraph", "health_check", "override_subgraph_url", "headers", "cors", "limits", "subscription", "traffic_shaping", "persisted_queries", "apq", "include_subgraph_errors", "homepage", "sandbox", "telemetry", "csrf", "authentication", "authorization", "coprocessor", "rhai", "tls", "plugins", "batching", "experimental_chaos"},
	"supergraph":                        {"listen", "path", "introspection", "defer_support", "query_planning", "early_cancel", "generate_query_fragments", "connection_shutdown_timeout", "experimental_log_on_broken_pipe"},
	"health_check":                      {"listen", "enabled", "path", "readiness"},
	"cors":                              {"allow_any_origin", "allow_credentials", "allow_headers", "expose_headers", "methods", "max_age", "policies"},
	"cors.policies[]":                   {"allow_credentials", "allow_headers", "expose_headers", "match_origins", "max_age", "methods", "origins", "private_network_access"},
	"limits":                            {"max_depth", "max_height", "max_root_fields", "max_aliases", "warn_only", "parser_max_recursion", "parser_max_tokens", "http_max_request_bytes", "http1_max_request_headers", "http1_max_request_buf_size", "http2_max_headers_list_bytes", "introspection_max_depth"},
	"subscription":                      {"enabled", "mode", "deduplication", "max_opened_subscriptions", "queue_capacity"},
	"subscription.mode":                 {"callback", "passthrough"},
	"subscription.mode.passthrough":     {"all", "subgraphs"},
	"subscription.mode.passthrough.all": {"path", "protocol", "heartbeat_interval"},
	"traffic_shaping":                   {"router", "all", "subgraphs", "connector", "deduplicate_variables"},
	"traffic_shaping.router":            {"timeout", "global_rate_limit", "concurrency_limit"},
	"traffic_shaping.all":               {"timeout", "deduplicate_query", "compression", "global_rate_limit", "experimental_http2", "dns_resolution_strategy"},
	"persisted_queries":                 {"enabled", "log_unknown", "safelist", "experimental_prewarm_query_plan_cache", "local_manifests", "hot_reload"},
	"persisted_queries.safelist":        {"enabled", "require_id"},
	"apq":                               {"enabled", "router", "subgraph"},
	"include_subgraph_errors":           {"all", "subgraphs"},
	"headers":                           {"all", "subgraphs", "connector"},
	"headers.all":                       {"request"},
}

var envRef = regexp.MustCompile(`\$\{env\.([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?\}`)

func checkApolloRouter(r *report, root string, subgraphs []subgraph) {
	r.start("apollo-router/router.yaml (structure only: Apollo Router cannot run here)")
	file := filepath.Join(root, "deploy", "apollo-router", "router.yaml")
	data, err := os.ReadFile(file)
	if !r.check(err, "read") {
		return
	}
	var cfg map[string]any
	if !r.check(yaml.Unmarshal(data, &cfg), "YAML parses") {
		return
	}
	// every ${...} must be the router's ${env.NAME} or ${env.NAME:-default}
	for _, m := range regexp.MustCompile(`\$\{[^}]*\}`).FindAllString(string(data), -1) {
		if !envRef.MatchString(m) {
			r.fail("%s is not an ${env.NAME:-default} expansion", m)
		}
	}
	// expand with defaults, as the router does with an empty environment
	expanded := envRef.ReplaceAllStringFunc(string(data), func(m string) string { return envRef.FindStringSubmatch(m)[3] })
	if !r.check(yaml.Unmarshal([]byte(expanded), &cfg), "YAML parses with environment defaults expanded") {
		return
	}

	unknown := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		m, ok := v.(map[string]any)
		if !ok {
			return
		}
		allowed, known := apolloKeys[path]
		for k, child := range m {
			if known && !slices.Contains(allowed, k) {
				r.fail("unknown key %s", strings.TrimPrefix(path+"."+k, "."))
				unknown++
			}
			childPath := strings.TrimPrefix(path+"."+k, ".")
			if list, ok := child.([]any); ok {
				for _, item := range list {
					walk(childPath+"[]", item)
				}
				continue
			}
			walk(childPath, child)
		}
	}
	walk("", cfg)
	if unknown == 0 {
		r.ok("every key of the sections used is a known Apollo Router 2.x key")
	}

	get := func(path ...string) any {
		var v any = cfg
		for _, p := range path {
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[p]
		}
		return v
	}

	// one override per subgraph, same variable and default port as the list
	overrides, _ := get("override_subgraph_url").(map[string]any)
	raw := map[string]any{}
	_ = yaml.Unmarshal(data, &raw)
	rawOverrides, _ := raw["override_subgraph_url"].(map[string]any)
	for _, s := range subgraphs {
		want := fmt.Sprintf("${env.%s:-http://localhost:%d%s}", s.Env, s.Port, s.Path)
		if rawOverrides[s.Name] != want {
			r.fail("override_subgraph_url.%s = %v, want %s", s.Name, rawOverrides[s.Name], want)
		}
	}
	if len(overrides) != len(subgraphs) {
		r.fail("override_subgraph_url has %d entries for %d subgraphs", len(overrides), len(subgraphs))
	} else {
		r.ok("override_subgraph_url: one ${env.<NAME>_URL:-...} per subgraph (%d)", len(subgraphs))
	}

	// headers forwarded to every subgraph
	var named []string
	reqs, _ := get("headers", "all", "request").([]any)
	for _, item := range reqs {
		if p, ok := item.(map[string]any)["propagate"].(map[string]any); ok {
			named = append(named, fmt.Sprint(p["named"]))
		}
	}
	for _, h := range []string{"authorization", "x-request-id", "x-client-name"} {
		if !slices.Contains(named, h) {
			r.fail("headers.all.request does not propagate %s", h)
		}
	}
	r.ok("headers propagated to all subgraphs: %s", strings.Join(named, ", "))

	if get("limits", "max_depth") != 12 {
		r.fail("limits.max_depth = %v, want 12", get("limits", "max_depth"))
	}
	if get("subscription", "enabled") != true || get("subscription", "mode", "passthrough", "all", "path") != "/graphql" ||
		get("subscription", "mode", "passthrough", "all", "protocol") != "graphql_ws" {
		r.fail("subscription passthrough is not graphql_ws on /graphql for all subgraphs")
	}
	if get("traffic_shaping", "router", "timeout") == nil || get("traffic_shaping", "all", "timeout") == nil {
		r.fail("traffic_shaping timeouts missing")
	}
	if get("health_check", "enabled") != true {
		r.fail("health_check not enabled")
	}
	if get("persisted_queries", "enabled") == true && get("persisted_queries", "safelist", "enabled") != false && get("apq", "enabled") != false {
		r.fail("a safelist needs apq.enabled: false")
	}
	r.ok("limits.max_depth 12, subscription passthrough graphql_ws /graphql, timeouts, health check")

	// CORS: credentials never with a wildcard; every regex compiles
	if pols, ok := get("cors", "policies").([]any); ok {
		for _, p := range pols {
			pm, _ := p.(map[string]any)
			for _, o := range asStrings(pm["origins"]) {
				if o == "*" || strings.HasSuffix(o, "/") {
					r.fail("cors origin %q", o)
				}
			}
			for _, re := range asStrings(pm["match_origins"]) {
				if _, err := regexp.Compile(re); err != nil {
					r.fail("cors match_origins %q: %v", re, err)
				}
			}
		}
		r.ok("cors: %d policies, origins without wildcards, regexes compile", len(pols))
	}

	// the persisted query manifest named by local_manifests (default path)
	for _, m := range asStrings(get("persisted_queries", "local_manifests")) {
		p := m
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(file), p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			r.warn("local manifest %s: %v (node deploy/apollo-router/pq-manifest.mjs writes it)", m, err)
			continue
		}
		var man struct {
			Format     string `json:"format"`
			Version    int    `json:"version"`
			Operations []struct {
				ID, Name, Type, Body string
			} `json:"operations"`
		}
		if err := json.Unmarshal(data, &man); err != nil || man.Format != "apollo-persisted-query-manifest" || man.Version != 1 {
			r.fail("local manifest %s: not an apollo-persisted-query-manifest v1 (%v)", m, err)
			continue
		}
		for _, op := range man.Operations {
			if op.ID == "" || op.Name == "" || op.Body == "" || !slices.Contains([]string{"query", "mutation", "subscription"}, op.Type) {
				r.fail("local manifest %s: bad operation %+v", m, op)
			}
		}
		r.ok("local manifest %s: apollo-persisted-query-manifest v1, %d operations", m, len(man.Operations))
	}
}

func asStrings(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}
