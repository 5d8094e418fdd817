package review

import (
	"errors"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

var illegal = &errs.Error{Code: errs.Conflict, Reason: "ILLEGAL_TRANSITION"}

func TestTransitions(t *testing.T) {
	now := time.Now()
	r := Review{Status: Pending, Rating: 4}
	if err := r.Reject("spam", now); err != nil || r.Status != Rejected || *r.RejectionReason != "spam" {
		t.Fatalf("reject pending: %v %+v", err, r)
	}
	if err := r.Reject("again", now); !errors.Is(err, illegal) {
		t.Fatalf("reject rejected: %v", err)
	}
	if err := r.Approve(now); !errors.Is(err, illegal) {
		t.Fatalf("approve rejected: %v", err)
	}
	r.Edit(Content{Rating: 5, Title: "t", Text: "x"}, now)
	if r.Status != Pending || r.RejectionReason != nil {
		t.Fatalf("edited rejected review: %+v", r)
	}
	if err := r.Approve(now); err != nil || r.Status != Approved {
		t.Fatalf("approve pending: %v", err)
	}
	if err := r.Approve(now); !errors.Is(err, illegal) {
		t.Fatalf("approve approved: %v", err)
	}
	if err := r.Reject("taken down", now); err != nil || r.Status != Rejected {
		t.Fatalf("take down approved: %v", err)
	}
}

func TestRatingDeltas(t *testing.T) {
	approved4 := Review{Status: Approved, Rating: 4}
	pending5 := Review{Status: Pending, Rating: 5}
	if d := Change(Review{}, pending5); !d.IsZero() {
		t.Fatalf("submitting changes the rating: %v", d)
	}
	if d := Change(pending5, Review{Status: Approved, Rating: 5}); d != (Delta{0, 0, 0, 0, 1}) {
		t.Fatalf("approve: %v", d)
	}
	if d := Change(approved4, Review{Status: Pending, Rating: 2}); d != (Delta{0, 0, 0, -1, 0}) {
		t.Fatalf("edit approved: %v", d)
	}
	if d := Change(approved4, Review{}); d != (Delta{0, 0, 0, -1, 0}) {
		t.Fatalf("delete approved: %v", d)
	}
	r := Rating{Stars: [5]int{0, 1, 0, 1, 1}}
	if r.Count() != 3 || r.Average() != 3.67 {
		t.Fatalf("count %d average %v", r.Count(), r.Average())
	}
	if (Rating{}).Average() != 0 {
		t.Fatal("empty rating average is not 0")
	}
}

func TestPageCursor(t *testing.T) {
	r := Review{ID: "01937a00-0000-7000-8000-000000000001", Rating: 4}
	after := Cursor(Highest, r)
	p, err := ParsePage(nil, &after, Highest)
	if err != nil || p.AfterID != r.ID || p.AfterRating != 4 || p.First != 10 {
		t.Fatalf("page = %+v, %v", p, err)
	}
	for _, tc := range []struct {
		first *int
		after string
		sort  Sort
		field string
	}{
		{ptr(0), "", Newest, "first"},
		{ptr(MaxPage + 1), "", Newest, "first"},
		{nil, after, Lowest, "after"}, // a cursor of another sort
		{nil, "!!", Newest, "after"},
		{nil, Cursor(Newest, Review{ID: "x"}), Newest, "after"},
	} {
		after := tc.after
		if _, err := ParsePage(tc.first, &after, tc.sort); !errors.Is(err, &errs.Error{Code: errs.BadUserInput, Field: tc.field}) {
			t.Fatalf("ParsePage(%v, %q, %s) = %v", tc.first, tc.after, tc.sort, err)
		}
	}
}

func ptr(n int) *int { return &n }
