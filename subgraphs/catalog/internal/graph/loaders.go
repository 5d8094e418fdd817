package graph

import (
	"context"
	"net/http"
	"sync"

	"github.com/graph-gophers/dataloader/v7"

	"github.com/purra/supergraph/platform/loader"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/graph/model"
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
	StoreByID         *dataloader.Loader[string, *catalog.Store]

	// Sibling groups: the products (and variants) that came back together
	// in one list. An edge resolver loads the edge for the whole group at
	// once, so a list costs one query per edge however the resolvers are
	// scheduled (the loader's short wait alone splits batches under load).
	mu       sync.Mutex
	products map[string][]*model.Product
	variants map[string][]string
}

// groupProducts records ps as loaded together.
func (l *Loaders) groupProducts(ps []*model.Product) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range ps {
		if p != nil {
			l.products[p.ID] = ps
		}
	}
}

// groupVariants records the variant ids as loaded together.
func (l *Loaders) groupVariants(ids []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		l.variants[id] = ids
	}
}

// productGroup returns p's siblings (at least p), mapped through key.
func (l *Loaders) productGroup(p *model.Product, key func(*model.Product) string) []string {
	l.mu.Lock()
	group := l.products[p.ID]
	l.mu.Unlock()
	if len(group) == 0 {
		return []string{key(p)}
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(group))
	for _, s := range group {
		if s == nil {
			continue
		}
		if k := key(s); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// variantGroup returns the ids of id's siblings (at least id).
func (l *Loaders) variantGroup(id string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if g := l.variants[id]; len(g) > 0 {
		return g
	}
	return []string{id}
}

// loadWith queues every key of the group in one batch, then waits for key.
// Keys are queued one by one on this goroutine: LoadMany queues them from a
// goroutine each, and under load some miss the batch window.
func loadWith[V any](ctx context.Context, ld *dataloader.Loader[string, V], group []string, key string) (V, error) {
	queue(ctx, ld, group)
	return ld.Load(ctx, key)()
}

// queue adds keys to the loader's current batch and returns their thunks.
func queue[V any](ctx context.Context, ld *dataloader.Loader[string, V], keys []string) []dataloader.Thunk[V] {
	thunks := make([]dataloader.Thunk[V], len(keys))
	for i, k := range keys {
		thunks[i] = ld.Load(ctx, k)
	}
	return thunks
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
		StoreByID:         loader.New(pointers(st.StoresByIDs)),
		products:          map[string][]*model.Product{},
		variants:          map[string][]string{},
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
