package kafka

import (
	"context"

	kafkago "github.com/segmentio/kafka-go"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"

	"github.com/purra/supergraph/platform/logx"
	"github.com/purra/supergraph/platform/telemetry"
)

// consumeContext is the context an event is handled in: a consumer span that continues
// the producer's trace (its parent is the relay's publish span, which it also links to),
// and the request id of the request that caused the event, so every log line of the
// handler carries the request_id and trace_id of the checkout (or whatever) behind it.
func consumeContext(ctx context.Context, group string, m kafkago.Message, env Envelope) (context.Context, trace.Span) {
	headers := map[string]string{}
	for _, h := range m.Headers {
		switch h.Key {
		case "traceparent", "tracestate", "baggage":
			headers[h.Key] = string(h.Value)
		}
	}
	producer := telemetry.Extract(ctx, headers)
	opts := []trace.SpanStartOption{
		trace.WithSpanKind(trace.SpanKindConsumer),
		trace.WithAttributes(
			attribute.String("messaging.system", "kafka"),
			attribute.String("messaging.destination.name", m.Topic),
			attribute.String("messaging.consumer.group.name", group),
			attribute.String("messaging.message.id", env.ID),
			attribute.String("purra.event.type", env.Type),
		),
	}
	if psc := trace.SpanContextFromContext(producer); psc.IsValid() {
		opts = append(opts, trace.WithLinks(trace.Link{SpanContext: psc}))
	}
	ctx, span := telemetry.Tracer().Start(producer, "consume "+m.Topic+" "+env.Type, opts...)
	if env.RequestID != "" {
		ctx = logx.WithRequestID(ctx, env.RequestID)
	}
	return ctx, span
}
