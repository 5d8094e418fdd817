package app

import (
	"context"
	"errors"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/auth"

	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
)

// Review returns review id if the caller may see it: an approved one for
// anyone, any other to its author and moderators; nil otherwise.
func (a *App) Review(ctx context.Context, id string) (*review.Review, error) {
	if uuid.Validate(id) != nil {
		return nil, nil
	}
	r, err := a.store.Review(ctx, id)
	if errors.Is(err, review.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if r.Status == review.Approved {
		return &r, nil
	}
	if who, ok := auth.From(ctx); ok && (who.Subject == r.UserID || who.Has(Moderate)) {
		return &r, nil
	}
	return nil, nil
}

// List is a page of reviews: up to First reviews plus whether more follow.
type List struct {
	Reviews []review.Review
	HasNext bool
	Total   int
	Sort    review.Sort
}

// NewList makes a List of rows read with p (up to p.First+1 rows).
func NewList(rows []review.Review, p review.Page, total int) List {
	l := List{Reviews: rows, Total: total, Sort: p.Sort}
	if len(rows) > p.First {
		l.Reviews, l.HasNext = rows[:p.First], true
	}
	return l
}

// Mine lists the caller's reviews in any status, newest first.
func (a *App) Mine(ctx context.Context, first *int, after *string) (List, error) {
	who, err := auth.Require(ctx)
	if err != nil {
		return List{}, err
	}
	return a.ofUser(ctx, who.Subject, first, after)
}

// OfUser lists userID's reviews for User.reviews: nil unless the caller is that user.
func (a *App) OfUser(ctx context.Context, userID string, first *int, after *string) (*List, error) {
	who, ok := auth.From(ctx)
	if !ok || who.Subject != userID {
		return nil, nil
	}
	l, err := a.ofUser(ctx, userID, first, after)
	return &l, err
}

func (a *App) ofUser(ctx context.Context, userID string, first *int, after *string) (List, error) {
	p, err := review.ParsePage(first, after, review.Newest)
	if err != nil {
		return List{}, err
	}
	if uuid.Validate(userID) != nil {
		return List{Sort: p.Sort}, nil // an admin or a non-UUID subject has written nothing
	}
	rows, total, err := a.store.UserReviews(ctx, userID, p)
	if err != nil {
		return List{}, err
	}
	return NewList(rows, p, total), nil
}

// Pending lists the moderation queue, oldest first (the schema requires reviews:moderate).
func (a *App) Pending(ctx context.Context, first *int, after *string) (List, error) {
	if err := requireModerator(ctx); err != nil {
		return List{}, err
	}
	p, err := review.ParsePage(first, after, review.Newest)
	if err != nil {
		return List{}, err
	}
	rows, total, err := a.store.Pending(ctx, p)
	if err != nil {
		return List{}, err
	}
	return NewList(rows, p, total), nil
}

// Ratings returns the rollups of productIDs (zero rollups for products
// without approved reviews), for the per-request loader.
func (a *App) Ratings(ctx context.Context, productIDs []string) (map[string]review.Rating, error) {
	found, err := a.store.Ratings(ctx, productIDs)
	if err != nil {
		return nil, err
	}
	for _, id := range productIDs {
		if _, ok := found[id]; !ok {
			found[id] = review.Rating{ProductID: id}
		}
	}
	return found, nil
}

// ProductPageKey asks for one page of one product's approved reviews.
type ProductPageKey struct {
	ProductID string
	Page      review.Page
}

// ProductPages loads the pages of many products' approved reviews: one
// query per distinct page request (normally one per batch).
func (a *App) ProductPages(ctx context.Context, keys []ProductPageKey) (map[ProductPageKey][]review.Review, error) {
	byPage := map[review.Page][]string{}
	for _, k := range keys {
		byPage[k.Page] = append(byPage[k.Page], k.ProductID)
	}
	out := make(map[ProductPageKey][]review.Review, len(keys))
	for p, ids := range byPage {
		found, err := a.store.ProductReviews(ctx, ids, p)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			out[ProductPageKey{ProductID: id, Page: p}] = found[id]
		}
	}
	return out, nil
}
