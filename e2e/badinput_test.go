package e2e

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBadInputIsCodedAndWritesNothing sends each kind of bad input through
// the router and checks the error code, the field, and that no row appeared.
func TestBadInputIsCodedAndWritesNothing(t *testing.T) {
	users, catalog := db(t, "users"), db(t, "catalog")
	shopper, me := newShopper(t)
	vikram, _ := login(t, vikramEmail, seedPassword)

	register := func(over map[string]any) map[string]any {
		in := map[string]any{"name": "Kiran Rao", "email": "kiran-" + uuid.NewString()[:8] + "@example.in",
			"phone": "9876543210", "password": "Monsoon2026abc"}
		for k, v := range over {
			in[k] = v
		}
		return map[string]any{"input": in}
	}
	address := func(over map[string]any) map[string]any {
		in := map[string]any{"name": "Asha", "phone": "9845012345", "line1": "1 MG Road", "city": "Bengaluru",
			"state": "KARNATAKA", "pinCode": "560001"}
		for k, v := range over {
			in[k] = v
		}
		return map[string]any{"input": in}
	}
	createProduct := `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }`
	var brandAndCategory struct {
		Product struct {
			Brand    struct{ ID string }
			Category struct{ ID string }
		}
	}
	client{}.must(t, `{ product(slug: "apple-iphone-15") { brand { id } category { id } } }`, nil, &brandAndCategory)
	product := func(over map[string]any) map[string]any {
		in := map[string]any{"storeId": "01937a00-0000-7000-8000-0000000000a1", "title": "Test Phone",
			"brandId": brandAndCategory.Product.Brand.ID, "categoryId": brandAndCategory.Product.Category.ID, "hsnCode": "8517"}
		for k, v := range over {
			in[k] = v
		}
		return map[string]any{"input": in}
	}

	cases := []struct {
		name, query string
		c           client
		vars        map[string]any
		code, field string
	}{
		{"wrong email", op(t, "Register"), client{}, register(map[string]any{"email": "not-an-email"}), "BAD_USER_INPUT", "email"},
		{"weak password", op(t, "Register"), client{}, register(map[string]any{"password": "password"}), "BAD_USER_INPUT", "password"},
		{"duplicate email", op(t, "Register"), client{}, register(map[string]any{"email": strings.ToUpper(me.User.Email)}), "CONFLICT", ""},
		{"10 KB name", op(t, "Register"), client{}, register(map[string]any{"name": strings.Repeat("क", 10_000)}), "BAD_USER_INPUT", "name"},
		{"phone not Indian", op(t, "Register"), client{}, register(map[string]any{"phone": "+1 415 555 0100"}), "BAD_USER_INPUT", "phone"},
		{"invalid GSTIN", op(t, "Register"), client{}, register(map[string]any{"role": "RETAILER", "gstin": "27AAPFU0939F1ZA"}), "BAD_USER_INPUT", "gstin"},
		{"invalid PIN code", op(t, "AddAddress"), shopper, address(map[string]any{"pinCode": "056001"}), "BAD_USER_INPUT", "pinCode"},
		{"10 KB address line", op(t, "AddAddress"), shopper, address(map[string]any{"line1": strings.Repeat("a", 10_240)}), "BAD_USER_INPUT", "line1"},
		{"unknown category", createProduct, vikram, product(map[string]any{"categoryId": uuid.NewString()}), "BAD_USER_INPUT", "categoryId"},
		{"10 KB title", createProduct, vikram, product(map[string]any{"title": strings.Repeat("x", 10_240)}), "BAD_USER_INPUT", "title"},
	}
	countAll := func() [4]int {
		return [4]int{
			count(t, users, `SELECT count(*) FROM users`),
			count(t, users, `SELECT count(*) FROM addresses`),
			count(t, catalog, `SELECT count(*) FROM products`),
			count(t, users, `SELECT count(*) FROM outbox`) + count(t, catalog, `SELECT count(*) FROM outbox`),
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := countAll()
			r := tc.c.do(t, tc.query, tc.vars, nil)
			require.NotEmpty(t, r.Errors)
			assert.Equal(t, tc.code, r.code(), "errors: %+v", r.Errors)
			if tc.field != "" {
				assert.Equal(t, tc.field, r.Errors[0].Extensions["field"], "errors: %+v", r.Errors)
			}
			assert.NotContains(t, r.Errors[0].Message, "SQL", "no internals leak")
			assert.Equal(t, before, countAll(), "no row written (users, addresses, products, outbox)")
		})
	}
}
