package server_test

import (
	"strings"
	"testing"
	"time"

	"github.com/purra/supergraph/subgraphs/promotions/internal/seed"
)

const ruleFields = `id name description type percent minQuantity categoryId startsAt endsAt active createdAt updatedAt`

const createRule = `mutation($input: CreateDiscountRuleInput!) { createDiscountRule(input: $input) { rule { ` + ruleFields + ` } } }`
const updateRule = `mutation($input: UpdateDiscountRuleInput!) { updateDiscountRule(input: $input) { rule { ` + ruleFields + ` } } }`

type rule struct {
	ID, Name, Description, Type string
	Percent                     int
	MinQuantity                 *int
	CategoryID                  *string
	StartsAt, EndsAt            *time.Time
	Active                      bool
}

// A new category sale applies to the very next quote (the cached rule set
// is invalidated), beats the bulk rule where it gives more, and stops when
// switched off.
func TestDiscountRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin, amit := e.admin(), e.retailer()
	bulk := []map[string]any{line(earbudsID, 100)}
	if q := e.mustQuote(amit, bulk, nil); q.AutomaticDiscount.Paise != 999000 {
		t.Fatalf("bulk before the sale: %+v", q.Lines[0]) // and the rule set is now cached
	}
	var out struct {
		CreateDiscountRule struct{ Rule rule }
	}
	e.must(admin, createRule, map[string]any{"input": map[string]any{
		"name": "audio-sale-15", "description": "Audio sale: 15% off", "type": "CATEGORY_SALE", "percent": 15,
		"categoryId": seed.AudioCategoryID, "endsAt": time.Now().Add(time.Hour).UTC().Format(time.RFC3339),
	}}, &out)
	r := out.CreateDiscountRule.Rule
	if r.Name != "AUDIO-SALE-15" || r.Type != "CATEGORY_SALE" || *r.CategoryID != seed.AudioCategoryID || r.MinQuantity != nil || !r.Active {
		t.Fatalf("created %+v", r)
	}
	q := e.mustQuote(amit, bulk, nil)
	if l := q.Lines[0]; *l.AutomaticRule != "AUDIO-SALE-15" || l.AutomaticDiscount.Paise != 1498500 {
		t.Fatalf("best single rule: %+v", l)
	}
	if q := e.mustQuote(e.customer(), []map[string]any{line(earbudsID, 1), line(phoneID, 1)}, nil); q.AutomaticDiscount.Paise != 19485 {
		t.Fatalf("customer sale: %+v", q)
	}
	var upd struct {
		UpdateDiscountRule struct{ Rule rule }
	}
	e.must(admin, updateRule, map[string]any{"input": map[string]any{"id": r.ID, "active": false, "endsAt": nil}}, &upd)
	if upd.UpdateDiscountRule.Rule.Active || upd.UpdateDiscountRule.Rule.EndsAt != nil {
		t.Fatalf("updated %+v", upd.UpdateDiscountRule.Rule)
	}
	if q := e.mustQuote(amit, bulk, nil); *q.Lines[0].AutomaticRule != "RETAILER_BULK_10" {
		t.Fatalf("after switching the sale off: %+v", q.Lines[0])
	}
	if n := e.count(`SELECT count(*) FROM outbox WHERE type = 'discount_rule.changed' AND envelope->>'aggregateId' = $1`, r.ID); n != 2 {
		t.Fatalf("%d discount_rule.changed events", n)
	}
	var list struct {
		DiscountRules []rule
	}
	e.must(admin, `query { discountRules { `+ruleFields+` } }`, nil, &list)
	if len(list.DiscountRules) != 2 || list.DiscountRules[0].ID != r.ID || list.DiscountRules[1].ID != seed.RetailerBulk10ID {
		t.Fatalf("rules %+v", list.DiscountRules)
	}
	wantErr(t, e.do(amit, `query { discountRules { id } }`, nil, nil), "FORBIDDEN", "", "")
}

func TestDiscountRulesBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.admin()
	before := e.snapshot()
	bulk := func(set map[string]any) map[string]any {
		in := map[string]any{"name": "BULK5", "description": "5% off 20+", "type": "RETAILER_BULK", "percent": 5, "minQuantity": 20}
		for k, v := range set {
			in[k] = v
		}
		return in
	}
	for _, tc := range []struct {
		name string
		in   map[string]any
		want coded
	}{
		{"percent 0", bulk(map[string]any{"percent": 0}), coded{"BAD_USER_INPUT", "percent", ""}},
		{"percent 95", bulk(map[string]any{"percent": 95}), coded{"BAD_USER_INPUT", "percent", ""}},
		{"no quantity", bulk(map[string]any{"minQuantity": nil}), coded{"BAD_USER_INPUT", "minQuantity", ""}},
		{"quantity 0", bulk(map[string]any{"minQuantity": 0}), coded{"BAD_USER_INPUT", "minQuantity", ""}},
		{"bulk with a category", bulk(map[string]any{"categoryId": seed.AudioCategoryID}), coded{"BAD_USER_INPUT", "categoryId", ""}},
		{"sale without category", bulk(map[string]any{"type": "CATEGORY_SALE", "minQuantity": nil}), coded{"BAD_USER_INPUT", "categoryId", ""}},
		{"sale category not a UUID", bulk(map[string]any{"type": "CATEGORY_SALE", "minQuantity": nil, "categoryId": "audio"}), coded{"BAD_USER_INPUT", "categoryId", ""}},
		{"name of 10 KB", bulk(map[string]any{"name": strings.Repeat("A", 10_000)}), coded{"BAD_USER_INPUT", "name", ""}},
		{"description of 10 KB", bulk(map[string]any{"description": strings.Repeat("d", 10_000)}), coded{"BAD_USER_INPUT", "description", ""}},
		{"window backwards", bulk(map[string]any{"startsAt": "2027-01-02T00:00:00Z", "endsAt": "2027-01-01T00:00:00Z"}), coded{"BAD_USER_INPUT", "endsAt", ""}},
		{"name taken", bulk(map[string]any{"name": "retailer_bulk_10"}), coded{"CONFLICT", "", "DISCOUNT_RULE_NAME_TAKEN"}},
	} {
		if got := codedOf(t, e.do(admin, createRule, map[string]any{"input": tc.in}, nil)); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct {
		name string
		in   map[string]any
		want coded
	}{
		{"category on a bulk rule", map[string]any{"id": seed.RetailerBulk10ID, "categoryId": seed.AudioCategoryID}, coded{"BAD_USER_INPUT", "categoryId", ""}},
		{"percent 91", map[string]any{"id": seed.RetailerBulk10ID, "percent": 91}, coded{"BAD_USER_INPUT", "percent", ""}},
		{"unknown id", map[string]any{"id": newOrderID(), "percent": 5}, coded{"NOT_FOUND", "", ""}},
		{"id not a UUID", map[string]any{"id": "RETAILER_BULK_10", "percent": 5}, coded{"BAD_USER_INPUT", "id", ""}},
	} {
		if got := codedOf(t, e.do(admin, updateRule, map[string]any{"input": tc.in}, nil)); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	wantErr(t, e.do(e.retailer(), createRule, map[string]any{"input": bulk(nil)}, nil), "FORBIDDEN", "", "")
	e.unchanged(before, "refused rule changes")
}
