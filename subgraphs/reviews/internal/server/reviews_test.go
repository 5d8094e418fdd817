package server_test

import (
	"strings"
	"testing"
)

const submit = `mutation($input: SubmitReviewInput!) { submitReview(input: $input) {
  id rating title text status verified rejectionReason product { id } author { id } } }`

const update = `mutation($id: ID!, $input: UpdateReviewInput!) { updateReview(id: $id, input: $input) { id rating title text status } }`

type reviewOut struct {
	ID              string  `json:"id"`
	Rating          int     `json:"rating"`
	Title           string  `json:"title"`
	Text            string  `json:"text"`
	Status          string  `json:"status"`
	Verified        bool    `json:"verified"`
	RejectionReason *string `json:"rejectionReason"`
	Product         struct {
		ID string `json:"id"`
	} `json:"product"`
	Author struct {
		ID string `json:"id"`
	} `json:"author"`
}

func input(product string, rating int, title, text string) map[string]any {
	return map[string]any{"input": map[string]any{"productId": product, "rating": rating, "title": title, "text": text}}
}

// submitted has c review product and returns the review.
func (e *env) submitted(c caller, product string, rating int) reviewOut {
	e.t.Helper()
	var out struct {
		SubmitReview reviewOut `json:"submitReview"`
	}
	e.must(c, submit, input(product, rating, "Solid buy", "Does what it says."), &out)
	return out.SubmitReview
}

// Only a buyer whose order was DELIVERED may review; the review starts
// PENDING and verified; a second review of the same product is CONFLICT.
func TestVerifiedPurchaseRequired(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	rahul := e.customer()
	vars := input(product, 5, "Great phone", "Battery lasts two days.")

	wantErr(t, e.do(rahul, submit, vars, nil), "FORBIDDEN", "", "NOT_A_VERIFIED_BUYER")
	// Shipped is not received.
	if err := e.apply(deliverEnvelope(t, rahul.id, "SHIPPED", e.catalog.variant(product))); err != nil {
		t.Fatal(err)
	}
	wantErr(t, e.do(rahul, submit, vars, nil), "FORBIDDEN", "", "NOT_A_VERIFIED_BUYER")
	// Someone else's delivery does not count for rahul.
	e.buyer(product)
	wantErr(t, e.do(rahul, submit, vars, nil), "FORBIDDEN", "", "NOT_A_VERIFIED_BUYER")
	if n := e.count(`SELECT count(*) FROM reviews`); n != 0 {
		t.Fatalf("%d reviews written by refused submissions", n)
	}

	e.delivered(rahul, product)
	var out struct {
		SubmitReview reviewOut `json:"submitReview"`
	}
	e.must(rahul, submit, vars, &out)
	r := out.SubmitReview
	if r.Status != "PENDING" || !r.Verified || r.Rating != 5 || r.Product.ID != product || r.Author.ID != rahul.id || r.RejectionReason != nil {
		t.Fatalf("review = %+v", r)
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'review.submitted' AND key = $1`, product); n != 1 {
		t.Fatalf("%d review.submitted events", n)
	}

	wantErr(t, e.do(rahul, submit, input(product, 1, "Changed my mind", "Again"), nil), "CONFLICT", "", "ALREADY_REVIEWED")
	wantErr(t, e.do(anonymous, submit, vars, nil), "UNAUTHENTICATED", "", "")
	if n := e.count(`SELECT count(*) FROM reviews`); n != 1 {
		t.Fatalf("%d reviews, want 1", n)
	}
}

// HTML, scripts and control characters never reach the database.
func TestSubmitSanitises(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	c := e.buyer(product)
	var out struct {
		SubmitReview reviewOut `json:"submitReview"`
	}
	e.must(c, submit, input(product, 4,
		"<h1>Great</h1> <b>phone</b>\x07\u202e",
		"<script>alert('xss')</script><p onclick=\"steal()\">Camera &amp; battery <i>excellent</i>.</p>\r\nSecond line\x00 &lt;img src=x onerror=alert(1)&gt;"),
		&out)
	want := "Camera & battery excellent.\nSecond line"
	if out.SubmitReview.Title != "Great phone" || out.SubmitReview.Text != want {
		t.Fatalf("cleaned = %q / %q", out.SubmitReview.Title, out.SubmitReview.Text)
	}
	var title, text string
	if err := e.d.DB.QueryRow(t.Context(), `SELECT title, body FROM reviews WHERE id = $1`, out.SubmitReview.ID).Scan(&title, &text); err != nil {
		t.Fatal(err)
	}
	if title != "Great phone" || text != want {
		t.Fatalf("stored = %q / %q", title, text)
	}
}

// Every bad input is BAD_USER_INPUT on its field, and nothing is written.
func TestSubmitBadInputWritesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	c := e.buyer(product)
	mine := e.submitted(c, product, 3)
	before := e.rows()
	for _, tc := range []struct {
		name   string
		vars   map[string]any
		field  string
		update bool
	}{
		{"rating 0", input(product, 0, "t", "x"), "rating", false},
		{"rating 6", input(product, 6, "t", "x"), "rating", false},
		{"bad product id", input("'; DROP TABLE reviews; --", 5, "t", "x"), "productId", false},
		{"empty title", input(product, 5, "   ", "x"), "title", false},
		{"title 121", input(product, 5, strings.Repeat("t", 121), "x"), "title", false},
		{"text of markup only", input(product, 5, "t", "<script>alert(1)</script><br/>"), "text", false},
		{"text 5001", input(product, 5, "t", strings.Repeat("x", 5001)), "text", false},
		{"10 KB title", input(product, 5, strings.Repeat("x", 10<<10), "x"), "title", false},
		{"edit to rating 9", map[string]any{"id": mine.ID, "input": map[string]any{"rating": 9, "title": "t", "text": "x"}}, "rating", true},
		{"edit to empty text", map[string]any{"id": mine.ID, "input": map[string]any{"rating": 2, "title": "t", "text": "\x00\x01"}}, "text", true},
	} {
		q := submit
		if tc.update {
			q = update
		}
		wantErr(t, e.do(c, q, tc.vars, nil), "BAD_USER_INPUT", tc.field, "")
		if after := e.rows(); after != before {
			t.Fatalf("%s: rows %v → %v", tc.name, before, after)
		}
	}
}

// The author edits their own review only; editing puts it back to PENDING.
func TestUpdateAndDeleteOwnReviewOnly(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	rahul, priya := e.buyer(product), e.buyer(product)
	r := e.submitted(rahul, product, 4)
	vars := map[string]any{"id": r.ID, "input": map[string]any{"rating": 2, "title": "Worse now", "text": "Battery degraded."}}

	wantErr(t, e.do(priya, update, vars, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(priya, update, map[string]any{"id": "nope", "input": vars["input"]}, nil), "NOT_FOUND", "", "")
	wantErr(t, e.do(anonymous, update, vars, nil), "UNAUTHENTICATED", "", "")
	var out struct {
		UpdateReview reviewOut `json:"updateReview"`
	}
	e.must(rahul, update, vars, &out)
	if out.UpdateReview.Rating != 2 || out.UpdateReview.Title != "Worse now" || out.UpdateReview.Status != "PENDING" {
		t.Fatalf("updated = %+v", out.UpdateReview)
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'review.updated'`); n != 1 {
		t.Fatalf("%d review.updated events", n)
	}

	const del = `mutation($id: ID!) { deleteMyReview(id: $id) }`
	wantErr(t, e.do(priya, del, map[string]any{"id": r.ID}, nil), "NOT_FOUND", "", "")
	var deleted struct {
		DeleteMyReview bool `json:"deleteMyReview"`
	}
	e.must(rahul, del, map[string]any{"id": r.ID}, &deleted)
	if !deleted.DeleteMyReview || e.count(`SELECT count(*) FROM reviews`) != 0 {
		t.Fatal("review not deleted")
	}
	// Deleted: the buyer may review again.
	e.submitted(rahul, product, 5)
}

// Public lists show APPROVED reviews only; the author sees their own in any
// status through myReviews, User.reviews and review(id); nobody else does.
func TestVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	rahul, priya := e.buyer(product), e.buyer(product)
	mod := e.admin("reviews:moderate")
	pending := e.submitted(rahul, product, 4)
	approved := e.submitted(priya, product, 5)
	e.must(mod, approve, map[string]any{"id": approved.ID}, nil)

	var page productPage
	e.must(anonymous, productReviews, map[string]any{"reps": productReps(product), "sort": "NEWEST"}, &page)
	if ids := page.ids(0); len(ids) != 1 || ids[0] != approved.ID || page.Entities[0].Reviews.TotalCount != 1 {
		t.Fatalf("public reviews = %+v", page)
	}

	const mine = `{ myReviews { totalCount edges { node { id status } } } }`
	var my struct {
		MyReviews struct {
			TotalCount int `json:"totalCount"`
			Edges      []struct {
				Node reviewOut `json:"node"`
			} `json:"edges"`
		} `json:"myReviews"`
	}
	e.must(rahul, mine, nil, &my)
	if my.MyReviews.TotalCount != 1 || my.MyReviews.Edges[0].Node.ID != pending.ID || my.MyReviews.Edges[0].Node.Status != "PENDING" {
		t.Fatalf("myReviews = %+v", my)
	}
	wantErr(t, e.do(anonymous, mine, nil, nil), "UNAUTHENTICATED", "", "")

	const userReviews = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id reviews { totalCount edges { node { id } } } } } }`
	var users struct {
		Entities []struct {
			ID      string `json:"id"`
			Reviews *struct {
				TotalCount int `json:"totalCount"`
			} `json:"reviews"`
		} `json:"_entities"`
	}
	reps := map[string]any{"reps": []map[string]any{{"__typename": "User", "id": rahul.id}, {"__typename": "User", "id": priya.id}}}
	e.must(rahul, userReviews, reps, &users)
	if users.Entities[0].Reviews == nil || users.Entities[0].Reviews.TotalCount != 1 || users.Entities[1].Reviews != nil {
		t.Fatalf("User.reviews = %+v", users.Entities)
	}

	const one = `query($id: ID!) { review(id: $id) { id status } }`
	var got struct {
		Review *reviewOut `json:"review"`
	}
	e.must(priya, one, map[string]any{"id": pending.ID}, &got)
	if got.Review != nil {
		t.Fatal("another user sees a pending review")
	}
	for _, c := range []caller{rahul, mod} {
		e.must(c, one, map[string]any{"id": pending.ID}, &got)
		if got.Review == nil || got.Review.Status != "PENDING" {
			t.Fatalf("%s cannot see the pending review", c.id)
		}
	}
	e.must(anonymous, one, map[string]any{"id": approved.ID}, &got)
	if got.Review == nil {
		t.Fatal("approved review hidden from the public")
	}
}
