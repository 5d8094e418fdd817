package promo

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

func percentInput() CouponInput {
	return CouponInput{Code: " welcome10 ", Description: "10% off", Type: Percent, PercentOff: ptr(10)}
}

func TestNewCoupon(t *testing.T) {
	t.Parallel()
	c, assigned, err := NewCoupon("id", percentInput(), now)
	if err != nil || c.Code != "WELCOME10" || !c.Active || !c.StartsAt.Equal(now) || c.AssignedOnly || len(assigned) != 0 {
		t.Fatalf("NewCoupon = %+v %v %v", c, assigned, err)
	}
	in := percentInput()
	in.AssignedUsers = []string{"00000000-0000-4000-8000-00000000000A", "00000000-0000-4000-8000-00000000000a"}
	c, assigned, err = NewCoupon("id", in, now)
	if err != nil || !c.AssignedOnly || len(assigned) != 1 || assigned[0] != "00000000-0000-4000-8000-00000000000a" {
		t.Fatalf("assigned users: %+v %v %v", c, assigned, err)
	}
}

func TestNewCouponRefuses(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 10_000)
	for _, tc := range []struct {
		name  string
		mut   func(in *CouponInput)
		field string
	}{
		{"code too short", func(in *CouponInput) { in.Code = "AB" }, "code"},
		{"code too long", func(in *CouponInput) { in.Code = strings.Repeat("A", 33) }, "code"},
		{"code of 10 KB", func(in *CouponInput) { in.Code = long }, "code"},
		{"code with a space", func(in *CouponInput) { in.Code = "WELCOME 10" }, "code"},
		{"code with unicode", func(in *CouponInput) { in.Code = "DIWALI₹" }, "code"},
		{"empty description", func(in *CouponInput) { in.Description = "  " }, "description"},
		{"description of 10 KB", func(in *CouponInput) { in.Description = long }, "description"},
		{"description with control characters", func(in *CouponInput) { in.Description = "a\x00b" }, "description"},
		{"percent 0", func(in *CouponInput) { in.PercentOff = ptr(0) }, "percentOff"},
		{"percent 91", func(in *CouponInput) { in.PercentOff = ptr(91) }, "percentOff"},
		{"percent missing", func(in *CouponInput) { in.PercentOff = nil }, "percentOff"},
		{"amount on a PERCENT coupon", func(in *CouponInput) { in.AmountOff = ptr[int64](100) }, "amountOff"},
		{"FLAT without amount", func(in *CouponInput) { in.Type, in.PercentOff = Flat, nil }, "amountOff"},
		{"FLAT with percent", func(in *CouponInput) { in.Type, in.AmountOff = Flat, ptr[int64](100) }, "percentOff"},
		{"FLAT amount 0", func(in *CouponInput) { in.Type, in.PercentOff, in.AmountOff = Flat, nil, ptr[int64](0) }, "amountOff"},
		{"FLAT with a cap", func(in *CouponInput) {
			in.Type, in.PercentOff, in.AmountOff, in.MaxDiscount = Flat, nil, ptr[int64](100), ptr[int64](50)
		}, "maxDiscount"},
		{"cap 0", func(in *CouponInput) { in.MaxDiscount = ptr[int64](0) }, "maxDiscount"},
		{"negative minimum", func(in *CouponInput) { in.MinOrderValue = ptr[int64](-1) }, "minOrderValue"},
		{"absurd minimum", func(in *CouponInput) { in.MinOrderValue = ptr[int64](MaxAmountPaise + 1) }, "minOrderValue"},
		{"ends before it starts", func(in *CouponInput) { in.StartsAt, in.EndsAt = ptr(now), ptr(now.Add(-time.Second)) }, "endsAt"},
		{"ends when it starts", func(in *CouponInput) { in.EndsAt = ptr(now) }, "endsAt"},
		{"usage limit 0", func(in *CouponInput) { in.UsageLimit = ptr(0) }, "usageLimit"},
		{"per-user limit 0", func(in *CouponInput) { in.PerUserLimit = ptr(0) }, "perUserLimit"},
		{"per-user limit absurd", func(in *CouponInput) { in.PerUserLimit = ptr(MaxPerUserLimit + 1) }, "perUserLimit"},
		{"category not a UUID", func(in *CouponInput) { in.CategoryIDs = []string{"audio"} }, "categoryIds"},
		{"too many brands", func(in *CouponInput) { in.BrandIDs = make([]string, MaxRestrictionIDs+1) }, "brandIds"},
		{"unknown role", func(in *CouponInput) { in.BuyerRoles = []string{"ADMIN"} }, "buyerRoles"},
		{"assigned user not a UUID", func(in *CouponInput) { in.AssignedUsers = []string{"rahul"} }, "assignedUserIds"},
		{"unknown type", func(in *CouponInput) { in.Type = "BOGO" }, "type"},
	} {
		in := percentInput()
		tc.mut(&in)
		_, _, err := NewCoupon("id", in, now)
		if !errors.Is(err, errs.BadInput(tc.field, "")) {
			t.Errorf("%s: got %v, want BAD_USER_INPUT on %s", tc.name, err, tc.field)
		}
	}
}

func TestCouponApply(t *testing.T) {
	t.Parallel()
	c, _, err := NewCoupon("id", percentInput(), now)
	if err != nil {
		t.Fatal(err)
	}
	later := now.Add(time.Hour)
	end := now.Add(48 * time.Hour)
	edit, err := c.Apply(CouponPatch{
		Description: ptr("new"), PercentOff: ptr(10), MaxDiscount: To(ptr[int64](5000)), EndsAt: To(&end),
		UsageLimit: To(ptr(3)), AssignedUsers: To([]string{}),
	}, later)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"description", "maxDiscount", "endsAt", "usageLimit", "assignedUserIds"}
	if strings.Join(edit.Changed, ",") != strings.Join(want, ",") || !edit.Coupon.UpdatedAt.Equal(later) {
		t.Fatalf("changed %v (percentOff kept its value), updatedAt %v", edit.Changed, edit.Coupon.UpdatedAt)
	}
	if !edit.Assigned.Set || len(edit.Assigned.Value) != 0 || edit.Coupon.AssignedOnly {
		t.Fatalf("assigned %+v", edit.Assigned)
	}
	// null clears; unset leaves alone.
	edit, err = edit.Coupon.Apply(CouponPatch{MaxDiscount: To[*int64](nil), EndsAt: To[*time.Time](nil)}, later)
	if err != nil || edit.Coupon.MaxDiscount != nil || edit.Coupon.EndsAt != nil || edit.Coupon.UsageLimit == nil {
		t.Fatalf("clear: %+v %v", edit.Coupon, err)
	}
	if edit, err := c.Apply(CouponPatch{}, later); err != nil || len(edit.Changed) != 0 || !edit.Coupon.UpdatedAt.Equal(now) {
		t.Fatalf("empty patch: %+v %v", edit, err)
	}
	for _, tc := range []struct {
		name  string
		p     CouponPatch
		field string
	}{
		{"amount on PERCENT", CouponPatch{AmountOff: ptr[int64](5)}, "amountOff"},
		{"percent 95", CouponPatch{PercentOff: ptr(95)}, "percentOff"},
		{"end in the past", CouponPatch{EndsAt: To(ptr(now.Add(-time.Hour)))}, "endsAt"},
		{"start after the end", CouponPatch{EndsAt: To(&end), StartsAt: ptr(end.Add(time.Hour))}, "endsAt"},
		{"blank description", CouponPatch{Description: ptr("")}, "description"},
	} {
		if _, err := c.Apply(tc.p, now); !errors.Is(err, errs.BadInput(tc.field, "")) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestCouponStatusAndRejectionErrors(t *testing.T) {
	t.Parallel()
	c := coupon(func(c *Coupon) { c.EndsAt = ptr(now.Add(time.Hour)) })
	for _, tc := range []struct {
		at   time.Time
		want Status
	}{{now, StatusActive}, {now.Add(-2 * time.Hour), StatusScheduled}, {now.Add(time.Hour), StatusExpired}} {
		if got := c.StatusAt(tc.at); got != tc.want {
			t.Errorf("status at %v = %s, want %s", tc.at, got, tc.want)
		}
	}
	c.Active = false
	if c.StatusAt(now) != StatusInactive {
		t.Fatal("inactive")
	}
	for reason, want := range map[RejectionReason]*errs.Error{
		LimitReached:     errs.Conflicting("").WithReason("COUPON_LIMIT_REACHED"),
		UserLimitReached: errs.Conflicting("").WithReason("USER_LIMIT_REACHED"),
		Expired:          errs.BadInput("couponCode", "").WithReason("EXPIRED"),
		BelowMinimum:     errs.BadInput("couponCode", "").WithReason("BELOW_MINIMUM"),
		NotFound:         errs.BadInput("couponCode", "").WithReason("NOT_FOUND"),
	} {
		if err := Rejected("X", reason).Err(); !errors.Is(err, want) {
			t.Errorf("%s: %v", reason, err)
		}
	}
}

func TestRules(t *testing.T) {
	t.Parallel()
	r, err := NewRule("id", RuleInput{Name: "retailer_bulk_10", Description: "10% off 50+", Type: RetailerBulk, Percent: 10, MinQuantity: ptr(50)}, now)
	if err != nil || r.Name != "RETAILER_BULK_10" || !r.Active {
		t.Fatalf("NewRule = %+v %v", r, err)
	}
	for _, tc := range []struct {
		name  string
		in    RuleInput
		field string
	}{
		{"bulk without quantity", RuleInput{Name: "ABC", Description: "d", Type: RetailerBulk, Percent: 10}, "minQuantity"},
		{"bulk with category", RuleInput{Name: "ABC", Description: "d", Type: RetailerBulk, Percent: 10, MinQuantity: ptr(5), CategoryID: ptr(audio)}, "categoryId"},
		{"sale without category", RuleInput{Name: "ABC", Description: "d", Type: CategorySale, Percent: 10}, "categoryId"},
		{"sale category not a UUID", RuleInput{Name: "ABC", Description: "d", Type: CategorySale, Percent: 10, CategoryID: ptr("audio")}, "categoryId"},
		{"sale with quantity", RuleInput{Name: "ABC", Description: "d", Type: CategorySale, Percent: 10, CategoryID: ptr(audio), MinQuantity: ptr(1)}, "minQuantity"},
		{"percent 0", RuleInput{Name: "ABC", Description: "d", Type: RetailerBulk, Percent: 0, MinQuantity: ptr(5)}, "percent"},
		{"quantity 0", RuleInput{Name: "ABC", Description: "d", Type: RetailerBulk, Percent: 5, MinQuantity: ptr(0)}, "minQuantity"},
		{"bad name", RuleInput{Name: "a b", Description: "d", Type: RetailerBulk, Percent: 5, MinQuantity: ptr(5)}, "name"},
		{"window backwards", RuleInput{Name: "ABC", Description: "d", Type: CategorySale, Percent: 10, CategoryID: ptr(audio),
			StartsAt: ptr(now), EndsAt: ptr(now.Add(-time.Hour))}, "endsAt"},
	} {
		if _, err := NewRule("id", tc.in, now); !errors.Is(err, errs.BadInput(tc.field, "")) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	r2, changed, err := r.Apply(RulePatch{Percent: ptr(12), Active: ptr(true), EndsAt: To(ptr(now.Add(time.Hour)))}, now)
	if err != nil || r2.Percent != 12 || strings.Join(changed, ",") != "percent,endsAt" {
		t.Fatalf("Apply = %+v %v %v", r2, changed, err)
	}
	if _, _, err := r.Apply(RulePatch{CategoryID: ptr(audio)}, now); !errors.Is(err, errs.BadInput("categoryId", "")) {
		t.Fatalf("category on a bulk rule: %v", err)
	}
}

func TestHoldTransitions(t *testing.T) {
	t.Parallel()
	h := Hold{Status: HoldPending}
	if !h.Redeem(now) || h.Redeem(now) {
		t.Fatal("redeem once")
	}
	if ok, was := h.Release(now); !ok || !was {
		t.Fatal("release a redemption")
	}
	if ok, _ := h.Release(now); ok {
		t.Fatal("release twice")
	}
	p := Hold{Status: HoldPending}
	if ok, was := p.Release(now); !ok || was {
		t.Fatal("release a pending hold")
	}
	if _, err := ValidateHold(HoldRequest{OrderID: "x", Code: "A"}); !errors.Is(err, errs.BadInput("orderId", "")) {
		t.Fatalf("order id: %v", err)
	}
	if _, err := ValidateHold(HoldRequest{OrderID: varEar, Code: "A", SubtotalPaise: -1}); !errors.Is(err, errs.BadInput("subtotalPaise", "")) {
		t.Fatalf("subtotal: %v", err)
	}
	if _, err := ValidateHold(HoldRequest{OrderID: varEar, Code: strings.Repeat("A", 65)}); !errors.Is(err, errs.BadInput("couponCode", "")) {
		t.Fatalf("code: %v", err)
	}
}
