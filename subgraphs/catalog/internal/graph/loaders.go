package graph

import (
	"context"
	"net/http"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

// Loaders batch every list-to-entity edge of one request into one query per edge.
type Loaders struct {
	ProductByID       *dataloader.Loader[string, *catalog.Product]
	BrandByID         *dataloader.Loader[string, *catalog.Brand]
	CategoryByID      *dataloader.Loader[string, *catalog.Category]
	ChildrenOf        *dataloader.Loader[string, []catalog.Category]
	Breadcrumbs       *dataloader.Loader[string, []catalog.Category]
	VariantsOf        *dataloader.Loader[string, []catalog.Variant]
	ProductMediaOf    *dataloader.Loader[string, []catalog.Media]
	VariantMediaOf    *dataloader.Loader[string, []catalog.Media]
	VariantAttributes *dataloader.Loader[string, []catalog.VariantAttribute]
	AttributeValuesOf *dataloader.Loader[string, []catalog.AttributeValue]
}

// NewLoaders returns fresh loaders over st.
func NewLoaders(st *store.Store) *Loaders {
	return &Loaders{
		ProductByID:       loader.New(pointers(st.ProductsByIDs)),
		BrandByID:         loader.New(pointers(st.BrandsByIDs)),
		CategoryByID:      loader.New(pointers(st.CategoriesByIDs)),
		ChildrenOf:        loader.New(st.ChildrenOf),
		Breadcrumbs:       loader.New(st.Breadcrumbs),
		VariantsOf:        loader.New(st.VariantsByProduct),
		ProductMediaOf:    loader.New(st.ProductMedia),
		VariantMediaOf:    loader.New(st.VariantMedia),
		VariantAttributes: loader.New(st.VariantAttributes),
		AttributeValuesOf: loader.New(st.AttributeValues),
	}
}

// pointers adapts a by-ids read to a loader whose missing keys load as nil.
func pointers[V any](fetch func(context.Context, []string) (map[string]V, error)) loader.Fetch[string, *V] {
	return func(ctx context.Context, keys []string) (map[string]*V, error) {
		found, err := fetch(ctx, keys)
		if err != nil {
			return nil, err
		}
		out := make(map[string]*V, len(found))
		for k, v := range found {
			out[k] = &v
		}
		return out, nil
	}
}

type loadersKey struct{}

// Middleware gives each request its own loaders.
func Middleware(st *store.Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := context.WithValue(r.Context(), loadersKey{}, NewLoaders(st))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

// loaders returns the request's loaders (fresh ones outside a request, e.g. over
// a websocket operation that came without the middleware).
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.Reads)
}
