package telemetry

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/purra/supergraph/platform/metrics"
)

// GraphQL is the gqlgen extension that traces each operation and each root field, and
// records each operation's latency and errors (platform/metrics)
// (Query.*, Mutation.*, _entities: the resolvers that do the work; nested fields
// would multiply spans without telling more).
type GraphQL struct{}

var (
	_ graphql.HandlerExtension    = GraphQL{}
	_ graphql.ResponseInterceptor = GraphQL{}
	_ graphql.FieldInterceptor    = GraphQL{}
)

func (GraphQL) ExtensionName() string                   { return "OpenTelemetry" }
func (GraphQL) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse spans one response: the whole of a query or mutation, one
// event of a subscription.
func (GraphQL) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	kind := "query"
	if oc.Operation != nil {
		kind = string(oc.Operation.Operation)
	}
	name := oc.OperationName
	if name == "" {
		name = "anonymous"
	}
	ctx, span := Tracer().Start(ctx, "graphql "+kind+" "+name, trace.WithAttributes(
		attribute.String("graphql.operation.name", name),
		attribute.String("graphql.operation.type", kind),
	))
	defer span.End()
	start := time.Now()
	resp := next(ctx)
	label := metrics.OperationLabel(oc.OperationName)
	metrics.GraphQLDuration.WithLabelValues(label, kind).Observe(time.Since(start).Seconds())
	if resp != nil && len(resp.Errors) > 0 {
		span.SetStatus(codes.Error, resp.Errors[0].Message)
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			span.AddEvent("graphql.error", trace.WithAttributes(attribute.String("message", e.Message), attribute.String("code", code)))
			if code == "" {
				code = "NONE"
			}
			metrics.GraphQLErrors.WithLabelValues(label, code).Inc()
		}
	}
	return resp
}

// InterceptField spans the root fields.
func (GraphQL) InterceptField(ctx context.Context, next graphql.Resolver) (any, error) {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !fc.IsResolver || (fc.Object != "Query" && fc.Object != "Mutation" && fc.Object != "Subscription") {
		return next(ctx)
	}
	ctx, span := Tracer().Start(ctx, fc.Object+"."+fc.Field.Name, trace.WithAttributes(attribute.String("graphql.field.path", fc.Path().String())))
	defer span.End()
	res, err := next(ctx)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return res, err
}
