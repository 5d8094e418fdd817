package server_test

import (
	"context"
	"testing"

	"github.com/purra/supergraph/platform/pg"
)

const productReviews = `query($reps: [_Any!]!, $first: Int, $after: String, $sort: ReviewSort) {
  _entities(representations: $reps) { ... on Product { id
    reviews(first: $first, after: $after, sort: $sort) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id rating status } } } } } }`

type productPage struct {
	Entities []*struct {
		ID      string `json:"id"`
		Reviews struct {
			TotalCount int `json:"totalCount"`
			PageInfo   struct {
				HasNextPage bool    `json:"hasNextPage"`
				EndCursor   *string `json:"endCursor"`
			} `json:"pageInfo"`
			Edges []struct {
				Node reviewOut `json:"node"`
			} `json:"edges"`
		} `json:"reviews"`
	} `json:"_entities"`
}

func (p productPage) ids(i int) []string {
	var out []string
	for _, e := range p.Entities[i].Reviews.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

func productReps(ids ...string) []map[string]any {
	out := make([]map[string]any, len(ids))
	for i, id := range ids {
		out[i] = map[string]any{"__typename": "Product", "id": id}
	}
	return out
}

// _entities for N products costs one SQL query for their ratings, and one
// more for their review pages, however large N is.
func TestProductEntitiesBatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	mod := e.admin("reviews:moderate")
	var products []string
	for i := range 20 {
		p := newID()
		products = append(products, p)
		if i%4 == 0 {
			r := e.submitted(e.buyer(p), p, 1+i%5)
			e.must(mod, approve, map[string]any{"id": r.ID}, nil)
		}
	}
	ctx, queries := pg.CountQueries(context.Background())
	var out struct {
		Entities []*struct {
			ID     string    `json:"id"`
			Rating ratingOut `json:"rating"`
		} `json:"_entities"`
	}
	ok(t, e.gql(ctx, "", ratingQuery, map[string]any{"reps": productReps(products...)}, &out))
	if n := queries.Load(); n != 1 {
		t.Fatalf("_entities for %d products ran %d SQL queries, want 1", len(products), n)
	}
	for i, p := range out.Entities {
		want := 0
		if i%4 == 0 {
			want = 1
		}
		if p.ID != products[i] || p.Rating.Count != want {
			t.Fatalf("entity %d = %+v", i, p)
		}
	}

	ctx, queries = pg.CountQueries(context.Background())
	var page productPage
	ok(t, e.gql(ctx, "", productReviews, map[string]any{"reps": productReps(products...), "first": 2}, &page))
	if n := queries.Load(); n != 2 {
		t.Fatalf("_entities with reviews ran %d SQL queries, want 2 (pages and totals)", n)
	}
	if len(page.Entities) != 20 || len(page.ids(0)) != 1 || len(page.ids(1)) != 0 || page.Entities[4].Reviews.TotalCount != 1 {
		t.Fatalf("pages = %+v", page)
	}

	var bad struct {
		Entities []*struct {
			ID string `json:"id"`
		} `json:"_entities"`
	}
	ok(t, e.gql(nil, "", ratingQuery, map[string]any{"reps": productReps("not-a-uuid", products[0])}, &bad))
	if bad.Entities[0] != nil || bad.Entities[1] == nil {
		t.Fatalf("entities = %+v", bad.Entities)
	}
}

// Reviews sort by recency or stars and page with cursors of their sort.
func TestProductReviewsSortAndPaging(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	mod := e.admin("reviews:moderate")
	var ids []string // in submission order, ratings 3, 5, 1, 5
	for _, stars := range []int{3, 5, 1, 5} {
		r := e.submitted(e.buyer(product), product, stars)
		e.must(mod, approve, map[string]any{"id": r.ID}, nil)
		ids = append(ids, r.ID)
	}
	read := func(sort string, first int) []string {
		t.Helper()
		var all []string
		var after *string
		for range 10 {
			var page productPage
			vars := map[string]any{"reps": productReps(product), "first": first, "sort": sort, "after": after}
			ok(t, e.do(anonymous, productReviews, vars, &page))
			r := page.Entities[0].Reviews
			if r.TotalCount != 4 {
				t.Fatalf("totalCount = %d", r.TotalCount)
			}
			all = append(all, page.ids(0)...)
			if !r.PageInfo.HasNextPage {
				return all
			}
			after = r.PageInfo.EndCursor
		}
		t.Fatal("paging does not end")
		return nil
	}
	for _, tc := range []struct {
		sort string
		want []string
	}{
		{"NEWEST", []string{ids[3], ids[2], ids[1], ids[0]}},
		{"HIGHEST", []string{ids[3], ids[1], ids[0], ids[2]}},
		{"LOWEST", []string{ids[2], ids[0], ids[3], ids[1]}},
	} {
		for _, first := range []int{1, 3, 10} {
			if got := read(tc.sort, first); !equal(got, tc.want) {
				t.Fatalf("%s by %d = %v, want %v", tc.sort, first, got, tc.want)
			}
		}
	}
	var page productPage
	ok(t, e.do(anonymous, productReviews, map[string]any{"reps": productReps(product), "first": 1, "sort": "NEWEST"}, &page))
	cursor := page.Entities[0].Reviews.PageInfo.EndCursor
	resp := e.do(anonymous, productReviews, map[string]any{"reps": productReps(product), "sort": "HIGHEST", "after": cursor}, nil)
	wantErr(t, resp, "BAD_USER_INPUT", "after", "")
	wantErr(t, e.do(anonymous, productReviews, map[string]any{"reps": productReps(product), "first": 51}, nil), "BAD_USER_INPUT", "first", "")
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
