package server_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/purra/supergraph/platform/audit"

	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

// adminActions returns the admin.action payloads keyed by target id, oldest first.
func (e *env) adminActions(targetID string) []audit.Action {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(),
		`SELECT envelope->'payload' FROM outbox WHERE type = 'admin.action' AND key = $1 ORDER BY seq`, targetID)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []audit.Action
	for rows.Next() {
		var raw []byte
		var a audit.Action
		if err := rows.Scan(&raw); err != nil {
			e.t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &a); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// lastAction checks that exactly n actions target id, the newest being action
// by admin, and returns its before and after.
func (e *env) lastAction(id string, n int, admin caller, action, targetType string) (before, after map[string]any) {
	e.t.Helper()
	acts := e.adminActions(id)
	if len(acts) != n {
		e.t.Fatalf("%d admin.action events for %s, want %d", len(acts), id, n)
	}
	a := acts[n-1]
	if a.AdminID != admin.id || a.Permission != "promotions:write" || a.Action != action || a.TargetType != targetType ||
		a.TargetID != id || a.Service != "promotions" || a.At.IsZero() {
		e.t.Fatalf("admin.action = %+v", a)
	}
	if a.Before != nil {
		if err := json.Unmarshal(a.Before, &before); err != nil {
			e.t.Fatal(err)
		}
	}
	if err := json.Unmarshal(a.After, &after); err != nil {
		e.t.Fatal(err)
	}
	return before, after
}

// Every coupon write by a promotions admin is audited once, in its transaction.
func TestCouponWritesAreAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	if n := e.events("admin.action"); n != 0 {
		t.Fatalf("the seed wrote %d admin.action events", n)
	}
	admin := e.admin()
	var out struct {
		CreateCoupon struct{ Coupon coupon }
	}
	e.must(admin, createCoupon, map[string]any{"input": map[string]any{
		"code": "audit-20", "description": "20% off", "type": "PERCENT", "percentOff": 20, "maxDiscount": 50000,
		"usageLimit": 100,
	}}, &out)
	id := out.CreateCoupon.Coupon.ID
	before, after := e.lastAction(id, 1, admin, "coupon.create", "Coupon")
	if before != nil || after["code"] != "AUDIT-20" || after["type"] != "PERCENT" || after["percentOff"] != 20.0 ||
		after["maxDiscountPaise"] != 50000.0 || after["usageLimit"] != 100.0 || after["active"] != true {
		t.Fatalf("create: before %v after %v", before, after)
	}

	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{"id": id, "usageLimit": 50}}, nil)
	before, after = e.lastAction(id, 2, admin, "coupon.update", "Coupon")
	if before["usageLimit"] != 100.0 || after["usageLimit"] != 50.0 {
		t.Fatalf("update: before %v after %v", before, after)
	}
	// An update that changes nothing writes nothing, audit included.
	e.must(admin, updateCoupon, map[string]any{"input": map[string]any{"id": id, "usageLimit": 50}}, nil)
	e.lastAction(id, 2, admin, "coupon.update", "Coupon")

	const deactivate = `mutation($id: ID!) { deactivateCoupon(id: $id) { coupon { status } } }`
	e.must(admin, deactivate, map[string]any{"id": id}, nil)
	before, after = e.lastAction(id, 3, admin, "coupon.deactivate", "Coupon")
	if before["active"] != true || after["active"] != false {
		t.Fatalf("deactivate: before %v after %v", before, after)
	}
	if n := e.events("admin.action"); n != 3 {
		t.Fatalf("%d admin.action events in all", n)
	}
}

// Every rule write by a promotions admin is audited once, in its transaction.
func TestRuleWritesAreAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.admin()
	var out struct {
		CreateDiscountRule struct{ Rule rule }
	}
	e.must(admin, createRule, map[string]any{"input": map[string]any{
		"name": "audit-sale", "description": "Audio sale", "type": "CATEGORY_SALE", "percent": 12,
		"categoryId": seed.AudioCategoryID, "endsAt": time.Now().Add(time.Hour).UTC().Format(time.RFC3339),
	}}, &out)
	id := out.CreateDiscountRule.Rule.ID
	before, after := e.lastAction(id, 1, admin, "discount_rule.create", "DiscountRule")
	if before != nil || after["name"] != "AUDIT-SALE" || after["type"] != "CATEGORY_SALE" || after["percent"] != 12.0 ||
		after["categoryId"] != seed.AudioCategoryID || after["active"] != true {
		t.Fatalf("create: before %v after %v", before, after)
	}
	e.must(admin, updateRule, map[string]any{"input": map[string]any{"id": id, "percent": 20, "active": false}}, nil)
	before, after = e.lastAction(id, 2, admin, "discount_rule.update", "DiscountRule")
	if before["percent"] != 12.0 || after["percent"] != 20.0 || before["active"] != true || after["active"] != false {
		t.Fatalf("update: before %v after %v", before, after)
	}
}

// An ADMIN token without promotions:write is refused and writes nothing
// (no admin.action either); a refused admin write audits nothing, nor do a
// shopper's own writes.
func TestPromotionsWritesRefusedWithoutThePermission(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	bare, marketing := e.caller("ADMIN"), e.caller("ADMIN", "banners:write")
	before := e.snapshot()
	for _, who := range []caller{bare, marketing} {
		wantErr(t, e.do(who, createCoupon, map[string]any{"input": map[string]any{
			"code": "NOPE", "description": "no", "type": "FLAT", "amountOff": 100}}, nil), "FORBIDDEN", "", "")
		wantErr(t, e.do(who, updateCoupon, map[string]any{"input": map[string]any{"id": seed.Flat500ID, "usageLimit": 1}}, nil), "FORBIDDEN", "", "")
		wantErr(t, e.do(who, `mutation($id: ID!) { deactivateCoupon(id: $id) { coupon { status } } }`,
			map[string]any{"id": seed.Flat500ID}, nil), "FORBIDDEN", "", "")
		wantErr(t, e.do(who, createRule, map[string]any{"input": map[string]any{
			"name": "nope", "description": "no", "type": "CATEGORY_SALE", "percent": 5, "categoryId": seed.AudioCategoryID}}, nil),
			"FORBIDDEN", "", "")
		wantErr(t, e.do(who, updateRule, map[string]any{"input": map[string]any{"id": seed.Flat500ID, "percent": 5}}, nil),
			"FORBIDDEN", "", "")
	}
	// A duplicate code from a real admin is refused before anything is written.
	wantErr(t, e.do(e.admin(), createCoupon, map[string]any{"input": map[string]any{
		"code": "flat500", "description": "again", "type": "FLAT", "amountOff": 100}}, nil), "CONFLICT", "", "COUPON_CODE_TAKEN")
	e.unchanged(before, "refused writes")

	// A shopper's own writes (a checkout's coupon hold and its release) are no admin actions.
	rahul, order := e.customer(), newOrderID()
	e.mustHold(rahul, order, "welcome10", 200000)
	if released, resp := e.release(rahul, order); !released {
		t.Fatalf("release: %+v", resp.Errors)
	}
	if n := e.events("admin.action"); n != 0 {
		t.Fatalf("%d admin.action events for a shopper's writes", n)
	}
}
