package user

import (
	"github.com/purra/supergraph/platform/india"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// OwnerStatus is where an owner application stands.
type OwnerStatus string

const (
	OwnerPending  OwnerStatus = "PENDING"
	OwnerApproved OwnerStatus = "APPROVED"
	OwnerRejected OwnerStatus = "REJECTED"
)

var (
	ErrOwnerApplicationExists = errs.Conflicting("you have already applied to become an owner").WithReason("OWNER_APPLICATION_EXISTS")
	ErrOwnerNotPending        = errs.Conflicting("the application has already been reviewed").WithReason("OWNER_NOT_PENDING")
)

// Owner is a user's application to sell on Purra, and once approved their
// vendor profile.
type Owner struct {
	ID, UserID   string
	BusinessName string
	GSTIN, PAN   string
	Status       OwnerStatus
	CreatedAt    time.Time
	ReviewedAt   *time.Time
	// RejectionReason says why a rejected application was refused.
	RejectionReason string
}

// OwnerApplication is what a user submits.
type OwnerApplication struct {
	BusinessName, GSTIN, PAN string
}

// Apply validates app and returns a pending application by userID.
func Apply(id, userID string, app OwnerApplication, now time.Time) (Owner, error) {
	name, err := Text("businessName", app.BusinessName, 1, MaxBusinessNameLen)
	if err != nil {
		return Owner{}, err
	}
	gstin, err := india.NormalizeGSTIN("gstin", app.GSTIN)
	if err != nil {
		return Owner{}, err
	}
	pan, err := india.NormalizePAN("pan", app.PAN)
	if err != nil {
		return Owner{}, err
	}
	if india.PANOfGSTIN(gstin) != pan {
		return Owner{}, errs.BadInput("pan", "does not match the GSTIN (characters 3–12)")
	}
	return Owner{ID: id, UserID: userID, BusinessName: name, GSTIN: gstin, PAN: pan, Status: OwnerPending, CreatedAt: now}, nil
}

// Approve accepts a pending application; the user's role then becomes OWNER
// (the store applies both in one transaction). Exposed with the admin issue.
func (o *Owner) Approve(now time.Time) error {
	if o.Status != OwnerPending {
		return ErrOwnerNotPending
	}
	o.Status, o.ReviewedAt = OwnerApproved, &now
	return nil
}

// Reject refuses a pending application with a reason shown to the applicant.
func (o *Owner) Reject(reason string, now time.Time) error {
	if o.Status != OwnerPending {
		return ErrOwnerNotPending
	}
	r, err := Text("reason", reason, 1, 500)
	if err != nil {
		return err
	}
	o.Status, o.ReviewedAt, o.RejectionReason = OwnerRejected, &now, r
	return nil
}

// MaxRejectionReasonLen bounds the reason given to a rejected applicant.
const MaxRejectionReasonLen = 500

// RejectionReason validates the reason for a rejection (1–500 characters).
func RejectionReason(field, reason string) (string, error) {
	return Text(field, reason, 1, MaxRejectionReasonLen)
}

// OwnerReviewed is the payload of owner.approved and owner.rejected (topic
// users.events, key = user id). Consumer: stores (who may open a store).
// Reason is empty for an approval.
type OwnerReviewed struct {
	OwnerID      string `json:"ownerId"`
	UserID       string `json:"userId"`
	BusinessName string `json:"businessName"`
	GSTIN        string `json:"gstin"`
	PAN          string `json:"pan"`
	Reason       string `json:"reason"`
	approved     bool
}

func (e OwnerReviewed) EventType() string {
	if e.approved {
		return "owner.approved"
	}
	return "owner.rejected"
}
func (OwnerReviewed) EventVersion() int { return 1 }

// ReviewedEvent describes the review of o (approved or rejected).
func ReviewedEvent(o Owner) OwnerReviewed {
	return OwnerReviewed{
		OwnerID: o.ID, UserID: o.UserID, BusinessName: o.BusinessName, GSTIN: o.GSTIN, PAN: o.PAN,
		Reason: o.RejectionReason, approved: o.Status == OwnerApproved,
	}
}

// GrantOwner makes u an OWNER, after the approval of their application; it
// reports whether the role changed.
func (u *User) GrantOwner(now time.Time) bool {
	if u.Role == RoleOwner {
		return false
	}
	u.Role, u.UpdatedAt = RoleOwner, now
	return true
}

// ErrOwnerNotFound: no owner application with that id.
var ErrOwnerNotFound = errs.Missing("owner application")
