// Package gql serves a subgraph's executable schema: every transport the
// router uses (POST, GET, websocket, SSE), coded errors, panic recovery and
// a complexity limit.
package gql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/telemetry"
)

// Options configure NewHandler.
type Options struct {
	Log           *slog.Logger
	Verifier      *auth.Verifier
	MaxComplexity int
}

// NewHandler returns the /graphql handler for es.
func NewHandler(es graphql.ExecutableSchema, o Options) *handler.Server {
	srv := handler.New(es)
	srv.AddTransport(transport.Websocket{
		KeepAlivePingInterval: 10 * time.Second,
		InitFunc: func(ctx context.Context, p transport.InitPayload) (context.Context, *transport.InitPayload, error) {
			if o.Verifier != nil {
				ctx = o.Verifier.Authenticate(ctx, p.Authorization())
			}
			return ctx, nil, nil
		},
	})
	srv.AddTransport(transport.SSE{})
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	// Introspection, like every root field, is then limited by the callers'
	// allow-lists (callers.go): services holding a credential only.
	srv.Use(extension.Introspection{})
	// a span per operation and per root field (platform/telemetry)
	srv.Use(telemetry.GraphQL{})
	srv.AroundOperations(callerRulesOf(es.Schema()).middleware(Presenter(o.Log)))
	if o.MaxComplexity > 0 {
		srv.Use(extension.FixedComplexityLimit(o.MaxComplexity))
	}
	srv.AroundOperations(readOnlyWhenUnconfirmed(Presenter(o.Log)))
	srv.SetErrorPresenter(Presenter(o.Log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		o.Log.ErrorContext(ctx, "panic in resolver", "panic", p, "path", pathOf(ctx))
		return errors.New("internal error")
	})
	return srv
}

// readOnlyWhenUnconfirmed answers a mutation by a shopper whose token could
// not be checked against revocations (Redis down) with SERVICE_UNAVAILABLE,
// before any resolver runs; queries and subscriptions go ahead.
func readOnlyWhenUnconfirmed(present graphql.ErrorPresenterFunc) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		isMutation := oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Mutation
		if err := auth.ReadOnlyWhenUnconfirmed(ctx, isMutation); err != nil {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{present(ctx, err)}})
		}
		return next(ctx)
	}
}

func pathOf(ctx context.Context) string {
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		return fc.Path().String()
	}
	return ""
}

// Presenter turns errors into GraphQL errors with extensions.code: client
// errors keep their message, anything else is logged and hidden.
func Presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var ce *errs.Error
		if errors.As(err, &ce) {
			gqlErr.Message = ce.Message
			ext := map[string]any{"code": string(ce.Code)}
			field := ce.Field
			if field == "" && ce.Code == errs.BadUserInput {
				field = inputField(ctx, err) // a scalar refused a value: name where it was
			}
			if field != "" {
				ext["field"] = field
			}
			if ce.Reason != "" {
				ext["reason"] = ce.Reason
			}
			gqlErr.Extensions = ext
			return gqlErr
		}
		if gqlErr.Extensions != nil && gqlErr.Extensions["code"] != nil {
			return gqlErr // parse/validation errors: gqlgen coded them already
		}
		if isInputError(err) {
			gqlErr.Extensions = map[string]any{"code": string(errs.BadUserInput)}
			return gqlErr
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			gqlErr.Message = "request cancelled or timed out"
			gqlErr.Extensions = map[string]any{"code": "TIMEOUT"}
			return gqlErr
		}
		log.ErrorContext(ctx, "internal error", "err", err, "path", gqlErr.Path.String())
		gqlErr.Message = "internal error"
		gqlErr.Extensions = map[string]any{"code": string(errs.Internal)}
		return gqlErr
	}
}

// inputField is the argument path ("input.startsAt", "filter.minPrice") at
// which gqlgen was unmarshalling when err happened: ErrorOnPath puts the
// field's response path, then the argument and input-field names, on it.
func inputField(ctx context.Context, err error) string {
	var gqlErr *gqlerror.Error
	if !errors.As(err, &gqlErr) {
		return ""
	}
	path := gqlErr.Path
	if fc := graphql.GetFieldContext(ctx); fc != nil {
		if at := fc.Path(); len(at) < len(path) && at.String() == path[:len(at)].String() {
			path = path[len(at):]
		}
	}
	parts := make([]string, 0, len(path))
	for _, el := range path {
		switch el := el.(type) {
		case ast.PathName:
			parts = append(parts, string(el))
		case ast.PathIndex:
			parts = append(parts, fmt.Sprint(int(el)))
		}
	}
	return strings.Join(parts, ".")
}

// isInputError recognises errors gqlgen made itself without a cause (argument
// and variable coercion), which are the client's fault.
func isInputError(err error) bool {
	var gqlErr *gqlerror.Error
	return errors.As(err, &gqlErr) && gqlErr.Err == nil
}
