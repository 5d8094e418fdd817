package server_test

import (
	"encoding/json"
	"testing"
)

const (
	approve = `mutation($id: ID!) { approveReview(id: $id) { id status rejectionReason } }`
	reject  = `mutation($id: ID!, $reason: String!) { rejectReview(id: $id, reason: $reason) { id status rejectionReason } }`
	pending = `query($first: Int, $after: String) { pendingReviews(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }`
	ratingQuery = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { id
  rating { average count distribution { stars count } } } } }`
)

// Moderation needs reviews:moderate: no token is UNAUTHENTICATED, a shopper
// or an admin without it FORBIDDEN; an allowed approval writes exactly one
// admin.action to the outbox, in the same transaction.
func TestModerationPermissions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	author := e.buyer(product)
	r := e.submitted(author, product, 5)
	id := map[string]any{"id": r.ID}
	rejectVars := map[string]any{"id": r.ID, "reason": "Off-topic"}

	for _, op := range []struct {
		query string
		vars  map[string]any
	}{{approve, id}, {reject, rejectVars}, {pending, nil}} {
		wantErr(t, e.do(anonymous, op.query, op.vars, nil), "UNAUTHENTICATED", "", "")
		wantErr(t, e.do(author, op.query, op.vars, nil), "FORBIDDEN", "", "")
		wantErr(t, e.do(e.admin("catalog:write", "users:ban"), op.query, op.vars, nil), "FORBIDDEN", "", "")
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type <> 'review.submitted'`); n != 0 {
		t.Fatalf("%d events written by refused moderation", n)
	}

	mod := e.admin("reviews:moderate")
	var queue struct {
		PendingReviews struct {
			TotalCount int `json:"totalCount"`
			Edges      []struct {
				Node reviewOut `json:"node"`
			} `json:"edges"`
		} `json:"pendingReviews"`
	}
	e.must(mod, pending, nil, &queue)
	if queue.PendingReviews.TotalCount != 1 || queue.PendingReviews.Edges[0].Node.ID != r.ID {
		t.Fatalf("pending = %+v", queue)
	}

	var out struct {
		ApproveReview reviewOut `json:"approveReview"`
	}
	e.must(mod, approve, id, &out)
	if out.ApproveReview.Status != "APPROVED" {
		t.Fatalf("approved = %+v", out.ApproveReview)
	}
	var envelope []byte
	if err := e.d.DB.QueryRow(t.Context(), `SELECT envelope FROM outbox WHERE type = 'admin.action'`).Scan(&envelope); err != nil {
		t.Fatalf("exactly one admin.action: %v", err)
	}
	var env struct {
		Payload struct {
			AdminID, Permission, Action, TargetType, TargetID, Service string
			Before, After                                              struct{ Status string }
		}
	}
	if err := json.Unmarshal(envelope, &env); err != nil {
		t.Fatal(err)
	}
	p := env.Payload
	if p.AdminID != mod.id || p.Permission != "reviews:moderate" || p.Action != "review.approve" || p.TargetType != "ProductReview" ||
		p.TargetID != r.ID || p.Service != "reviews" || p.Before.Status != "PENDING" || p.After.Status != "APPROVED" {
		t.Fatalf("admin.action = %+v", p)
	}

	// Illegal transitions are CONFLICT and audit nothing.
	wantErr(t, e.do(mod, approve, id, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	var rejected struct {
		RejectReview reviewOut `json:"rejectReview"`
	}
	wantErr(t, e.do(mod, reject, map[string]any{"id": r.ID, "reason": "no"}, nil), "BAD_USER_INPUT", "reason", "")
	e.must(mod, reject, map[string]any{"id": r.ID, "reason": "  Contains a <b>phone number</b> "}, &rejected)
	if rr := rejected.RejectReview; rr.Status != "REJECTED" || rr.RejectionReason == nil || *rr.RejectionReason != "Contains a phone number" {
		t.Fatalf("rejected = %+v", rr)
	}
	wantErr(t, e.do(mod, reject, rejectVars, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	wantErr(t, e.do(mod, approve, id, nil), "CONFLICT", "", "ILLEGAL_TRANSITION")
	wantErr(t, e.do(mod, approve, map[string]any{"id": newID()}, nil), "NOT_FOUND", "", "")
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`); n != 2 {
		t.Fatalf("%d admin.action rows, want 2 (approve, reject)", n)
	}
}

type ratingOut struct {
	Average      float64 `json:"average"`
	Count        int     `json:"count"`
	Distribution []struct {
		Stars int `json:"stars"`
		Count int `json:"count"`
	} `json:"distribution"`
}

func (e *env) rating(product string) ratingOut {
	e.t.Helper()
	var out struct {
		Entities []struct {
			Rating ratingOut `json:"rating"`
		} `json:"_entities"`
	}
	e.must(anonymous, ratingQuery, map[string]any{"reps": productReps(product)}, &out)
	return out.Entities[0].Rating
}

// lastRatingEvent is the payload of the product's latest product.rating_changed.
func (e *env) lastRatingEvent(product string) (average float64, count int) {
	e.t.Helper()
	err := e.d.DB.QueryRow(e.t.Context(), `SELECT (envelope->'payload'->>'average')::float8, (envelope->'payload'->>'count')::int
		FROM outbox WHERE type = 'product.rating_changed' AND key = $1 ORDER BY seq DESC LIMIT 1`, product).Scan(&average, &count)
	if err != nil {
		e.t.Fatalf("rating event: %v", err)
	}
	return average, count
}

// The rollup counts APPROVED reviews only and follows every approval,
// rejection, edit and deletion, each publishing product.rating_changed.
func TestRatingRollup(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	mod := e.admin("reviews:moderate")
	if r := e.rating(product); r.Count != 0 || r.Average != 0 || len(r.Distribution) != 5 {
		t.Fatalf("unreviewed = %+v", r)
	}
	five, four, two := e.buyer(product), e.buyer(product), e.buyer(product)
	r5, r4, r2 := e.submitted(five, product, 5), e.submitted(four, product, 4), e.submitted(two, product, 2)
	if r := e.rating(product); r.Count != 0 {
		t.Fatalf("pending reviews counted: %+v", r)
	}
	for _, r := range []reviewOut{r5, r4, r2} {
		e.must(mod, approve, map[string]any{"id": r.ID}, nil)
	}
	check := func(step string, average float64, count int, buckets [5]int) {
		t.Helper()
		r := e.rating(product)
		if r.Average != average || r.Count != count {
			t.Fatalf("%s: rating = %+v, want %v over %d", step, r, average, count)
		}
		for i, b := range r.Distribution {
			if b.Stars != 5-i || b.Count != buckets[i] {
				t.Fatalf("%s: distribution = %+v, want %v (5..1)", step, r.Distribution, buckets)
			}
		}
		if a, c := e.lastRatingEvent(product); a != average || c != count {
			t.Fatalf("%s: product.rating_changed = %v/%d", step, a, c)
		}
	}
	check("three approved", 3.67, 3, [5]int{1, 1, 0, 1, 0})

	e.must(mod, reject, map[string]any{"id": r2.ID, "reason": "Not about the product"}, nil)
	check("2-star taken down", 4.5, 2, [5]int{1, 1, 0, 0, 0})

	e.must(five, update, map[string]any{"id": r5.ID, "input": map[string]any{"rating": 1, "title": "Broke", "text": "Died after a week."}}, nil)
	check("approved 5 edited to 1 (pending again)", 4, 1, [5]int{0, 1, 0, 0, 0})

	e.must(mod, approve, map[string]any{"id": r5.ID}, nil)
	check("edit approved", 2.5, 2, [5]int{0, 1, 0, 0, 1})

	e.must(four, `mutation($id: ID!) { deleteMyReview(id: $id) }`, map[string]any{"id": r4.ID}, nil)
	check("4-star deleted", 1, 1, [5]int{0, 0, 0, 0, 1})

	// Rejecting a pending review leaves the approved set, and publishes no rating.
	events := e.count(`SELECT count(*) FROM outbox WHERE type = 'product.rating_changed'`)
	late := e.buyer(product)
	e.must(mod, reject, map[string]any{"id": e.submitted(late, product, 5).ID, "reason": "Spam link"}, nil)
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'product.rating_changed'`); n != events {
		t.Fatalf("rating_changed published for an unchanged rollup (%d → %d)", events, n)
	}
}
