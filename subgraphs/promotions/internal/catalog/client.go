// Package catalog asks the catalog subgraph for the facts pricing needs
// about variants: one `_entities` call per quote, with the shopper's own
// token forwarded, so that catalog shows retailer prices and minimum order
// quantities exactly to whom it shows them.
package catalog

import (
	"context"
	"strings"

	"github.com/purra/supergraph/platform/subgraph"

	"github.com/purra/supergraph/subgraphs/promotions/internal/promo"
)

// VariantsQuery is the one query pricing sends (docs/commerce.md).
const VariantsQuery = `query PromotionsVariantFacts($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on ProductVariant {
      id sku title price { paise } retailerPrice { paise } minOrderQuantity
      product {
        id title status hsnCode gstRatePercent
        category { id breadcrumbs { id } }
        brand { id }
        store { id originState }
      }
    }
  }
}`

// Client reads variants from catalog.
type Client struct {
	sg *subgraph.Client
}

// New returns a client for the catalog subgraph at url.
func New(sg *subgraph.Client) *Client { return &Client{sg: sg} }

type money struct {
	Paise int64 `json:"paise"`
}

type ref struct {
	ID string `json:"id"`
}

type variant struct {
	ID               string `json:"id"`
	SKU              string `json:"sku"`
	Title            string `json:"title"`
	Price            money  `json:"price"`
	RetailerPrice    *money `json:"retailerPrice"`
	MinOrderQuantity *int   `json:"minOrderQuantity"`
	Product          struct {
		ID             string  `json:"id"`
		Title          string  `json:"title"`
		Status         string  `json:"status"`
		HSNCode        string  `json:"hsnCode"`
		GSTRatePercent float64 `json:"gstRatePercent"`
		Category       struct {
			ID          string `json:"id"`
			Breadcrumbs []ref  `json:"breadcrumbs"`
		} `json:"category"`
		Brand ref `json:"brand"`
		Store struct {
			ID          string  `json:"id"`
			OriginState *string `json:"originState"`
		} `json:"store"`
	} `json:"product"`
}

// Variants returns the variants with ids (lower-case UUIDs) that exist;
// unknown ones are absent from the map.
func (c *Client) Variants(ctx context.Context, ids []string) (map[string]promo.Variant, error) {
	reps := make([]map[string]any, len(ids))
	for i, id := range ids {
		reps[i] = map[string]any{"__typename": "ProductVariant", "id": id}
	}
	var out struct {
		Entities []*variant `json:"_entities"`
	}
	if err := c.sg.Do(ctx, VariantsQuery, map[string]any{"reps": reps}, &out, subgraph.Idempotent()); err != nil {
		return nil, err
	}
	found := make(map[string]promo.Variant, len(out.Entities))
	for _, v := range out.Entities {
		if v == nil {
			continue // unknown variant: a null entity
		}
		found[strings.ToLower(v.ID)] = toVariant(v)
	}
	return found, nil
}

func toVariant(v *variant) promo.Variant {
	p := v.Product
	path := make([]string, 0, len(p.Category.Breadcrumbs)+1)
	for _, c := range p.Category.Breadcrumbs {
		path = append(path, strings.ToLower(c.ID))
	}
	if len(path) == 0 && p.Category.ID != "" {
		path = append(path, strings.ToLower(p.Category.ID))
	}
	out := promo.Variant{
		ID: strings.ToLower(v.ID), ProductID: p.ID, SKU: v.SKU, Title: v.Title, ProductTitle: p.Title, HSNCode: p.HSNCode,
		StoreID: p.Store.ID, BrandID: strings.ToLower(p.Brand.ID), CategoryPath: path, Price: v.Price.Paise,
		GSTRatePercent: p.GSTRatePercent, Active: p.Status == "ACTIVE",
	}
	if p.Store.OriginState != nil {
		out.OriginState = *p.Store.OriginState
	}
	if v.RetailerPrice != nil {
		rp := v.RetailerPrice.Paise
		out.RetailerPrice = &rp
	}
	if v.MinOrderQuantity != nil {
		out.MinOrderQuantity = *v.MinOrderQuantity
	}
	return out
}
