package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
)

// Ratings returns the rollups of productIDs in one query; products without
// an approved review are absent.
func (s *Store) Ratings(ctx context.Context, productIDs []string) (map[string]review.Rating, error) {
	rows, err := s.db.Query(ctx, `SELECT product_id, stars1, stars2, stars3, stars4, stars5
		FROM product_ratings WHERE product_id = ANY($1::uuid[])`, productIDs)
	if err != nil {
		return nil, fmt.Errorf("load ratings: %w", err)
	}
	out := make(map[string]review.Rating, len(productIDs))
	var r review.Rating
	s2 := &r.Stars
	_, err = pgx.ForEachRow(rows, []any{&r.ProductID, &s2[0], &s2[1], &s2[2], &s2[3], &s2[4]}, func() error {
		out[r.ProductID] = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load ratings: %w", err)
	}
	return out, nil
}

// ProductReviews returns, in one query, up to p.First+1 APPROVED reviews of
// each of productIDs in p's order after p's cursor (the extra one tells
// whether another page follows).
func (s *Store) ProductReviews(ctx context.Context, productIDs []string, p review.Page) (map[string][]review.Review, error) {
	order, cursor := "id DESC", "true"
	args := []any{productIDs, p.First + 1}
	switch p.Sort {
	case review.Highest:
		order = "rating DESC, id DESC"
		if p.AfterID != "" {
			cursor, args = "(rating, id) < ($3, $4::uuid)", append(args, p.AfterRating, p.AfterID)
		}
	case review.Lowest:
		order = "rating ASC, id DESC"
		if p.AfterID != "" {
			cursor, args = "(rating > $3 OR (rating = $3 AND id < $4::uuid))", append(args, p.AfterRating, p.AfterID)
		}
	default:
		if p.AfterID != "" {
			cursor, args = "id < $3::uuid", append(args, p.AfterID)
		}
	}
	rows, err := s.db.Query(ctx, `SELECT `+reviewColumns+` FROM (
			SELECT *, row_number() OVER (PARTITION BY product_id ORDER BY `+order+`) AS rn
			FROM reviews WHERE product_id = ANY($1::uuid[]) AND status = 'APPROVED' AND `+cursor+`
		) page WHERE rn <= $2 ORDER BY product_id, rn`, args...)
	list, err := collect(rows, err)
	if err != nil {
		return nil, fmt.Errorf("load product reviews: %w", err)
	}
	out := make(map[string][]review.Review, len(productIDs))
	for _, r := range list {
		out[r.ProductID] = append(out[r.ProductID], r)
	}
	return out, nil
}

// UserReviews returns up to p.First+1 of the user's reviews, newest first,
// after p's cursor, and how many the user has in all.
func (s *Store) UserReviews(ctx context.Context, userID string, p review.Page) ([]review.Review, int, error) {
	return s.list(ctx, `user_id = $1`, "id DESC", "id < $3::uuid", userID, p)
}

// Pending returns up to p.First+1 PENDING reviews, oldest first, after p's
// cursor, and how many are pending in all.
func (s *Store) Pending(ctx context.Context, p review.Page) ([]review.Review, int, error) {
	return s.list(ctx, `status = $1`, "id ASC", "id > $3::uuid", string(review.Pending), p)
}

func (s *Store) list(ctx context.Context, where, order, after string, arg any, p review.Page) ([]review.Review, int, error) {
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM reviews WHERE `+where, arg).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count reviews: %w", err)
	}
	args := []any{arg, p.First + 1}
	cond := "true"
	if p.AfterID != "" {
		cond, args = after, append(args, p.AfterID)
	}
	rows, err := s.db.Query(ctx, `SELECT `+reviewColumns+` FROM reviews WHERE `+where+` AND `+cond+`
		ORDER BY `+order+` LIMIT $2`, args...)
	list, err := collect(rows, err)
	if err != nil {
		return nil, 0, fmt.Errorf("list reviews: %w", err)
	}
	return list, total, nil
}
