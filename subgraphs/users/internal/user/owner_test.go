package user

import (
	"errors"
	"testing"
)

func TestApply(t *testing.T) {
	t.Parallel()
	o, err := Apply("o1", "u1", OwnerApplication{BusinessName: " TechHub ", GSTIN: "29aabct1234h1zi", PAN: "aabct1234h"}, now())
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != OwnerPending || o.GSTIN != "29AABCT1234H1ZI" || o.PAN != "AABCT1234H" || o.BusinessName != "TechHub" {
		t.Fatalf("owner = %+v", o)
	}
	cases := map[string]struct {
		app   OwnerApplication
		field string
	}{
		"pan mismatch": {OwnerApplication{BusinessName: "X", GSTIN: "29AABCT1234H1ZI", PAN: "AAPFU0939F"}, "pan"},
		"gstin sum":    {OwnerApplication{BusinessName: "X", GSTIN: "29AAACR5055K1Z5", PAN: "AAACR5055K"}, "gstin"},
		"bad pan":      {OwnerApplication{BusinessName: "X", GSTIN: "29AABCT1234H1ZI", PAN: "123"}, "pan"},
		"no name":      {OwnerApplication{GSTIN: "29AABCT1234H1ZI", PAN: "AABCT1234H"}, "businessName"},
	}
	for name, c := range cases {
		if _, err := Apply("o1", "u1", c.app, now()); field(t, err) != c.field {
			t.Errorf("%s: want field %s", name, c.field)
		}
	}
}

func TestOwnerReview(t *testing.T) {
	t.Parallel()
	o, _ := Apply("o1", "u1", OwnerApplication{BusinessName: "X", GSTIN: "29AABCT1234H1ZI", PAN: "AABCT1234H"}, now())
	if err := o.Approve(now()); err != nil || o.Status != OwnerApproved || o.ReviewedAt == nil {
		t.Fatalf("Approve: %v %+v", err, o)
	}
	if err := o.Approve(now()); !errors.Is(err, ErrOwnerNotPending) {
		t.Fatalf("second Approve: %v", err)
	}
	if err := o.Reject("late", now()); !errors.Is(err, ErrOwnerNotPending) {
		t.Fatalf("Reject after Approve: %v", err)
	}
	r, _ := Apply("o2", "u2", OwnerApplication{BusinessName: "X", GSTIN: "29AABCT1234H1ZI", PAN: "AABCT1234H"}, now())
	if err := r.Reject("", now()); field(t, err) != "reason" {
		t.Fatal("empty reason accepted")
	}
	if err := r.Reject("GSTIN cancelled", now()); err != nil || r.Status != OwnerRejected || r.RejectionReason != "GSTIN cancelled" {
		t.Fatalf("Reject: %v %+v", err, r)
	}
}
