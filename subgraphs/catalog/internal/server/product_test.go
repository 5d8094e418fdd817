package server_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/purra/supergraph/platform/cache"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/catalog/internal/seed"
	"github.com/purra/supergraph/subgraphs/catalog/internal/server"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

const pageQ = `query($id: ID, $slug: String) {
  product(id: $id, slug: $slug) {
    id title slug status hsnCode gstRatePercent
    store { id } createdBy { id }
    brand { name slug }
    category { slug parent { slug } breadcrumbs { slug } }
    priceRange { min { paise formatted currency } max { paise } }
    media { alt position urls { url width format } }
    variants { id sku title mrp { paise } price { paise formatted } retailerPrice { paise } minOrderQuantity
      attributes { attribute { name slug } value { value } }
      media { urls { url width format } }
      product { id } }
  }
}`

type page struct {
	Product *struct {
		ID, Title, Slug, Status, HsnCode string
		GstRatePercent                   float64
		Store                            struct{ ID string }
		CreatedBy                        struct{ ID string }
		Brand                            struct{ Name, Slug string }
		Category                         struct {
			Slug        string
			Parent      *struct{ Slug string }
			Breadcrumbs []struct{ Slug string }
		}
		PriceRange struct {
			Min struct {
				Paise               int64
				Formatted, Currency string
			}
			Max struct{ Paise int64 }
		}
		Media []struct {
			Alt      string
			Position int
			Urls     []struct {
				URL, Format string
				Width       int
			}
		}
		Variants []variantOut
	}
}

type variantOut struct {
	ID, SKU, Title string
	Mrp            struct{ Paise int64 }
	Price          struct {
		Paise     int64
		Formatted string
	}
	RetailerPrice    *struct{ Paise int64 }
	MinOrderQuantity *int
	Attributes       []struct {
		Attribute struct{ Name, Slug string }
		Value     struct{ Value string }
	}
	Media   []struct{ Urls []struct{ URL string } }
	Product struct{ ID string }
}

func (e *env) page(auth string, vars map[string]any) page {
	e.t.Helper()
	var out page
	e.mustDo(auth, pageQ, vars, &out)
	return out
}

func TestProductPage(t *testing.T) {
	e := seeded(t)

	t.Run("by slug: variants, attribute values and media in one request", func(t *testing.T) {
		p := e.page("", map[string]any{"slug": "apple-iphone-15"}).Product
		if p == nil {
			t.Fatal("no product")
		}
		if p.Title != "Apple iPhone 15" || p.Brand.Name != "Apple" || p.Category.Slug != "mobiles" || p.Category.Parent != nil ||
			len(p.Category.Breadcrumbs) != 1 || p.HsnCode != "8517" || p.GstRatePercent != 18 || p.Status != "ACTIVE" ||
			p.Store.ID != seed.TechHubID || p.CreatedBy.ID != seed.VikramID {
			t.Fatalf("product = %+v", p)
		}
		if len(p.Variants) != 9 || len(p.Media) != 2 || len(p.Media[0].Urls) != 6 {
			t.Fatalf("%d variants, %d media", len(p.Variants), len(p.Media))
		}
		if p.PriceRange.Min.Paise != 79_900_00 || p.PriceRange.Max.Paise != 99_900_00 || p.PriceRange.Min.Formatted != "₹79,900.00" || p.PriceRange.Min.Currency != "INR" {
			t.Errorf("price range = %+v", p.PriceRange)
		}
		combos := map[string]bool{}
		for _, v := range p.Variants {
			if len(v.Attributes) != 2 || len(v.Media) != 1 || len(v.Media[0].Urls) != 6 || v.Product.ID != p.ID || v.Price.Paise > v.Mrp.Paise {
				t.Errorf("variant %s = %+v", v.SKU, v)
				continue
			}
			combos[v.Attributes[0].Value.Value+"/"+v.Attributes[1].Value.Value] = true
			if v.Attributes[0].Attribute.Name != "Colour" || v.Attributes[1].Attribute.Name != "Storage" {
				t.Errorf("attributes of %s: %+v", v.SKU, v.Attributes)
			}
		}
		for _, c := range []string{"Black", "Blue", "Pink"} {
			for _, s := range []string{"128 GB", "256 GB", "512 GB"} {
				if !combos[c+"/"+s] {
					t.Errorf("no %s %s variant", c, s)
				}
			}
		}
		byID := e.page("", map[string]any{"id": p.ID}).Product
		if byID == nil || byID.Slug != "apple-iphone-15" {
			t.Fatalf("by id: %+v", byID)
		}
	})

	t.Run("breadcrumbs go from the root", func(t *testing.T) {
		p := e.page("", map[string]any{"slug": "sony-wh-1000xm5-wireless-noise-cancelling-headphones"}).Product
		if p == nil || len(p.Category.Breadcrumbs) != 2 || p.Category.Breadcrumbs[0].Slug != "audio" ||
			p.Category.Breadcrumbs[1].Slug != "headphones" || p.Category.Parent.Slug != "audio" {
			t.Fatalf("%+v", p)
		}
	})

	t.Run("a cached page costs no SQL", func(t *testing.T) {
		vars := map[string]any{"slug": "apple-iphone-15-pro"}
		e.page("", vars)
		if n := e.counted(pageQ, vars, nil); n != 0 {
			t.Fatalf("second read ran %d SQL queries, want 0 (Redis)", n)
		}
	})

	t.Run("exactly one of id and slug", func(t *testing.T) {
		for _, vars := range []map[string]any{{}, {"id": seed.ID("product", "apple-iphone-15"), "slug": "apple-iphone-15"}} {
			if r := e.do("", pageQ, vars, nil); r.Code() != "BAD_USER_INPUT" {
				t.Errorf("%v: %+v", vars, r.Errors)
			}
		}
		for _, vars := range []map[string]any{{"slug": "no-such-product"}, {"slug": "Bad Slug'--"}, {"id": "not-a-uuid"},
			{"id": "01937a00-0000-7000-8000-0000000000ff"}, {"slug": "a\x00b"}} {
			var out page
			if r := e.do("", pageQ, vars, &out); len(r.Errors) > 0 || out.Product != nil {
				t.Errorf("%v: %+v %+v", vars, r.Errors, out.Product)
			}
		}
	})

	t.Run("retailer price and MOQ only for retailers, owners and admins", func(t *testing.T) {
		vars := map[string]any{"slug": "boat-airdopes-141-true-wireless-earbuds"}
		for _, auth := range []string{"", e.token(priya, "CUSTOMER")} {
			for _, v := range e.page(auth, vars).Product.Variants {
				if v.RetailerPrice != nil || v.MinOrderQuantity != nil {
					t.Fatalf("%q sees retail terms of %s", auth, v.SKU)
				}
			}
		}
		for _, auth := range []string{e.token(amit, "RETAILER"), e.token(vikram, "OWNER")} {
			found := false
			for _, v := range e.page(auth, vars).Product.Variants {
				if v.RetailerPrice == nil || v.MinOrderQuantity == nil || v.RetailerPrice.Paise > v.Price.Paise {
					t.Fatalf("retail terms of %s missing: %+v", v.SKU, v)
				}
				if v.SKU == seed.BulkSKU {
					found = *v.MinOrderQuantity == 50
				}
			}
			if !found {
				t.Errorf("bulk SKU %s with MOQ 50 not seen", seed.BulkSKU)
			}
		}
	})
}

// _entities batches: N representations of a type cost one SQL query.
func TestEntitiesBatched(t *testing.T) {
	e := seeded(t)
	var slugs struct {
		Products struct {
			Edges []struct {
				Node struct {
					ID       string
					Variants []struct{ ID string }
				}
			}
		}
	}
	e.mustDo("", `{ products(first: 20, sort: NEWEST) { edges { node { id variants { id } } } } }`, nil, &slugs)
	var products, variants []map[string]any
	for _, edge := range slugs.Products.Edges {
		products = append(products, map[string]any{"__typename": "Product", "id": edge.Node.ID})
		variants = append(variants, map[string]any{"__typename": "ProductVariant", "id": edge.Node.Variants[0].ID})
	}
	if len(products) != 20 {
		t.Fatalf("%d products", len(products))
	}
	const q = `query($r: [_Any!]!) { _entities(representations: $r) {
		... on Product { id title slug } ... on ProductVariant { id sku } ... on Store { id } } }`
	type out struct {
		Entities []map[string]any `json:"_entities"`
	}

	var got out
	if n := e.counted(q, map[string]any{"r": products}, &got); n != 1 {
		t.Errorf("20 products: %d SQL queries, want 1", n)
	}
	for i, ent := range got.Entities {
		if ent["id"] != products[i]["id"] || ent["title"] == "" {
			t.Fatalf("entity %d = %v, want %v", i, ent, products[i]["id"])
		}
	}
	if n := e.counted(q, map[string]any{"r": variants}, &got); n != 1 {
		t.Errorf("20 variants: %d SQL queries, want 1", n)
	}
	stores := []map[string]any{{"__typename": "Store", "id": seed.TechHubID}, {"__typename": "Store", "id": "01937a00-0000-7000-8000-0000000000ff"}}
	if n := e.counted(q, map[string]any{"r": stores}, &got); n != 1 || got.Entities[0]["id"] != seed.TechHubID || got.Entities[1] != nil {
		t.Errorf("stores: %d SQL queries, %v", n, got.Entities)
	}
	mixed := append(products[:5:5], map[string]any{"__typename": "Product", "id": "nope"}, variants[0])
	if n := e.counted(q, map[string]any{"r": mixed}, &got); n != 2 || got.Entities[5] != nil || got.Entities[6]["sku"] == nil {
		t.Errorf("mixed: %d SQL queries, %v", n, got.Entities)
	}

	// Every edge of a list is one query per edge, not one per row.
	const deep = `{ products(first: 20, sort: NEWEST) { edges { node { brand { name } category { name }
		media { urls { url } } variants { sku attributes { value { value } } media { urls { url } } } } } } }`
	if n := e.counted(deep, nil, nil); n > 7 {
		t.Errorf("listing with all edges ran %d SQL queries, want at most 7", n)
	}
}

// With Redis unreachable, reads fall back to Postgres.
func TestRedisDown(t *testing.T) {
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	rdb, err := cache.Connect("redis://127.0.0.1:1/0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rdb.Close() })
	d.Cache = cache.New(rdb, "catalog-down", d.Log)
	d.Limiter = cache.NewLimiter(d.Cache)
	if _, err := seed.Run(context.Background(), store.New(d.DB, d.Topic), seedMedia(t)); err != nil {
		t.Fatal(err)
	}
	_, h := servicetest.Serve(t, spec, d)
	e := &env{t: t, d: d, h: h, iss: iss}
	for i := range 5 {
		p := e.page("", map[string]any{"slug": "apple-iphone-15"}).Product
		if p == nil || len(p.Variants) != 9 {
			t.Fatalf("read %d: %+v", i, p)
		}
	}
	if l := e.search(query("iphone 15")); len(l.Products.Edges) == 0 {
		t.Fatal("search failed without Redis")
	}
	var out struct {
		UpdateVariant struct {
			Variant struct{ Price struct{ Paise int64 } }
		}
	}
	e.mustDo(e.token(vikram, "OWNER"), updatePriceQ, map[string]any{"id": seed.ID("variant", "APPLE-IPHONE-15-BLACK-128GB"), "price": 75_000_00}, &out)
	if p := e.page("", map[string]any{"slug": "apple-iphone-15"}).Product; fmt.Sprint(p.PriceRange.Min.Paise) != "7500000" {
		t.Fatalf("after update without Redis: %+v", p.PriceRange)
	}
}
