package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/google/uuid"
)

// shopper is one bench worker's account.
type shopper struct {
	token, addressID string
}

// commerceScenarios measure add-to-cart, and checkout from the mutation to
// the order reaching CONFIRMED (payment through the sandbox provider, stock
// committed, coupon/cart effects applied by events).
func commerceScenarios(ctx context.Context, root string, conns int) ([]scenario, error) {
	doc := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(root, "operations", "storefront", name+".graphql"))
		return string(b)
	}
	add, checkout := doc("AddToCart"), doc("Checkout")
	variant, err := benchListing(ctx)
	if err != nil {
		return nil, err
	}
	shoppers := make([]shopper, conns)
	setup := func(ctx context.Context, w int) error {
		if shoppers[w].token != "" {
			return nil
		}
		s, err := registerShopper(ctx)
		shoppers[w] = s
		return err
	}
	clear, _ := json.Marshal(map[string]any{"query": `mutation { clearCart { id } }`})
	addBody, _ := json.Marshal(map[string]any{"query": add, "variables": map[string]any{"variantId": variant, "quantity": 1}})
	addToCart := scenario{
		Name: "add to cart", Target: "≥ 1,000 req/s, p99 ≤ 40 ms", Setup: setup,
		Step: func(ctx context.Context, w, i int) (time.Duration, bool) {
			if i%8 == 7 { // stay under the per-line cap; not timed
				send(ctx, clear, shoppers[w].token)
			}
			t0 := time.Now()
			ok := send(ctx, addBody, shoppers[w].token)
			return time.Since(t0), ok
		},
	}
	placeOrder := scenario{
		Name: "checkout to CONFIRMED", Target: "≥ 100 orders/s, p99 ≤ 300 ms from mutation to CONFIRMED", Setup: setup,
		Step: func(ctx context.Context, w, i int) (time.Duration, bool) {
			s := shoppers[w]
			send(ctx, clear, s.token)
			if !send(ctx, addBody, s.token) {
				return 0, false
			}
			body, _ := json.Marshal(map[string]any{"query": checkout, "variables": map[string]any{"input": map[string]any{
				"addressId": s.addressID, "paymentMethod": map[string]any{"type": "UPI"}, "idempotencyKey": uuid.NewString(),
			}}})
			t0 := time.Now()
			data, ok := call(ctx, body, s.token)
			if !ok {
				return time.Since(t0), false
			}
			var placed struct {
				Checkout struct{ Order struct{ ID string } }
			}
			if json.Unmarshal(data, &placed) != nil {
				return time.Since(t0), false
			}
			ok = awaitConfirmed(ctx, s.token, placed.Checkout.Order.ID, t0.Add(10*time.Second))
			return time.Since(t0), ok
		},
	}
	return []scenario{addToCart, placeOrder}, nil
}

// awaitConfirmed polls the order until it is CONFIRMED.
func awaitConfirmed(ctx context.Context, token, orderID string, deadline time.Time) bool {
	body, _ := json.Marshal(map[string]any{"query": `query($id: ID!) { order(id: $id) { status } }`, "variables": map[string]any{"id": orderID}})
	for time.Now().Before(deadline) {
		data, ok := call(ctx, body, token)
		if ok {
			var out struct{ Order struct{ Status string } }
			if json.Unmarshal(data, &out) == nil {
				switch out.Order.Status {
				case "CONFIRMED":
					return true
				case "CANCELLED":
					return false
				}
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	return false
}

func registerShopper(ctx context.Context) (shopper, error) {
	body, _ := json.Marshal(map[string]any{
		"query": `mutation($in: RegisterInput!) { register(input: $in) { accessToken } }`,
		"variables": map[string]any{"in": map[string]any{
			"name": "Bench Shopper", "email": "bench-" + uuid.NewString()[:12] + "@example.in",
			"phone": "9876543210", "password": "BenchPass2026",
		}},
	})
	data, ok := call(ctx, body, "")
	if !ok {
		return shopper{}, fmt.Errorf("register a bench shopper")
	}
	var reg struct{ Register struct{ AccessToken string } }
	_ = json.Unmarshal(data, &reg)
	s := shopper{token: reg.Register.AccessToken}
	addr, _ := json.Marshal(map[string]any{
		"query": `mutation($in: AddressInput!) { addAddress(input: $in) { id } }`,
		"variables": map[string]any{"in": map[string]any{"name": "Bench", "phone": "9876543210",
			"line1": "1 MG Road", "city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560001"}},
	})
	data, ok = call(ctx, addr, s.token)
	if !ok {
		return s, fmt.Errorf("add a bench address")
	}
	var a struct{ AddAddress struct{ ID string } }
	_ = json.Unmarshal(data, &a)
	s.addressID = a.AddAddress.ID
	return s, nil
}

// benchListing has the seed owner list a product with plenty of stock, so
// the checkout bench never runs out.
func benchListing(ctx context.Context) (string, error) {
	login, _ := json.Marshal(map[string]any{"query": `mutation { login(input: { email: "vikram@purra.in", password: "Purra@2026" }) { accessToken } }`})
	data, ok := call(ctx, login, "")
	if !ok {
		return "", fmt.Errorf("owner login")
	}
	var l struct{ Login struct{ AccessToken string } }
	_ = json.Unmarshal(data, &l)
	owner := l.Login.AccessToken
	ref, _ := json.Marshal(map[string]any{"query": `{ product(slug: "apple-iphone-15") { brand { id } category { id } } }`})
	data, ok = call(ctx, ref, "")
	if !ok {
		return "", fmt.Errorf("reference product")
	}
	var p struct {
		Product struct {
			Brand, Category struct{ ID string }
		}
	}
	_ = json.Unmarshal(data, &p)
	suffix := uuid.NewString()[:8]
	created, ok := call(ctx, mustJSON(map[string]any{"query": `mutation($in: CreateProductInput!) { createProduct(input: $in) { product { id } } }`,
		"variables": map[string]any{"in": map[string]any{"storeId": "01937a00-0000-7000-8000-0000000000a1", "title": "Bench Phone " + suffix,
			"brandId": p.Product.Brand.ID, "categoryId": p.Product.Category.ID, "hsnCode": "8517"}}}), owner)
	if !ok {
		return "", fmt.Errorf("create bench product")
	}
	var cp struct {
		CreateProduct struct{ Product struct{ ID string } }
	}
	_ = json.Unmarshal(created, &cp)
	v, ok := call(ctx, mustJSON(map[string]any{"query": `mutation($in: CreateVariantInput!) { createVariant(input: $in) { variant { id } } }`,
		"variables": map[string]any{"in": map[string]any{"productId": cp.CreateProduct.Product.ID, "sku": "BENCH-" + suffix,
			"mrp": 129900, "price": 99900, "initialStock": 1000000}}}), owner)
	if !ok {
		return "", fmt.Errorf("create bench variant")
	}
	var cv struct {
		CreateVariant struct{ Variant struct{ ID string } }
	}
	_ = json.Unmarshal(v, &cv)
	if _, ok := call(ctx, mustJSON(map[string]any{"query": `mutation($in: UpdateProductInput!) { updateProduct(input: $in) { product { id } } }`,
		"variables": map[string]any{"in": map[string]any{"id": cp.CreateProduct.Product.ID, "status": "ACTIVE"}}}), owner); !ok {
		return "", fmt.Errorf("activate bench product")
	}
	time.Sleep(time.Second) // inventory picks up variant.created
	return cv.CreateVariant.Variant.ID, nil
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
