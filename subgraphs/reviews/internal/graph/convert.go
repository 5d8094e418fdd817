package graph

import (
	"github.com/purra/supergraph/subgraphs/reviews/internal/app"
	"github.com/purra/supergraph/subgraphs/reviews/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/reviews/internal/review"
)

func toReview(r review.Review) *model.ProductReview {
	return &model.ProductReview{
		ID: r.ID, ProductID: r.ProductID, AuthorID: r.UserID, Rating: r.Rating, Title: r.Title, Text: r.Text,
		Status: model.ReviewStatus(r.Status), RejectionReason: r.RejectionReason, Verified: r.Verified,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}
}

func toConnection(l app.List) *model.ReviewConnection {
	edges := make([]*model.ReviewEdge, len(l.Reviews))
	for i, r := range l.Reviews {
		edges[i] = &model.ReviewEdge{Cursor: review.Cursor(l.Sort, r), Node: toReview(r)}
	}
	info := &model.PageInfo{HasNextPage: l.HasNext}
	if len(edges) > 0 {
		info.EndCursor = &edges[len(edges)-1].Cursor
	}
	return &model.ReviewConnection{Edges: edges, PageInfo: info, TotalCount: l.Total}
}

// toRating lists the buckets from 5 stars down to 1.
func toRating(r review.Rating) *model.ProductRating {
	buckets := make([]*model.RatingBucket, 0, len(r.Stars))
	for stars := len(r.Stars); stars >= 1; stars-- {
		buckets = append(buckets, &model.RatingBucket{Stars: stars, Count: r.Stars[stars-1]})
	}
	return &model.ProductRating{Average: r.Average(), Count: r.Count(), Distribution: buckets}
}

func sortOf(s *model.ReviewSort) review.Sort {
	if s == nil {
		return review.Newest
	}
	return review.Sort(*s)
}
