package user

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

func TestBanReason(t *testing.T) {
	for _, bad := range []string{"", "  ", "ab", strings.Repeat("x", 501), strings.Repeat("x", 10_000), "a\x00bc", "ab\u202Ec"} {
		if _, err := BanReason("reason", bad); errs.CodeOf(err) != errs.BadUserInput {
			t.Errorf("BanReason(%.20q) = %v, want BAD_USER_INPUT", bad, err)
		}
	}
	if r, err := BanReason("reason", "  spam  "); err != nil || r != "spam" {
		t.Fatalf("BanReason = %q, %v", r, err)
	}
	if _, err := BanReason("reason", strings.Repeat("ह", 500)); err != nil {
		t.Fatalf("500 Devanagari characters: %v", err)
	}
}

func TestBanUnban(t *testing.T) {
	now := time.Now()
	u := User{ID: "u"}
	if err := u.Unban(now); !errors.Is(err, ErrNotBanned) {
		t.Fatalf("unban of a user not banned: %v", err)
	}
	if err := u.Ban("spam", now); err != nil || !u.Banned() || u.BanReason != "spam" {
		t.Fatalf("ban: %v %+v", err, u)
	}
	if ev := BannedEvent(u); ev.EventType() != "user.banned" || ev.Reason != "spam" || ev.UserID != "u" {
		t.Fatalf("banned event %+v", ev)
	}
	if err := u.Ban("again", now); !errors.Is(err, ErrAlreadyBanned) {
		t.Fatalf("second ban: %v", err)
	}
	if err := u.Unban(now); err != nil || u.Banned() || u.BanReason != "" || u.UnbannedAt == nil {
		t.Fatalf("unban: %v %+v", err, u)
	}
	if ev := UnbannedEvent(u); ev.EventType() != "user.unbanned" {
		t.Fatalf("unbanned event %+v", ev)
	}
}

func TestOwnerReviewEvents(t *testing.T) {
	now := time.Now()
	o := Owner{ID: "o", UserID: "u", Status: OwnerPending}
	if err := o.Approve(now); err != nil || ReviewedEvent(o).EventType() != "owner.approved" {
		t.Fatalf("approve: %v", err)
	}
	u := User{Role: RoleRetailer}
	if !u.GrantOwner(now) || u.Role != RoleOwner || u.GrantOwner(now) {
		t.Fatalf("GrantOwner: %+v", u)
	}
	r := Owner{ID: "r", Status: OwnerPending}
	if err := r.Reject("bad GSTIN", now); err != nil || ReviewedEvent(r).EventType() != "owner.rejected" || ReviewedEvent(r).Reason != "bad GSTIN" {
		t.Fatalf("reject: %v", err)
	}
}
