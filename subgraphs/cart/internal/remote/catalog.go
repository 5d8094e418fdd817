// Package remote calls the subgraphs the cart needs an answer from before it
// can reply (docs/commerce.md, "Synchronous internal operations"): catalog
// for variant facts, promotions for quotes, users for the shipping state.
// Every call carries the shopper's own Authorization header.
package remote

import (
	"context"
	"fmt"
	"time"

	"github.com/purra/supergraph/platform/auth"
	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/cart/internal/cart"
)

// Catalog reads variant facts from the catalog subgraph, through a short
// Redis cache: add-to-cart is hot, and a price or status change reaching a
// cart a few seconds late is harmless because prices are quoted at read time.
type Catalog struct {
	client *subgraph.Client
	cache  *cache.Cache
	ttl    time.Duration
}

// NewCatalog returns the catalog client; facts are cached for ttl.
func NewCatalog(client *subgraph.Client, c *cache.Cache, ttl time.Duration) *Catalog {
	return &Catalog{client: client, cache: c, ttl: ttl}
}

// variantQuery is one _entities call for one variant. minOrderQuantity is
// revealed only to retailers (and owners), whose token is forwarded.
const variantQuery = `query CartVariant($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on ProductVariant { id sku title minOrderQuantity product { status } } }
}`

type variantEntity struct {
	ID               string `json:"id"`
	SKU              string `json:"sku"`
	Title            string `json:"title"`
	MinOrderQuantity *int   `json:"minOrderQuantity"`
	Product          *struct {
		Status string `json:"status"`
	} `json:"product"`
}

// Variant returns what the catalogue tells the caller about variant id (id
// must be a UUID). The cache key includes the caller's role, because a
// retailer sees facts (the MOQ) that a customer does not. An unknown
// variant is cached too (Found false), so garbage ids do not reach catalog.
func (c *Catalog) Variant(ctx context.Context, id string) (cart.Variant, error) {
	role := "ANONYMOUS"
	if who, ok := auth.From(ctx); ok {
		role = who.Role
	}
	return cache.GetOrLoad(ctx, c.cache, "variant:"+role+":"+id, c.ttl, func(ctx context.Context) (cart.Variant, error) {
		return c.fetch(ctx, id)
	})
}

func (c *Catalog) fetch(ctx context.Context, id string) (cart.Variant, error) {
	var out struct {
		Entities []*variantEntity `json:"_entities"`
	}
	reps := []map[string]any{{"__typename": "ProductVariant", "id": id}}
	if err := c.client.Do(ctx, variantQuery, map[string]any{"reps": reps}, &out, subgraph.Idempotent()); err != nil {
		return cart.Variant{}, err
	}
	if len(out.Entities) != 1 {
		return cart.Variant{}, fmt.Errorf("catalog returned %d entities for 1 representation", len(out.Entities))
	}
	e := out.Entities[0]
	if e == nil || e.ID != id {
		return cart.Variant{ID: id}, nil
	}
	v := cart.Variant{ID: id, Found: true, SKU: e.SKU, Title: e.Title, MinOrderQuantity: e.MinOrderQuantity}
	if e.Product != nil {
		v.ProductStatus = e.Product.Status
	}
	return v, nil
}
