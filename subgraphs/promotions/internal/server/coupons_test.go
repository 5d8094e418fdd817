package server_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

const couponFields = `id code description type percentOff amountOff { paise formatted } maxDiscount { paise }
  minOrderValue { paise } startsAt endsAt status perUserLimit categoryIds brandIds buyerRoles personal createdAt updatedAt`

const createCoupon = `mutation($input: CreateCouponInput!) { createCoupon(input: $input) { coupon { ` + couponFields + ` } } }`
const updateCoupon = `mutation($input: UpdateCouponInput!) { updateCoupon(input: $input) { coupon { ` + couponFields + ` usageLimit } } }`

type coupon struct {
	ID, Code, Description, Type, Status string
	PercentOff                          *int
	AmountOff, MaxDiscount              *amount
	MinOrderValue                       amount
	StartsAt                            time.Time
	EndsAt                              *time.Time
	PerUserLimit, UsageLimit            *int
	CategoryIds, BrandIds, BuyerRoles   []string
	Personal                            bool
}

func (e *env) coupon(c caller, code string) *coupon {
	e.t.Helper()
	var out struct{ Coupon *coupon }
	e.must(c, `query($c: String!) { coupon(code: $c) { `+couponFields+` } }`, map[string]any{"c": code}, &out)
	return out.Coupon
}

func (e *env) myCoupons(c caller) []string {
	e.t.Helper()
	var out struct{ MyCoupons []coupon }
	e.must(c, `query { myCoupons { code } }`, nil, &out)
	codes := make([]string, len(out.MyCoupons))
	for i, c := range out.MyCoupons {
		codes[i] = c.Code
	}
	return codes
}

// Anyone may check a code; usage figures are for admins only.
func TestCouponLookup(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	c := e.coupon(anonymous, "welcome10")
	if c == nil || c.ID != seed.Welcome10ID || c.Code != "WELCOME10" || c.Type != "PERCENT" || *c.PercentOff != 10 ||
		c.MaxDiscount.Paise != 100000 || c.MinOrderValue.Paise != 100000 || *c.PerUserLimit != 1 || c.Status != "ACTIVE" ||
		c.AmountOff != nil || c.EndsAt != nil || c.Personal {
		t.Fatalf("WELCOME10 = %+v", c)
	}
	if c := e.coupon(anonymous, "FLAT500"); c.AmountOff.Paise != 50000 || c.AmountOff.Formatted != "₹500.00" || c.PercentOff != nil {
		t.Fatalf("FLAT500 = %+v", c)
	}
	if c := e.coupon(anonymous, "AUDIO15"); len(c.CategoryIds) != 1 || c.CategoryIds[0] != seed.AudioCategoryID {
		t.Fatalf("AUDIO15 = %+v", c)
	}
	if c := e.coupon(anonymous, "EXPIRED50"); c.Status != "EXPIRED" {
		t.Fatalf("EXPIRED50 = %+v", c)
	}
	if c := e.coupon(anonymous, "NOSUCH"); c != nil {
		t.Fatalf("unknown = %+v", c)
	}
	// Usage figures: FORBIDDEN (and null) for shoppers, visible to admins.
	const usage = `query { coupon(code: "FLAT500") { code usageLimit timesUsed timesRedeemed assignedUsers { timesUsed } } }`
	resp := e.do(e.customer(), usage, nil, nil)
	wantErr(t, resp, "FORBIDDEN", "", "")
	if !strings.Contains(string(resp.Data), `"usageLimit":null`) || !strings.Contains(string(resp.Data), `"code":"FLAT500"`) {
		t.Fatalf("shopper's view %s", resp.Data)
	}
	wantErr(t, e.do(anonymous, usage, nil, nil), "UNAUTHENTICATED", "", "")
	var out struct {
		Coupon struct {
			UsageLimit, TimesUsed, TimesRedeemed *int
			AssignedUsers                        []struct{ TimesUsed int }
		}
	}
	e.must(e.admin(), usage, nil, &out)
	if *out.Coupon.UsageLimit != 1000 || *out.Coupon.TimesUsed != 0 || *out.Coupon.TimesRedeemed != 0 || len(out.Coupon.AssignedUsers) != 0 {
		t.Fatalf("admin view %+v", out.Coupon)
	}
	wantErr(t, e.do(anonymous, `query { coupon(code: "`+strings.Repeat("A", 10_000)+`") { id } }`, nil, nil), "BAD_USER_INPUT", "code", "")
}

// A personal coupon exists only for its users (and admins); everyone else
// is told it does not exist, in lookups, quotes and holds.
func TestPersonalCoupon(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul, priya := e.customer(), e.customer()
	e.must(e.admin(), createCoupon, map[string]any{"input": map[string]any{
		"code": "RAHUL-BDAY", "description": "Happy birthday!", "type": "PERCENT", "percentOff": 20,
		"assignedUserIds": []string{rahul.id}, "perUserLimit": 1,
	}}, nil)
	if c := e.coupon(rahul, "rahul-bday"); c == nil || !c.Personal {
		t.Fatalf("rahul's view %+v", c)
	}
	if c := e.coupon(priya, "RAHUL-BDAY"); c != nil {
		t.Fatalf("priya sees %+v", c)
	}
	if c := e.coupon(e.admin(), "RAHUL-BDAY"); c == nil {
		t.Fatal("admin does not see it")
	}
	if !slices.Contains(e.myCoupons(rahul), "RAHUL-BDAY") || slices.Contains(e.myCoupons(priya), "RAHUL-BDAY") {
		t.Fatal("myCoupons")
	}
	q := e.mustQuote(priya, []map[string]any{line(phoneID, 1)}, map[string]any{"couponCode": "RAHUL-BDAY"})
	if q.CouponRejection == nil || q.CouponRejection.Reason != "NOT_FOUND" {
		t.Fatalf("priya's quote %+v", q.CouponRejection)
	}
	_, resp := e.hold(priya, newOrderID(), "RAHUL-BDAY", 100000)
	wantErr(t, resp, "BAD_USER_INPUT", "couponCode", "NOT_FOUND")
	q = e.mustQuote(rahul, []map[string]any{line(earbudsID, 1)}, map[string]any{"couponCode": "RAHUL-BDAY"})
	if q.CouponDiscount.Paise != 25980 {
		t.Fatalf("rahul's quote %+v", q)
	}
	order := newOrderID()
	e.mustHold(rahul, order, "RAHUL-BDAY", 129900)
	var out struct {
		Coupon struct {
			AssignedUsers []struct {
				User      struct{ ID string }
				TimesUsed int
			}
		}
	}
	e.must(e.admin(), `query { coupon(code: "RAHUL-BDAY") { assignedUsers { user { id } timesUsed assignedAt } } }`, nil, &out)
	if u := out.Coupon.AssignedUsers; len(u) != 1 || u[0].User.ID != rahul.id || u[0].TimesUsed != 1 {
		t.Fatalf("assigned users %+v", u)
	}
}

// myCoupons: the coupons the caller can use now.
func TestMyCoupons(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	if got := e.myCoupons(rahul); !slices.Equal(got, []string{"AUDIO15", "FLAT500", "WELCOME10"}) {
		t.Fatalf("myCoupons = %v", got)
	}
	e.mustHold(rahul, newOrderID(), "WELCOME10", 200000) // used up (once per customer)
	e.must(e.admin(), createCoupon, map[string]any{"input": map[string]any{
		"code": "RETAIL5", "description": "Retailers only", "type": "PERCENT", "percentOff": 5, "buyerRoles": []string{"RETAILER"},
		"endsAt": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339),
	}}, nil)
	e.must(e.admin(), createCoupon, map[string]any{"input": map[string]any{
		"code": "LATER", "description": "Not yet", "type": "PERCENT", "percentOff": 5,
		"startsAt": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339),
	}}, nil)
	if got := e.myCoupons(rahul); !slices.Equal(got, []string{"AUDIO15", "FLAT500"}) {
		t.Fatalf("rahul after WELCOME10 = %v", got)
	}
	if got := e.myCoupons(e.retailer()); !slices.Equal(got, []string{"RETAIL5", "AUDIO15", "FLAT500", "WELCOME10"}) {
		t.Fatalf("retailer = %v (soonest-ending first)", got)
	}
	wantErr(t, e.do(anonymous, `query { myCoupons { code } }`, nil, nil), "UNAUTHENTICATED", "", "")
}

func TestCreateCoupon(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.admin()
	ends := time.Now().Add(30 * 24 * time.Hour).UTC().Truncate(time.Second)
	var out struct {
		CreateCoupon struct{ Coupon coupon }
	}
	e.must(admin, createCoupon, map[string]any{"input": map[string]any{
		"code": "diwali-25", "description": " 25% off for Diwali ", "type": "PERCENT", "percentOff": 25, "maxDiscount": 250000,
		"minOrderValue": 200000, "endsAt": ends.Format(time.RFC3339), "usageLimit": 500, "perUserLimit": 2,
		"brandIds": []string{boatID, boatID}, "buyerRoles": []string{"CUSTOMER", "CUSTOMER"},
	}}, &out)
	c := out.CreateCoupon.Coupon
	if c.Code != "DIWALI-25" || c.Description != "25% off for Diwali" || *c.PercentOff != 25 || c.MaxDiscount.Paise != 250000 ||
		!c.EndsAt.Equal(ends) || *c.PerUserLimit != 2 || !slices.Equal(c.BrandIds, []string{boatID}) ||
		!slices.Equal(c.BuyerRoles, []string{"CUSTOMER"}) || c.Status != "ACTIVE" {
		t.Fatalf("created %+v", c)
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'coupon.created' AND envelope->>'aggregateId' = $1
		AND envelope->>'actor' = $2 AND envelope->'payload'->>'code' = 'DIWALI-25'`, c.ID, admin.id); n != 1 {
		t.Fatalf("%d coupon.created events", n)
	}
	// The code is unique ignoring case.
	before := e.snapshot()
	wantErr(t, e.do(admin, createCoupon, map[string]any{"input": map[string]any{
		"code": "Diwali-25", "description": "again", "type": "FLAT", "amountOff": 100}}, nil), "CONFLICT", "", "COUPON_CODE_TAKEN")
	e.unchanged(before, "a duplicate code")
	// Only promotions admins.
	for _, who := range []caller{e.customer(), e.caller("OWNER"), e.caller("ADMIN", "catalog:write")} {
		wantErr(t, e.do(who, createCoupon, map[string]any{"input": map[string]any{
			"code": "MINE", "description": "mine", "type": "FLAT", "amountOff": 100}}, nil), "FORBIDDEN", "", "")
	}
	wantErr(t, e.do(anonymous, createCoupon, map[string]any{"input": map[string]any{
		"code": "MINE", "description": "mine", "type": "FLAT", "amountOff": 100}}, nil), "UNAUTHENTICATED", "", "")
	e.unchanged(before, "refused callers")
}

// Every invalid coupon is BAD_USER_INPUT on the right field, and nothing
// is written.
func TestCreateCouponBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.admin()
	past := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	base := func() map[string]any {
		return map[string]any{"code": "GOOD10", "description": "good", "type": "PERCENT", "percentOff": 10}
	}
	long := strings.Repeat("x", 10_000)
	before := e.snapshot()
	for _, tc := range []struct {
		name  string
		set   map[string]any
		field string
	}{
		{"short code", map[string]any{"code": "AB"}, "code"},
		{"10 KB code", map[string]any{"code": long}, "code"},
		{"code with a space", map[string]any{"code": "GOOD 10"}, "code"},
		{"10 KB description", map[string]any{"description": long}, "description"},
		{"blank description", map[string]any{"description": " "}, "description"},
		{"percent 0", map[string]any{"percentOff": 0}, "percentOff"},
		{"percent 91", map[string]any{"percentOff": 91}, "percentOff"},
		{"FLAT without amount", map[string]any{"type": "FLAT", "percentOff": nil}, "amountOff"},
		{"FLAT with a percent", map[string]any{"type": "FLAT", "amountOff": 100}, "percentOff"},
		{"negative amount", map[string]any{"type": "FLAT", "percentOff": nil, "amountOff": -100}, "amountOff"},
		{"cap 0", map[string]any{"maxDiscount": 0}, "maxDiscount"},
		{"negative minimum", map[string]any{"minOrderValue": -1}, "minOrderValue"},
		{"ends in the past", map[string]any{"endsAt": past}, "endsAt"},
		{"ends before it starts", map[string]any{"startsAt": time.Now().Add(48 * time.Hour).Format(time.RFC3339),
			"endsAt": time.Now().Add(24 * time.Hour).Format(time.RFC3339)}, "endsAt"},
		{"usage limit 0", map[string]any{"usageLimit": 0}, "usageLimit"},
		{"per-user limit 0", map[string]any{"perUserLimit": 0}, "perUserLimit"},
		{"category not a UUID", map[string]any{"categoryIds": []string{"audio"}}, "categoryIds"},
		{"user not a UUID", map[string]any{"assignedUserIds": []string{"rahul"}}, "assignedUserIds"},
	} {
		in := base()
		for k, v := range tc.set {
			in[k] = v
		}
		if got := codedOf(t, e.do(admin, createCoupon, map[string]any{"input": in}, nil)); got != (coded{"BAD_USER_INPUT", tc.field, ""}) {
			t.Errorf("%s: %+v, want BAD_USER_INPUT on %s", tc.name, got, tc.field)
		}
	}
	// Values outside an enum are refused while variables are coerced, with
	// gqlgen's own code.
	for name, set := range map[string]map[string]any{"unknown type": {"type": "BOGO"}, "unknown role": {"buyerRoles": []string{"ADMIN"}}} {
		in := base()
		for k, v := range set {
			in[k] = v
		}
		if got := codedOf(t, e.do(admin, createCoupon, map[string]any{"input": in}, nil)); got.code != "GRAPHQL_VALIDATION_FAILED" {
			t.Errorf("%s: %+v", name, got)
		}
	}
	e.unchanged(before, "invalid coupons")
}

func TestUpdateAndDeactivateCoupon(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.admin()
	ends := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
	var out struct {
		UpdateCoupon struct{ Coupon coupon }
	}
	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{
		"id": seed.Welcome10ID, "description": "10% off, up to ₹1,500", "maxDiscount": 150000, "endsAt": ends.Format(time.RFC3339),
		"usageLimit": 5000,
	}}, &out)
	c := out.UpdateCoupon.Coupon
	if c.Description != "10% off, up to ₹1,500" || c.MaxDiscount.Paise != 150000 || !c.EndsAt.Equal(ends) || *c.UsageLimit != 5000 ||
		*c.PerUserLimit != 1 || c.MinOrderValue.Paise != 100000 {
		t.Fatalf("updated %+v", c)
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'coupon.updated' AND envelope->'payload'->'changed' =
		'["description","maxDiscount","endsAt","usageLimit"]'::jsonb`); n != 1 {
		t.Fatalf("%d coupon.updated events", n)
	}
	// null clears what may be cleared; omitted fields stay.
	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{"id": seed.Welcome10ID, "maxDiscount": nil, "endsAt": nil}}, &out)
	if c := out.UpdateCoupon.Coupon; c.MaxDiscount != nil || c.EndsAt != nil || *c.UsageLimit != 5000 {
		t.Fatalf("cleared %+v", c)
	}
	// Nothing changed: no event.
	events := e.events("coupon.updated")
	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{"id": seed.Welcome10ID, "percentOff": 10}}, nil)
	if e.events("coupon.updated") != events {
		t.Fatal("an update that changed nothing published an event")
	}
	before := e.snapshot()
	for _, tc := range []struct {
		name string
		in   map[string]any
		want coded
	}{
		{"amount on a PERCENT coupon", map[string]any{"id": seed.Welcome10ID, "amountOff": 100}, coded{"BAD_USER_INPUT", "amountOff", ""}},
		{"percent on a FLAT coupon", map[string]any{"id": seed.Flat500ID, "percentOff": 10}, coded{"BAD_USER_INPUT", "percentOff", ""}},
		{"cap on a FLAT coupon", map[string]any{"id": seed.Flat500ID, "maxDiscount": 10}, coded{"BAD_USER_INPUT", "maxDiscount", ""}},
		{"percent 0", map[string]any{"id": seed.Welcome10ID, "percentOff": 0}, coded{"BAD_USER_INPUT", "percentOff", ""}},
		{"usage limit 0", map[string]any{"id": seed.Welcome10ID, "usageLimit": 0}, coded{"BAD_USER_INPUT", "usageLimit", ""}},
		{"10 KB description", map[string]any{"id": seed.Welcome10ID, "description": strings.Repeat("x", 10_000)}, coded{"BAD_USER_INPUT", "description", ""}},
		{"end in the past", map[string]any{"id": seed.Welcome10ID, "endsAt": "2020-01-01T00:00:00Z"}, coded{"BAD_USER_INPUT", "endsAt", ""}},
		{"id not a UUID", map[string]any{"id": "welcome10"}, coded{"BAD_USER_INPUT", "id", ""}},
		{"unknown id", map[string]any{"id": newOrderID(), "active": false}, coded{"NOT_FOUND", "", ""}},
	} {
		if got := codedOf(t, e.do(admin, updateCoupon, map[string]any{"input": tc.in}, nil)); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	wantErr(t, e.do(e.customer(), updateCoupon, map[string]any{"input": map[string]any{"id": seed.Welcome10ID, "active": false}}, nil),
		"FORBIDDEN", "", "")
	e.unchanged(before, "refused updates")

	// Deactivation stops quotes and holds at once; an existing hold stays.
	rahul := e.customer()
	order := newOrderID()
	e.mustHold(rahul, order, "FLAT500", 600000)
	var deact struct {
		DeactivateCoupon struct{ Coupon coupon }
	}
	e.must(admin, `mutation($id: ID!) { deactivateCoupon(id: $id) { coupon { status } } }`, map[string]any{"id": seed.Flat500ID}, &deact)
	if deact.DeactivateCoupon.Coupon.Status != "INACTIVE" {
		t.Fatalf("status %s", deact.DeactivateCoupon.Coupon.Status)
	}
	q := e.mustQuote(rahul, []map[string]any{line(phoneID, 1)}, map[string]any{"couponCode": "FLAT500"})
	if q.CouponRejection == nil || q.CouponRejection.Reason != "INACTIVE" {
		t.Fatalf("quote %+v", q.CouponRejection)
	}
	_, resp := e.hold(e.customer(), newOrderID(), "FLAT500", 600000)
	wantErr(t, resp, "BAD_USER_INPUT", "couponCode", "INACTIVE")
	e.deliver(statusChanged(t, order, rahul.id, "PAID", "CONFIRMED", "FLAT500"))
	if e.holdStatus(order) != "REDEEMED" {
		t.Fatal("the hold taken before deactivation was not redeemed")
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'coupon.updated' AND envelope->'payload'->'changed' = '["active"]'::jsonb
		AND NOT (envelope->'payload'->>'active')::boolean`); n != 1 {
		t.Fatalf("%d deactivation events", n)
	}
	// Reassigning users replaces them; [] makes the coupon public again.
	priya := e.customer()
	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{"id": seed.Audio15ID, "assignedUserIds": []string{priya.id}}}, nil)
	if e.coupon(rahul, "AUDIO15") != nil || e.coupon(priya, "AUDIO15") == nil {
		t.Fatal("assignment")
	}
	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{"id": seed.Audio15ID, "assignedUserIds": []string{}}}, nil)
	if e.coupon(rahul, "AUDIO15") == nil || e.count(`SELECT count(*) FROM coupon_users`) != 0 {
		t.Fatal("public again")
	}
}
