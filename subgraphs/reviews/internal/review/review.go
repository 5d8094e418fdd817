// Package review is the reviews domain: what a review is, what makes its
// content acceptable, how moderation moves it between statuses, the rating
// rollup and the events published when any of it changes. No SQL, no GraphQL.
package review

import (
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Status is where a review is in moderation.
type Status string

const (
	Pending  Status = "PENDING"
	Approved Status = "APPROVED"
	Rejected Status = "REJECTED"
)

// Review is one buyer's review of one product.
type Review struct {
	ID              string
	ProductID       string
	UserID          string
	Rating          int
	Title           string
	Text            string
	Status          Status
	RejectionReason *string
	// Verified is always true: only buyers of a delivered product may review it.
	Verified  bool
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Errors a client can cause.
var (
	ErrNotVerifiedBuyer = errs.Denied("only buyers who received this product may review it").WithReason("NOT_A_VERIFIED_BUYER")
	ErrAlreadyReviewed  = errs.Conflicting("you have already reviewed this product").WithReason("ALREADY_REVIEWED")
	ErrNotFound         = errs.Missing("review")
	ErrIllegalStatus    = errs.Conflicting("illegal review status transition").WithReason("ILLEGAL_TRANSITION")
)

// Edit replaces r's content. An approved or rejected review is moderated
// again: it returns to PENDING (and so leaves the product's rating).
func (r *Review) Edit(c Content, now time.Time) {
	r.Rating, r.Title, r.Text = c.Rating, c.Title, c.Text
	r.Status, r.RejectionReason, r.UpdatedAt = Pending, nil, now
}

// Approve publishes a pending review.
func (r *Review) Approve(now time.Time) error {
	if r.Status != Pending {
		return errs.Conflicting("only a PENDING review can be approved; this one is %s", r.Status).WithReason("ILLEGAL_TRANSITION")
	}
	r.Status, r.RejectionReason, r.UpdatedAt = Approved, nil, now
	return nil
}

// Reject refuses a pending review or takes down an approved one.
func (r *Review) Reject(reason string, now time.Time) error {
	if r.Status == Rejected {
		return errs.Conflicting("the review is already REJECTED").WithReason("ILLEGAL_TRANSITION")
	}
	r.Status, r.RejectionReason, r.UpdatedAt = Rejected, &reason, now
	return nil
}
