package storefront

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
)

// Seed accounts (subgraphs/users/seed) and the seed store Vikram owns.
const (
	SeedPassword = "Purra@2026"
	VikramEmail  = "vikram@purra.in" // owner of TechHub
	TechHubStore = "01937a00-0000-7000-8000-0000000000a1"
)

// Session is the access token and user of a login or registration.
type Session struct {
	AccessToken string `json:"accessToken"`
	User        struct {
		ID    string `json:"id"`
		Email string `json:"email"`
	} `json:"user"`
}

const sessionFields = `accessToken user { id email }`

// Login returns the client acting as the account.
func (c Client) Login(t testing.TB, email, password string) (Client, Session) {
	t.Helper()
	var out struct{ Login Session }
	c.Must(t, `mutation($in: LoginInput!) { login(input: $in) { `+sessionFields+` } }`,
		map[string]any{"in": map[string]any{"email": email, "password": password}}, &out)
	return c.WithToken(out.Login.AccessToken), out.Login
}

// NewShopper registers a fresh customer with a default address.
func (c Client) NewShopper(t testing.TB) (Client, Session) {
	t.Helper()
	var out struct{ Register Session }
	c.Must(t, `mutation($in: RegisterInput!) { register(input: $in) { `+sessionFields+` } }`, map[string]any{"in": map[string]any{
		"name": "Asha Verma", "email": fmt.Sprintf("faults-%s@example.in", uuid.NewString()[:8]),
		"phone": "+91 98450 12345", "password": "Sunrise2026x",
	}}, &out)
	shopper := c.WithToken(out.Register.AccessToken)
	shopper.Must(t, `mutation($in: AddressInput!) { addAddress(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"name": "Asha Verma", "phone": "9845012345", "line1": "12, 4th Cross, Indiranagar",
		"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560038",
	}}, nil)
	return shopper, out.Register
}

// DefaultAddress returns the caller's default address id.
func (c Client) DefaultAddress(t testing.TB) string {
	t.Helper()
	var me struct {
		Me struct {
			Addresses []struct {
				ID        string
				IsDefault bool
			}
		}
	}
	c.Must(t, `{ me { addresses { id isDefault } } }`, nil, &me)
	for _, a := range me.Me.Addresses {
		if a.IsDefault {
			return a.ID
		}
	}
	t.Fatal("the shopper has no default address")
	return ""
}

// AddToCart puts quantity units of a variant in the caller's cart.
func (c Client) AddToCart(ctx context.Context, variantID string, quantity int) (Response, error) {
	return c.Do(ctx, `mutation($v: ID!, $q: Int!) { addToCart(variantId: $v, quantity: $q) { id } }`,
		map[string]any{"v": variantID, "q": quantity}, nil)
}

// CheckoutInput is what the shopper sends to checkout. Method is UPI, CARD,
// NETBANKING or COD; the sandbox reads the UPI VPA: "success@sandbox",
// "failure@sandbox", "slow@sandbox".
type CheckoutInput struct {
	AddressID      string
	Method         string
	UPIVPA         string
	CouponCode     string
	IdempotencyKey string // a fresh one when empty
}

// Order is an order as the shopper sees it.
type Order struct {
	ID          string
	OrderNumber string
	Status      string
	CouponCode  *string
	Total       struct{ Paise int64 }
}

// CheckoutResult is checkout's answer.
type CheckoutResult struct {
	Replayed bool
	Order    Order
}

// Checkout places an order for the caller's cart. An order is acknowledged
// when the error is nil and the response has no GraphQL errors.
func (c Client) Checkout(ctx context.Context, in CheckoutInput) (CheckoutResult, Response, error) {
	if in.IdempotencyKey == "" {
		in.IdempotencyKey = "faults-" + uuid.NewString()
	}
	method := map[string]any{"type": in.Method}
	if in.UPIVPA != "" {
		method["upiVpa"] = in.UPIVPA
	}
	vars := map[string]any{"addressId": in.AddressID, "paymentMethod": method, "idempotencyKey": in.IdempotencyKey}
	if in.CouponCode != "" {
		vars["couponCode"] = in.CouponCode
	}
	var out struct{ Checkout CheckoutResult }
	r, err := c.Do(ctx, `mutation($in: CheckoutInput!) {
  checkout(input: $in) { replayed order { id orderNumber status total { paise } couponCode } }
}`, map[string]any{"in": vars}, &out)
	return out.Checkout, r, err
}

// OrderStatus reads one of the caller's orders.
func (c Client) OrderStatus(ctx context.Context, orderID string) (string, error) {
	var out struct{ Order struct{ Status string } }
	r, err := c.Do(ctx, `query($id: ID!) { order(id: $id) { status } }`, map[string]any{"id": orderID}, &out)
	if err == nil && len(r.Errors) > 0 {
		err = fmt.Errorf("order %s: %+v", orderID, r.Errors)
	}
	return out.Order.Status, err
}

// AwaitStatus polls the order until its status is one of want and returns
// it; it fails the test after within. Failed reads (a process restarting)
// are retried.
func (c Client) AwaitStatus(t testing.TB, orderID string, within time.Duration, want ...string) string {
	t.Helper()
	deadline := time.Now().Add(within)
	var last string
	var lastErr error
	for time.Now().Before(deadline) {
		st, err := c.OrderStatus(context.Background(), orderID)
		if err == nil {
			last = st
			for _, w := range want {
				if st == w {
					return st
				}
			}
		}
		lastErr = err
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("order %s is %q after %s, want one of %v (last error: %v)", orderID, last, within, want, lastErr)
	return ""
}

// Stock reads a variant's available units as its store's owner.
func (c Client) Stock(t testing.TB, variantID string) int {
	t.Helper()
	var out struct {
		StockLevel struct{ Available int } `json:"stockLevel"`
	}
	c.Must(t, `query($v: ID!) { stockLevel(variantId: $v) { available } }`, map[string]any{"v": variantID}, &out)
	return out.StockLevel.Available
}

// NewListing creates, as TechHub's owner, an ACTIVE product with one variant
// of initialStock units priced price paise, and waits until inventory has the
// stock. It returns the variant id.
func (c Client) NewListing(t testing.TB, initialStock int, price int64) string {
	t.Helper()
	var cat struct {
		Product struct {
			Brand    struct{ ID string }
			Category struct{ ID string }
		}
	}
	c.Must(t, `{ product(slug: "apple-iphone-15") { brand { id } category { id } } }`, nil, &cat)
	suffix := uuid.NewString()[:8]
	var p struct {
		CreateProduct struct{ Product struct{ ID string } }
	}
	c.Must(t, `mutation($in: CreateProductInput!) { createProduct(input: $in) { product { id } } }`, map[string]any{"in": map[string]any{
		"storeId": TechHubStore, "title": "Fault Test Phone " + suffix,
		"brandId": cat.Product.Brand.ID, "categoryId": cat.Product.Category.ID, "hsnCode": "8517",
	}}, &p)
	var v struct {
		CreateVariant struct{ Variant struct{ ID string } }
	}
	c.Must(t, `mutation($in: CreateVariantInput!) { createVariant(input: $in) { variant { id } } }`, map[string]any{"in": map[string]any{
		"productId": p.CreateProduct.Product.ID, "sku": "FAULT-" + suffix, "title": "Black",
		"mrp": price + price/5, "price": price, "initialStock": initialStock,
	}}, &v)
	c.Must(t, `mutation($in: UpdateProductInput!) { updateProduct(input: $in) { product { id } } }`,
		map[string]any{"in": map[string]any{"id": p.CreateProduct.Product.ID, "status": "ACTIVE"}}, nil)
	id := v.CreateVariant.Variant.ID
	deadline := time.Now().Add(30 * time.Second)
	for c.Stock(t, id) != initialStock {
		if time.Now().After(deadline) {
			t.Fatalf("inventory never got the initial stock of %s", id)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return id
}

// ClearCart empties the caller's cart.
func (c Client) ClearCart(ctx context.Context) (Response, error) {
	return c.Do(ctx, `mutation { clearCart { id } }`, nil, nil)
}
