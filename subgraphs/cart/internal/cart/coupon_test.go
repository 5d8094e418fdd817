package cart

import (
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/errs"
)

func TestNormalizeCouponCode(t *testing.T) {
	t.Parallel()
	ok := map[string]string{"welcome10": "WELCOME10", "  Flat500 ": "FLAT500", "A-B_C": "A-B_C", strings.Repeat("X", 32): strings.Repeat("X", 32)}
	for in, want := range ok {
		got, err := NormalizeCouponCode("code", in)
		if err != nil || got != want {
			t.Errorf("%q → %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "   ", strings.Repeat("X", 33), strings.Repeat("X", 10_000), "WEL COME", "DROP;--", "ÉTÉ", "A\x00B"} {
		_, err := NormalizeCouponCode("code", in)
		wantErr(t, err, errs.BadUserInput, "code", "")
	}
}

func TestRejectionErr(t *testing.T) {
	t.Parallel()
	for reason, code := range map[string]errs.Code{
		RejectNotFound: errs.BadUserInput, RejectExpired: errs.BadUserInput, RejectNotStarted: errs.BadUserInput,
		RejectInactive: errs.BadUserInput, RejectBelowMinimum: errs.BadUserInput, RejectNotEligible: errs.BadUserInput,
		RejectLimitReached: errs.Conflict, RejectUserLimitReached: errs.Conflict,
	} {
		err := Rejection{Code: "X", Reason: reason, Message: "no"}.Err("code")
		field := "code"
		if code == errs.Conflict {
			field = ""
		}
		wantErr(t, err, code, field, reason)
	}
}

func TestShippingAddress(t *testing.T) {
	t.Parallel()
	addrs := []Address{{ID: "a1", State: "MAHARASHTRA"}, {ID: "a2", State: "GUJARAT", IsDefault: true}}
	if a, ok, err := ShippingAddress(addrs, "a1"); err != nil || !ok || a.State != "MAHARASHTRA" {
		t.Fatalf("given: %+v %v %v", a, ok, err)
	}
	if a, ok, err := ShippingAddress(addrs, ""); err != nil || !ok || a.ID != "a2" {
		t.Fatalf("default: %+v %v %v", a, ok, err)
	}
	if _, ok, err := ShippingAddress(nil, ""); err != nil || ok {
		t.Fatalf("none: %v %v", ok, err)
	}
	_, _, err := ShippingAddress(addrs, "someone-elses")
	wantErr(t, err, errs.NotFound, "shippingAddressId", "")
}
