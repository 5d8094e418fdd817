// Package remote calls the catalog subgraph, the one synchronous dependency
// of reviews (docs/backoffice.md, "Verified purchases").
package remote

import (
	"context"
	"fmt"

	"github.com/purra/supergraph/platform/subgraph"
)

// Catalog resolves variants to their products.
type Catalog struct {
	client *subgraph.Client
}

// NewCatalog returns the catalog client.
func NewCatalog(client *subgraph.Client) *Catalog { return &Catalog{client: client} }

const productsOfVariants = `query ReviewsVariantProducts($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on ProductVariant { id product { id } } }
}`

// ProductsOf returns the product id of each variant catalog knows, in ONE
// _entities call. It sends no token: product ids are public, and the call
// comes from a consumer, not from a shopper's request.
func (c *Catalog) ProductsOf(ctx context.Context, variantIDs []string) (map[string]string, error) {
	reps := make([]map[string]any, len(variantIDs))
	for i, id := range variantIDs {
		reps[i] = map[string]any{"__typename": "ProductVariant", "id": id}
	}
	var out struct {
		Entities []*struct {
			ID      string `json:"id"`
			Product *struct {
				ID string `json:"id"`
			} `json:"product"`
		} `json:"_entities"`
	}
	err := c.client.Do(ctx, productsOfVariants, map[string]any{"reps": reps}, &out, subgraph.Idempotent(), subgraph.As(""))
	if err != nil {
		return nil, err
	}
	if len(out.Entities) != len(variantIDs) {
		return nil, fmt.Errorf("catalog returned %d entities for %d variants", len(out.Entities), len(variantIDs))
	}
	products := make(map[string]string, len(variantIDs))
	for i, e := range out.Entities {
		if e != nil && e.ID == variantIDs[i] && e.Product != nil && e.Product.ID != "" {
			products[e.ID] = e.Product.ID
		}
	}
	return products, nil
}
