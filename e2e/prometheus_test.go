package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestPrometheusScrapesWhatTheDashboardAndAlertsUse runs a real Prometheus (Debian's
// `prometheus` package, installed by .ci/tools) against the running stack with the
// committed alert rules, drives a checkout and a bad input, and checks that every metric
// the Grafana dashboard and the alert rules query exists in what Prometheus scraped, and
// that orders' saga outcome counter moved with the checkout.
func TestPrometheusScrapesWhatTheDashboardAndAlertsUse(t *testing.T) {
	bin, err := exec.LookPath("prometheus")
	require.NoError(t, err, "Prometheus is not installed: run .ci/tools (Debian package prometheus)")
	prom := startPrometheus(t, bin)

	confirmed := func() float64 { return prom.value(t, `sum(orders_saga_outcomes_total{outcome="confirmed"})`) }
	before := confirmed()

	// traffic every panel and rule has something to show for: a checkout (GraphQL
	// operations, cache, breakers, the outbox, consumers, the sandbox webhook, the saga)
	// and a bad input (coded GraphQL errors)
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	addr := defaultAddress(t, c)
	// right after the stack starts, inventory may still be taking in the seed's stock
	// from catalog's events: a checkout refused as out of stock is tried again
	var order placedOrder
	require.Eventually(t, func() bool {
		var r response
		order, r = checkout(t, c, addr, "", "UPI", "")
		if len(r.Errors) > 0 {
			t.Logf("checkout: %v", r.Errors)
		}
		return len(r.Errors) == 0
	}, 60*time.Second, 2*time.Second, "no checkout went through")
	awaitStatusWithin(t, c, order.ID, "CONFIRMED", 20*time.Second)
	bad := c.do(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 0}, nil)
	require.NotEmpty(t, bad.Errors, "a quantity of 0 is refused")

	require.Eventually(t, func() bool { return confirmed() >= before+1 }, 20*time.Second, 500*time.Millisecond,
		"orders_saga_outcomes_total{outcome=\"confirmed\"} did not move after a confirmed checkout (before %v)", before)

	// what the dashboard and the rules (as Prometheus loaded them) query
	used := map[string][]string{} // metric -> where
	dashboard, err := os.ReadFile(filepath.Join(repoRoot(t), "deploy/observability/dashboards/purra-overview.json"))
	require.NoError(t, err)
	var panels any
	require.NoError(t, json.Unmarshal(dashboard, &panels))
	exprs := jsonStrings(panels, "expr")
	require.NotEmpty(t, exprs, "the dashboard has no queries")
	for _, e := range exprs {
		for _, m := range metricNames(e) {
			used[m] = append(used[m], "dashboard")
		}
	}
	rules := prom.rules(t)
	require.NotEmpty(t, rules, "Prometheus loaded no alert rules from deploy/observability/alerts.yml")
	for name, e := range rules {
		for _, m := range metricNames(e) {
			used[m] = append(used[m], "alert "+name)
		}
	}
	names := make([]string, 0, len(used))
	for m := range used {
		names = append(names, m)
	}
	sort.Strings(names)
	t.Logf("%d metrics used by the dashboard (%d queries) and %d alert rules: %v", len(names), len(exprs), len(rules), names)

	// every one has a series by the next scrapes (after the traffic above)
	var missing []string
	require.Eventually(t, func() bool {
		missing = missing[:0]
		for _, m := range names {
			if !prom.exists(t, m) {
				missing = append(missing, fmt.Sprintf("%s (%s)", m, strings.Join(slices.Compact(used[m]), ", ")))
			}
		}
		return len(missing) == 0
	}, 20*time.Second, time.Second, "metrics nothing exports: %v", &missing)
}

type promServer struct{ base string }

// startPrometheus scrapes every subgraph of sys each second, with the committed rules.
func startPrometheus(t *testing.T, bin string) promServer {
	t.Helper()
	dir := t.TempDir()
	var targets strings.Builder
	for _, sg := range sys.Subgraphs {
		u, err := url.Parse(sg.URL)
		require.NoError(t, err)
		fmt.Fprintf(&targets, "      - targets: [%q]\n        labels: {service: %s}\n", u.Host, sg.Name)
	}
	config := fmt.Sprintf(`global: {scrape_interval: 1s, evaluation_interval: 1s}
rule_files: [%q]
scrape_configs:
  - job_name: subgraphs
    metrics_path: /metrics
    static_configs:
%s`, filepath.Join(repoRoot(t), "deploy/observability/alerts.yml"), targets.String())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "prometheus.yml"), []byte(config), 0o600))

	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "--config.file="+filepath.Join(dir, "prometheus.yml"),
		"--storage.tsdb.path="+filepath.Join(dir, "data"), "--web.listen-address="+addr, "--log.level=warn")
	logFile, err := os.Create(filepath.Join(dir, "prometheus.log"))
	require.NoError(t, err)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		_ = logFile.Close()
		if t.Failed() {
			log, _ := os.ReadFile(logFile.Name())
			t.Logf("prometheus log:\n%s", log)
		}
	})
	p := promServer{base: "http://" + addr}
	require.Eventually(t, func() bool {
		res, err := http.Get(p.base + "/-/ready")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	}, 30*time.Second, 200*time.Millisecond, "Prometheus did not become ready")
	// every target up before anything is compared
	require.Eventually(t, func() bool {
		return p.value(t, `count(up == 1)`) == float64(len(sys.Subgraphs))
	}, 30*time.Second, 500*time.Millisecond, "not every subgraph's /metrics is scraped")
	return p
}

// get decodes the data of an API answer into out.
func (p promServer) get(t *testing.T, path string, q url.Values, out any) {
	t.Helper()
	res, err := http.Get(p.base + path + "?" + q.Encode())
	require.NoError(t, err)
	defer res.Body.Close()
	var body struct {
		Status string          `json:"status"`
		Data   json.RawMessage `json:"data"`
		Error  string          `json:"error"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&body))
	require.Equal(t, "success", body.Status, "%s %v: %s", path, q, body.Error)
	require.NoError(t, json.Unmarshal(body.Data, out))
}

// value is an instant query's single value (0 when it has no series).
func (p promServer) value(t *testing.T, query string) float64 {
	t.Helper()
	var data struct {
		Result []struct {
			Value [2]any `json:"value"`
		} `json:"result"`
	}
	p.get(t, "/api/v1/query", url.Values{"query": {query}}, &data)
	if len(data.Result) == 0 {
		return 0
	}
	s, _ := data.Result[0].Value[1].(string)
	v, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err)
	return v
}

// exists: Prometheus holds a series of metric now.
func (p promServer) exists(t *testing.T, metric string) bool {
	t.Helper()
	var data struct {
		Result []json.RawMessage `json:"result"`
	}
	p.get(t, "/api/v1/query", url.Values{"query": {"count({__name__=" + strconv.Quote(metric) + "})"}}, &data)
	return len(data.Result) > 0
}

// rules are the alert rules Prometheus loaded: name -> query.
func (p promServer) rules(t *testing.T) map[string]string {
	t.Helper()
	var data struct {
		Groups []struct {
			Rules []struct {
				Name  string `json:"name"`
				Query string `json:"query"`
			} `json:"rules"`
		} `json:"groups"`
	}
	p.get(t, "/api/v1/rules", url.Values{}, &data)
	out := map[string]string{}
	for _, g := range data.Groups {
		for _, r := range g.Rules {
			out[r.Name] = r.Query
		}
	}
	return out
}

// jsonStrings collects the string values of key anywhere in v (panels nest in rows).
func jsonStrings(v any, key string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == key {
				out = append(out, s)
			} else {
				out = append(out, jsonStrings(val, key)...)
			}
		}
	case []any:
		for _, val := range x {
			out = append(out, jsonStrings(val, key)...)
		}
	}
	return out
}

var (
	promStrings  = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`")
	promMatchers = regexp.MustCompile(`\{[^}]*\}|\[[^\]]*\]`)
	// by (...), without (...), on (...), ignoring (...), group_left (...), group_right (...)
	promGrouping = regexp.MustCompile(`\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)`)
	promIdent    = regexp.MustCompile(`[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?`)
	promKeywords = map[string]bool{"and": true, "or": true, "unless": true, "bool": true, "offset": true, "inf": true, "nan": true,
		"by": true, "without": true, "on": true, "ignoring": true, "group_left": true, "group_right": true, "atan2": true}
)

// metricNames lists the metrics a PromQL expression selects: identifiers that are not
// functions, keywords, label names (inside {…}, by/without/on/ignoring (…)) or strings.
func metricNames(expr string) []string {
	e := promStrings.ReplaceAllString(expr, " ")
	e = promMatchers.ReplaceAllString(e, " ")
	e = promGrouping.ReplaceAllString(e, " ")
	var out []string
	for _, m := range promIdent.FindAllString(e, -1) {
		if strings.HasSuffix(m, "(") || promKeywords[strings.ToLower(m)] {
			continue // a function call or an operator
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

func TestMetricNamesOfPromQL(t *testing.T) {
	for expr, want := range map[string][]string{
		`histogram_quantile(0.99, sum by (service, operation, le) (rate(graphql_operation_duration_seconds_bucket[5m])))`:                                  {"graphql_operation_duration_seconds_bucket"},
		`sum by (service) (rate(http_request_duration_seconds_count{code=~"5.."}[5m])) / sum by (service) (rate(http_request_duration_seconds_count[5m]))`: {"http_request_duration_seconds_count"},
		`outbox_backlog > 100 and deriv(outbox_backlog[10m]) > 0`:                                                                                          {"outbox_backlog"},
		`db_pool_acquired_conns / db_pool_max_conns > 0.9`:                                                                                                 {"db_pool_acquired_conns", "db_pool_max_conns"},
		`sum(rate(orders_saga_outcomes_total{outcome="timed_out"}[15m])) > 0.05`:                                                                           {"orders_saga_outcomes_total"},
		`max by (service, breaker) (circuit_breaker_state) == 2 unless on (service) up == 0`:                                                               {"circuit_breaker_state", "up"},
	} {
		require.Equal(t, want, metricNames(expr), expr)
	}
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	return root
}
