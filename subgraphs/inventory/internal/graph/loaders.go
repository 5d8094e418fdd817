package graph

import (
	"net/http"

	"github.com/purra/supergraph/subgraphs/inventory/internal/app"
)

// Middleware gives every request its own memo of the stores its caller owns
// (ProductVariant.stock on a page of N variants asks catalog once). The
// entities themselves need no loader: `_entities` hands the resolver every
// representation at once, and it reads them in one query.
func Middleware() func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			next.ServeHTTP(w, r.WithContext(app.WithRequestScope(r.Context())))
		})
	}
}
