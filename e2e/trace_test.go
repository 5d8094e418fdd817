package e2e

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
)

var subgraphNames = []string{"users", "catalog", "cart", "orders", "payments", "promotions", "reviews", "inventory", "stores", "notifications", "banners", "admin"}

// TestCheckoutIsOneTrace: one checkout through the router is one trace, from the
// router's span through orders, inventory, promotions and payments, the Kafka publish
// of the outbox relay and the consumers of the saga up to CONFIRMED, all under one
// trace id; and the checkout's request id is in the log lines of every consumer the
// checkout caused.
func TestCheckoutIsOneTrace(t *testing.T) {
	c, _ := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	addr := defaultAddress(t, c)

	requestID := "e2e-trace-" + uuid.NewString()
	traced := c
	traced.headers = map[string]string{"X-Request-Id": requestID}
	order, r := checkout(t, traced, addr, "WELCOME10", "UPI", "")
	require.Empty(t, r.Errors)
	awaitStatusWithin(t, c, order.ID, "CONFIRMED", 20*time.Second)

	// the trace: the one holding orders' Mutation.checkout span
	var trace []receivedSpan
	assert.Eventually(t, func() bool {
		trace = checkoutTrace(otlp.Spans())
		// complete once orders consumed the payment outcome (what made it CONFIRMED)
		return slices.ContainsFunc(trace, func(s receivedSpan) bool {
			return s.Service == "orders" && s.Span.Kind == tracepb.Span_SPAN_KIND_CONSUMER && strings.Contains(s.Span.Name, "payments.events")
		})
	}, 30*time.Second, 200*time.Millisecond, "no complete checkout trace; spans received: %d\n%s", len(otlp.Spans()), describe(trace))

	if trace == nil {
		counts := map[string]int{}
		for _, s := range otlp.Spans() {
			counts[s.Service+" | "+s.Span.Kind.String()+" | "+s.Span.Name]++
		}
		for k, v := range counts {
			t.Logf("%5d %s", v, k)
		}
	}
	services := map[string]int{}
	var consumers []string
	var root *receivedSpan
	for i, s := range trace {
		services[s.Service]++
		if len(s.Span.ParentSpanId) == 0 {
			root = &trace[i]
		}
		if s.Span.Kind == tracepb.Span_SPAN_KIND_CONSUMER {
			consumers = append(consumers, s.Service+": "+s.Span.Name)
		}
	}
	sort.Strings(consumers)
	t.Logf("trace %s: %d spans, per service %v", trace[0].TraceID(), len(trace), services)
	t.Logf("consumers: %v", consumers)
	t.Logf("spans:\n%s", describe(trace))

	require.NotNil(t, root, "the trace has a root span")
	require.NotContains(t, subgraphNames, root.Service, "the root span is the router's, got %s %q", root.Service, root.Span.Name)
	for _, svc := range []string{"orders", "inventory", "promotions", "payments"} {
		require.Positive(t, services[svc], "no span of %s in the checkout trace", svc)
	}
	require.True(t, slices.ContainsFunc(trace, func(s receivedSpan) bool {
		return s.Service == "orders" && s.Span.Kind == tracepb.Span_SPAN_KIND_PRODUCER && s.Span.Name == "publish orders.events"
	}), "the outbox relay's Kafka publish of orders.events is in the trace")
	for _, s := range trace {
		if s.Span.Kind == tracepb.Span_SPAN_KIND_CONSUMER {
			require.NotEmpty(t, s.Span.Links, "consumer span %s %q links to its producer", s.Service, s.Span.Name)
		}
	}

	// the request id in every consumer's log lines for the events of this checkout
	consumerServices := map[string]bool{}
	for _, s := range trace {
		if s.Span.Kind == tracepb.Span_SPAN_KIND_CONSUMER {
			consumerServices[s.Service] = true
		}
	}
	for svc := range consumerServices {
		lines := logLinesWith(t, svc, requestID)
		require.NotEmpty(t, lines, "%s consumed events of the checkout but logged no line with its request id", svc)
		for _, l := range lines {
			require.Equal(t, trace[0].TraceID(), l["trace_id"], "%s logs the trace id with the request id", svc)
		}
	}
}

// checkoutTrace returns the spans of the trace that holds orders' Mutation.checkout,
// the latest one when several checkouts ran.
func checkoutTrace(spans []receivedSpan) []receivedSpan {
	id := ""
	for _, s := range spans {
		if s.Service == "orders" && s.Span.Name == "Mutation.checkout" {
			id = s.TraceID()
		}
	}
	if id == "" {
		return nil
	}
	var out []receivedSpan
	for _, s := range spans {
		if s.TraceID() == id {
			out = append(out, s)
		}
	}
	return out
}

// logLinesWith returns the "event applied" JSON lines of a subgraph's log carrying requestID.
func logLinesWith(t *testing.T, service, requestID string) []map[string]any {
	t.Helper()
	f, err := os.Open(filepath.Join("..", ".run", "logs", service+".log"))
	require.NoError(t, err)
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if !strings.Contains(sc.Text(), requestID) {
			continue
		}
		var line map[string]any
		if json.Unmarshal(sc.Bytes(), &line) == nil && line["msg"] == "event applied" && line["request_id"] == requestID {
			out = append(out, line)
		}
	}
	return out
}

// describe lists spans as "service kind name" lines, for a failure message.
func describe(spans []receivedSpan) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Service + " " + s.Span.Kind.String() + " " + s.Span.Name + "\n")
	}
	return b.String()
}
