package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"

	"github.com/purra/supergraph/subgraphs/reviews/internal/app"
	"github.com/purra/supergraph/subgraphs/reviews/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
)

// prefetchProducts loads what the selected Product fields of an _entities
// call need, for all its products at once, and primes the request's loaders.
// The loaders alone batch only the calls that arrive within their short
// wait, which a busy machine can stretch into several batches; here the
// ratings cost exactly one query and each distinct reviews page one more.
func (r *Resolver) prefetchProducts(ctx context.Context, ids []string) error {
	if len(ids) == 0 || graphql.GetFieldContext(ctx) == nil {
		return nil
	}
	var pages []review.Page
	needRating := false
	for _, f := range graphql.CollectFieldsCtx(ctx, []string{"Product"}) {
		switch f.Name {
		case "rating":
			needRating = true
		case "reviews":
			needRating = true // totalCount
			if p, ok := pageArgs(f.ArgumentMap(graphql.GetOperationContext(ctx).Variables)); ok {
				pages = append(pages, p)
			}
		}
	}
	l := r.loaders(ctx)
	if needRating {
		ratings, err := r.App.Ratings(ctx, ids)
		if err != nil {
			return err
		}
		for id, rating := range ratings {
			l.Rating.Prime(ctx, id, rating)
		}
	}
	if len(pages) == 0 {
		return nil
	}
	keys := make([]app.ProductPageKey, 0, len(ids)*len(pages))
	for _, p := range pages {
		for _, id := range ids {
			keys = append(keys, app.ProductPageKey{ProductID: id, Page: p})
		}
	}
	found, err := r.App.ProductPages(ctx, keys)
	if err != nil {
		return err
	}
	for _, k := range keys {
		l.Reviews.Prime(ctx, k, found[k])
	}
	return nil
}

// pageArgs reads the reviews field's arguments (defaults applied); ok is
// false when they are invalid, and the field resolver then reports why.
func pageArgs(args map[string]any) (review.Page, bool) {
	first, ok := intArg(args["first"])
	if !ok {
		return review.Page{}, false
	}
	after, _ := args["after"].(string)
	sort := model.ReviewSortNewest
	if s, isString := args["sort"].(string); isString {
		sort = model.ReviewSort(s)
	}
	p, err := review.ParsePage(first, &after, sortOf(&sort))
	return p, err == nil
}

func intArg(v any) (*int, bool) {
	var n int64
	switch x := v.(type) {
	case nil:
		return nil, true
	case int:
		n = int64(x)
	case int64:
		n = x
	case float64:
		n = int64(x)
	case json.Number:
		var err error
		if n, err = x.Int64(); err != nil {
			return nil, false
		}
	default:
		return nil, false
	}
	i := int(n)
	return &i, true
}
