package outbox

import (
	"context"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/purra/supergraph/platform/telemetry"
)

// publishSpans are the producer spans of one relay batch: each event is published as a
// child of the request that wrote it (its outbox traceparent), and that span's context
// travels in the Kafka headers to the consumers.
type publishSpans []trace.Span

// start begins the span of one event and returns the headers to send with it; without a
// stored traceparent (written outside a trace) the event carries no trace.
func (p *publishSpans) start(ctx context.Context, topic, traceparent string) map[string]string {
	if traceparent == "" {
		return nil
	}
	parent := telemetry.Extract(ctx, map[string]string{"traceparent": traceparent})
	ctx, span := telemetry.Tracer().Start(parent, "publish "+topic, trace.WithSpanKind(trace.SpanKindProducer),
		trace.WithAttributes(attribute.String("messaging.system", "kafka"), attribute.String("messaging.destination.name", topic)))
	*p = append(*p, span)
	return telemetry.Inject(ctx)
}

func (p *publishSpans) fail(err error) {
	for _, s := range *p {
		s.RecordError(err)
		s.SetStatus(codes.Error, err.Error())
	}
}

func (p *publishSpans) end() {
	for _, s := range *p {
		s.End()
	}
}
