package server_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
	"github.com/purra/supergraph/subgraphs/catalog/internal/seed"
	"github.com/purra/supergraph/subgraphs/catalog/internal/store"
)

const searchQ = `query($f: ProductFilter, $s: ProductSort, $first: Int, $after: String) {
  products(filter: $f, sort: $s, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title slug brand { name } category { name slug }
      priceRange { min { paise } max { paise } }
      variants { sku title price { paise } attributes { attribute { slug } value { value } } } } }
  }
}`

type listing struct {
	Products struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   *string
		}
		Edges []struct {
			Cursor string
			Node   struct {
				ID, Title, Slug string
				Brand           struct{ Name string }
				Category        struct{ Name, Slug string }
				PriceRange      *struct{ Min, Max struct{ Paise int64 } }
				Variants        []struct {
					SKU, Title string
					Price      struct{ Paise int64 }
					Attributes []struct {
						Attribute struct{ Slug string }
						Value     struct{ Value string }
					}
				}
			}
		}
	}
}

func (l listing) titles() []string {
	var out []string
	for _, e := range l.Products.Edges {
		out = append(out, e.Node.Title)
	}
	return out
}

func (e *env) search(vars map[string]any) listing {
	e.t.Helper()
	var out listing
	e.mustDo("", searchQ, vars, &out)
	return out
}

func query(q string) map[string]any {
	return map[string]any{"f": map[string]any{"query": q}, "first": 20}
}

func TestSearch(t *testing.T) {
	e := seeded(t)

	t.Run("iphone 15 ranks the iPhone 15 family first, with brand, category and variants", func(t *testing.T) {
		l := e.search(query("iphone 15"))
		titles := l.titles()
		if len(titles) < 5 {
			t.Fatalf("too few results: %v", titles)
		}
		family := []string{"Apple iPhone 15", "Apple iPhone 15 Plus", "Apple iPhone 15 Pro", "Apple iPhone 15 Pro Max"}
		top := slices.Clone(titles[:4])
		slices.Sort(top)
		if !slices.Equal(top, family) {
			t.Fatalf("top 4 = %v, want the iPhone 15 family; all: %v", titles[:4], titles)
		}
		if titles[0] != "Apple iPhone 15" {
			t.Errorf("first = %q, want Apple iPhone 15", titles[0])
		}
		for _, edge := range l.Products.Edges[:4] {
			n := edge.Node
			if n.Brand.Name != "Apple" || n.Category.Slug != "mobiles" || len(n.Variants) == 0 {
				t.Errorf("%s: brand %q category %q, %d variants", n.Title, n.Brand.Name, n.Category.Slug, len(n.Variants))
			}
		}
		if n := l.Products.Edges[0].Node; len(n.Variants) != 9 {
			t.Errorf("iPhone 15 has %d variants, want 9", len(n.Variants))
		}
		if !slices.Contains(titles, "Apple iPhone 15 Silicone Case with MagSafe") {
			t.Errorf("the iPhone 15 case is missing: %v", titles)
		}
	})

	t.Run("prefixes and typos match", func(t *testing.T) {
		for q, want := range map[string]string{"iphon": "Apple iPhone 15", "samsng": "Samsung", "galxy": "Samsung Galaxy", "headphone": "Headphones", "boat": "boAt"} {
			l := e.search(query(q))
			found := false
			for _, edge := range l.Products.Edges {
				if strings.Contains(edge.Node.Title+" "+edge.Node.Brand.Name+" "+edge.Node.Category.Name, want) {
					found = true
				}
			}
			if !found {
				t.Errorf("%q: no result mentions %q: %v", q, want, l.titles())
			}
		}
	})

	t.Run("SQL and tsquery metacharacters are harmless", func(t *testing.T) {
		before := e.count(`SELECT count(*) FROM products`)
		for _, q := range []string{"'", "&", "|", "!", ":", "*", `\`, "%", "_", ";--", "''", "iphone' OR '1'='1",
			"iphone:* | samsung", "!iphone", "iphone & 15", "(iphone", "samsung'); DROP TABLE products;--", "%_%", "a:*b", `\x00`, "<->", "iphone <-> 15"} {
			r := e.do("", searchQ, query(q), nil)
			if len(r.Errors) > 0 {
				t.Errorf("%q: %+v", q, r.Errors)
			}
		}
		if after := e.count(`SELECT count(*) FROM products`); after != before {
			t.Fatalf("products %d → %d", before, after)
		}
		if l := e.search(query("%")); l.Products.TotalCount != 0 {
			t.Errorf("%%: %d results, want none (not a wildcard)", l.Products.TotalCount)
		}
		if l := e.search(query("iphone & 15")); len(l.Products.Edges) == 0 || l.Products.Edges[0].Node.Title != "Apple iPhone 15" {
			t.Errorf("'iphone & 15' = %v", l.titles())
		}
	})

	t.Run("query length is limited to 200 characters", func(t *testing.T) {
		if r := e.do("", searchQ, query(strings.Repeat("a", 200)), nil); len(r.Errors) > 0 {
			t.Fatalf("200 chars: %+v", r.Errors)
		}
		r := e.do("", searchQ, query(strings.Repeat("a", 201)), nil)
		if r.Code() != "BAD_USER_INPUT" || r.Errors[0].Extensions["field"] != "filter.query" {
			t.Fatalf("201 chars: %+v", r.Errors)
		}
		if r := e.do("", searchQ, query(strings.Repeat("é", 10_000)), nil); r.Code() != "BAD_USER_INPUT" {
			t.Fatalf("10,000 chars: %+v", r.Errors)
		}
	})

	t.Run("a category includes its sub-categories", func(t *testing.T) {
		audio := e.search(map[string]any{"f": map[string]any{"categoryId": seed.ID("category", "audio")}, "first": 100})
		subs := map[string]int{}
		for _, edge := range audio.Products.Edges {
			subs[edge.Node.Category.Slug]++
		}
		sum := 0
		for _, sub := range []string{"headphones", "earbuds", "speakers"} {
			n := e.search(map[string]any{"f": map[string]any{"categoryId": seed.ID("category", sub)}, "first": 0}).Products.TotalCount
			if n == 0 || subs[sub] != n {
				t.Errorf("%s: %d in audio, %d on its own", sub, subs[sub], n)
			}
			sum += n
		}
		if audio.Products.TotalCount != sum || len(subs) != 3 {
			t.Errorf("audio: %d products in %v, want %d", audio.Products.TotalCount, subs, sum)
		}
	})

	t.Run("price range keeps products with a variant inside it", func(t *testing.T) {
		min, max := int64(20_000_00), int64(30_000_00)
		l := e.search(map[string]any{"f": map[string]any{"minPrice": min, "maxPrice": max}, "first": 100})
		if l.Products.TotalCount == 0 {
			t.Fatal("no product between ₹20,000 and ₹30,000")
		}
		for _, edge := range l.Products.Edges {
			ok := false
			for _, v := range edge.Node.Variants {
				ok = ok || (v.Price.Paise >= min && v.Price.Paise <= max)
			}
			if !ok {
				t.Errorf("%s has no variant in range", edge.Node.Title)
			}
		}
		all := e.search(map[string]any{"first": 0}).Products.TotalCount
		if l.Products.TotalCount >= all {
			t.Errorf("price filter kept %d of %d", l.Products.TotalCount, all)
		}
		r := e.do("", searchQ, map[string]any{"f": map[string]any{"minPrice": 10, "maxPrice": 5}}, nil)
		if r.Code() != "BAD_USER_INPUT" {
			t.Errorf("min > max: %+v", r.Errors)
		}
	})

	t.Run("attribute filter needs one variant with a listed value of every attribute", func(t *testing.T) {
		l := e.search(map[string]any{"f": map[string]any{"attributes": []map[string]any{
			{"attribute": "colour", "values": []string{"Pink", "rose"}},
			{"attribute": "storage", "values": []string{"256 GB"}},
		}}, "first": 100})
		titles := l.titles()
		if !slices.Contains(titles, "Apple iPhone 15") {
			t.Fatalf("iPhone 15 (Pink, 256 GB) missing: %v", titles)
		}
		for _, edge := range l.Products.Edges {
			ok := false
			for _, v := range edge.Node.Variants {
				var colour, storage bool
				for _, a := range v.Attributes {
					colour = colour || (a.Attribute.Slug == "colour" && (a.Value.Value == "Pink" || a.Value.Value == "Rose"))
					storage = storage || (a.Attribute.Slug == "storage" && a.Value.Value == "256 GB")
				}
				ok = ok || (colour && storage)
			}
			if !ok {
				t.Errorf("%s has no Pink/Rose 256 GB variant", edge.Node.Title)
			}
		}
	})

	t.Run("category and brand slugs select what their ids select", func(t *testing.T) {
		byID := e.search(map[string]any{"f": map[string]any{"categoryId": seed.ID("category", "mobiles"), "brandIds": []string{seed.ID("brand", "apple"), seed.ID("brand", "samsung")}}, "first": 100})
		bySlug := e.search(map[string]any{"f": map[string]any{"categorySlug": "mobiles", "brandSlugs": []string{"apple", "samsung"}}, "first": 100})
		if byID.Products.TotalCount == 0 || !slices.Equal(byID.titles(), bySlug.titles()) || byID.Products.TotalCount != bySlug.Products.TotalCount {
			t.Fatalf("by id %d %v, by slug %d %v", byID.Products.TotalCount, byID.titles(), bySlug.Products.TotalCount, bySlug.titles())
		}
		all := e.search(map[string]any{"f": map[string]any{"categorySlug": "mobiles"}, "first": 0}).Products.TotalCount
		if all <= bySlug.Products.TotalCount {
			t.Errorf("the brand slugs filtered nothing: %d of %d", bySlug.Products.TotalCount, all)
		}
		if n := e.search(map[string]any{"f": map[string]any{"categorySlug": "no-such-category"}, "first": 5}).Products.TotalCount; n != 0 {
			t.Errorf("an unknown category slug matched %d products", n)
		}
		for _, f := range []map[string]any{
			{"categorySlug": "mobiles", "categoryId": seed.ID("category", "mobiles")},
			{"brandSlugs": []string{"apple"}, "brandIds": []string{seed.ID("brand", "apple")}},
			{"categorySlug": "Mobiles; DROP"},
			{"brandSlugs": []string{"apple", ""}},
		} {
			if r := e.do("", searchQ, map[string]any{"f": f}, nil); r.Code() != "BAD_USER_INPUT" {
				t.Errorf("%v: %+v", f, r.Errors)
			}
		}
	})

	t.Run("pagination: cursors round-trip and totalCount holds", func(t *testing.T) {
		vars := map[string]any{"f": map[string]any{"categoryId": seed.ID("category", "mobiles")}, "s": "PRICE_ASC", "first": 7}
		first := e.search(vars)
		total := first.Products.TotalCount
		seen := map[string]bool{}
		page, pages := first, 0
		var last int64
		for {
			pages++
			for _, edge := range page.Products.Edges {
				if seen[edge.Node.ID] {
					t.Fatalf("%s seen twice", edge.Node.Title)
				}
				seen[edge.Node.ID] = true
				if edge.Node.PriceRange.Min.Paise < last {
					t.Fatalf("PRICE_ASC out of order at %s", edge.Node.Title)
				}
				last = edge.Node.PriceRange.Min.Paise
			}
			if page.Products.TotalCount != total {
				t.Fatalf("totalCount changed %d → %d", total, page.Products.TotalCount)
			}
			if !page.Products.PageInfo.HasNextPage {
				break
			}
			vars["after"] = *page.Products.PageInfo.EndCursor
			page = e.search(vars)
		}
		if len(seen) != total || pages != (total+6)/7 {
			t.Fatalf("walked %d of %d products in %d pages", len(seen), total, pages)
		}
		// A page's last cursor leads to the same next page as endCursor.
		vars["after"] = first.Products.Edges[6].Cursor
		if again := e.search(vars); again.Products.Edges[0].Node.ID != e.search(map[string]any{"f": vars["f"], "s": "PRICE_ASC", "first": 8}).Products.Edges[7].Node.ID {
			t.Error("cursor of edge 7 does not continue at product 8")
		}
		for _, bad := range []map[string]any{{"after": "bm9wZQ"}, {"after": "'; DROP TABLE products"}, {"first": 101}, {"first": -1}} {
			r := e.do("", searchQ, bad, nil)
			if r.Code() != "BAD_USER_INPUT" {
				t.Errorf("%v: %+v", bad, r.Errors)
			}
		}
	})
}

// The search statement for "iphone 15" must stay well under 5 ms on the
// seed data; the plan is logged so a regression is easy to read.
func TestSearchExplain(t *testing.T) {
	e := seeded(t)
	st := store.New(e.d.DB, e.d.Topic)
	for _, q := range []string{"iphone 15", "samsng", "iphon"} {
		s, err := catalog.NewSearch(catalog.SearchInput{Query: q, First: 20})
		if err != nil {
			t.Fatal(err)
		}
		// Warm up the plan and buffers as a running service would be.
		for range 3 {
			if _, _, err := st.Search(context.Background(), s); err != nil {
				t.Fatal(err)
			}
		}
		plan, ms, err := st.ExplainSearch(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%q: %.3f ms\n%s", q, ms, plan)
		if ms > 5 {
			t.Errorf("%q took %.3f ms, want < 5 ms", q, ms)
		}
	}
}
