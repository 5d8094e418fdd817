package server

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// A request's trace continues through the router: its server span is a
// child of the caller's traceparent, and each subgraph call carries a
// traceparent of the same trace whose parent is the router's client span.
func TestTraceContextReachesSubgraphs(t *testing.T) {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	prevTP, prevProp := otel.GetTracerProvider(), otel.GetTextMapPropagator()
	otel.SetTracerProvider(tp)
	otel.SetTextMapPropagator(propagation.TraceContext{})
	t.Cleanup(func() { otel.SetTracerProvider(prevTP); otel.SetTextMapPropagator(prevProp) })

	var mu sync.Mutex
	var seen []string
	hs, _ := testRouter(t, nil, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Header.Get("Traceparent"))
		mu.Unlock()
		products(w, r)
	})
	const traceID, parentID = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"
	r := post(t, hs.URL, `{"query":"{ products { id } }"}`, map[string]string{"traceparent": "00-" + traceID + "-" + parentID + "-01"})
	require.Empty(t, r.Errors)
	require.NoError(t, tp.ForceFlush(t.Context()))

	mu.Lock()
	require.Len(t, seen, 1)
	parts := strings.Split(seen[0], "-")
	mu.Unlock()
	require.Len(t, parts, 4, "the subgraph got a traceparent")
	require.Equal(t, traceID, parts[1], "same trace")
	require.NotEqual(t, parentID, parts[2], "the router's span sits between")

	spans := map[trace.SpanKind]sdktrace.ReadOnlySpan{}
	for _, s := range rec.Ended() {
		spans[s.SpanKind()] = s
	}
	server, client := spans[trace.SpanKindServer], spans[trace.SpanKindClient]
	require.NotNil(t, server, "a server span")
	require.NotNil(t, client, "a client span per subgraph call")
	require.Equal(t, parentID, server.Parent().SpanID().String(), "the server span continues the caller's")
	require.Equal(t, server.SpanContext().SpanID(), client.Parent().SpanID(), "the subgraph call is the request's child")
	require.Equal(t, parts[2], client.SpanContext().SpanID().String(), "the subgraph's parent is that call")
}
