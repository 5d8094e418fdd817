package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// Seed facts (docs/commerce.md).
const (
	amitEmail = "amit@purra.in"
	bulkSKU   = "BOAT-AIRDOPES-141-TRUE-WIRELESS-BOLD-BLACK"
)

type money struct{ Paise int64 }

// variantBySlug returns the first variant of a product page (id and SKU).
func variantBySlug(t *testing.T, slug string) pageVariant {
	t.Helper()
	return productVariants(t, client{}, slug)[0]
}

// variantBySKU finds a variant by searching for its product.
func variantBySKU(t *testing.T, query, sku string) string {
	t.Helper()
	var out struct {
		Products struct {
			Edges []struct {
				Node struct {
					Variants []struct{ ID, SKU string } `json:"variants"`
				}
			}
		}
	}
	client{}.must(t, `query($q: String!) { products(filter: { query: $q }, first: 20) { edges { node { variants { id sku } } } } }`,
		map[string]any{"q": query}, &out)
	for _, e := range out.Products.Edges {
		for _, v := range e.Node.Variants {
			if v.SKU == sku {
				return v.ID
			}
		}
	}
	t.Fatalf("no variant %s in search %q", sku, query)
	return ""
}

// stockOf reads a variant's available stock as the store owner (Vikram).
func stockOf(t *testing.T, owner client, variantID string) int {
	t.Helper()
	var out struct {
		StockLevel struct{ Available int } `json:"stockLevel"`
	}
	owner.must(t, `query($v: ID!) { stockLevel(variantId: $v) { available } }`, map[string]any{"v": variantID}, &out)
	return out.StockLevel.Available
}

// defaultAddress returns the caller's default address id, adding one if needed.
func defaultAddress(t *testing.T, c client) string {
	t.Helper()
	var me struct {
		Me struct {
			Addresses []struct {
				ID        string
				IsDefault bool
			}
		}
	}
	c.must(t, `{ me { addresses { id isDefault } } }`, nil, &me)
	for _, a := range me.Me.Addresses {
		if a.IsDefault {
			return a.ID
		}
	}
	var added struct{ AddAddress struct{ ID string } }
	c.must(t, op(t, "AddAddress"), map[string]any{"input": map[string]any{
		"name": "Asha Verma", "phone": "9845012345", "line1": "12, 4th Cross, Indiranagar",
		"city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560038",
	}}, &added)
	return added.AddAddress.ID
}

const addToCart = `mutation($v: ID!, $q: Int!) { addToCart(variantId: $v, quantity: $q) { id itemCount } }`

const checkoutMutation = `mutation($in: CheckoutInput!) {
  checkout(input: $in) { replayed order { id orderNumber status total { paise } couponCode } }
}`

type placedOrder struct {
	ID, OrderNumber, Status string
	CouponCode              *string
	Total                   money
}

// checkout places an order for the caller's cart.
func checkout(t *testing.T, c client, addressID, coupon, method, vpa string) (placedOrder, response) {
	t.Helper()
	in := map[string]any{
		"addressId":      addressID,
		"paymentMethod":  map[string]any{"type": method},
		"idempotencyKey": "e2e-" + uuid.NewString(),
	}
	if vpa != "" {
		in["paymentMethod"].(map[string]any)["upiVpa"] = vpa
	}
	if coupon != "" {
		in["couponCode"] = coupon
	}
	var out struct {
		Checkout struct{ Order placedOrder }
	}
	r := c.do(t, checkoutMutation, map[string]any{"in": in}, &out)
	return out.Checkout.Order, r
}

// awaitStatus polls the order until it reaches want (or fails the test).
// The saga takes well under a second; 8 s leaves room for a loaded machine.
func awaitStatus(t *testing.T, c client, orderID, want string) {
	t.Helper()
	awaitStatusWithin(t, c, orderID, want, 8*time.Second)
}

func awaitStatusWithin(t *testing.T, c client, orderID, want string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	var last string
	for time.Now().Before(deadline) {
		var out struct{ Order struct{ Status string } }
		c.must(t, `query($id: ID!) { order(id: $id) { status } }`, map[string]any{"id": orderID}, &out)
		if last = out.Order.Status; last == want {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	require.Failf(t, "order status", "order %s is %s, want %s", orderID, last, want)
}

func cartItemCount(t *testing.T, c client) int {
	t.Helper()
	var out struct{ MyCart struct{ ItemCount int } }
	c.must(t, `{ myCart { itemCount } }`, nil, &out)
	return out.MyCart.ItemCount
}

// newListing creates an ACTIVE product of TechHub with one variant holding
// initialStock units, and waits until inventory has the stock.
func newListing(t *testing.T, vikram client, initialStock int) string {
	t.Helper()
	return listing{store: "01937a00-0000-7000-8000-0000000000a1", title: "Limited Edition Phone", sku: "LTD", hsn: "8517",
		mrp: 2999900, price: 2499900, stock: initialStock}.create(t, vikram)
}

// listing is a product with one variant that a store's owner puts on sale.
type listing struct {
	store, title, sku, hsn string
	mrp, price             int64
	stock                  int
}

// create lists l (title and SKU made unique) in the iPhone's brand and
// category, waits until inventory has its initial stock, and returns the
// variant. A store approved just now may be unknown to catalog for a moment
// (it learns of stores from their events): createProduct is retried.
func (l listing) create(t *testing.T, owner client) string {
	t.Helper()
	var cat struct {
		Product struct {
			Brand    struct{ ID string }
			Category struct{ ID string }
		}
	}
	client{}.must(t, `{ product(slug: "apple-iphone-15") { brand { id } category { id } } }`, nil, &cat)
	suffix := uuid.NewString()[:8]
	var p struct {
		CreateProduct struct{ Product struct{ ID string } }
	}
	require.Eventually(t, func() bool {
		r := owner.do(t, `mutation($in: CreateProductInput!) { createProduct(input: $in) { product { id } } }`, map[string]any{"in": map[string]any{
			"storeId": l.store, "title": l.title + " " + suffix, "brandId": cat.Product.Brand.ID,
			"categoryId": cat.Product.Category.ID, "hsnCode": l.hsn}}, &p)
		return len(r.Errors) == 0
	}, 20*time.Second, 200*time.Millisecond, "the store can list a product")
	var v struct {
		CreateVariant struct{ Variant struct{ ID string } }
	}
	owner.must(t, `mutation($in: CreateVariantInput!) { createVariant(input: $in) { variant { id } } }`, map[string]any{"in": map[string]any{
		"productId": p.CreateProduct.Product.ID, "sku": l.sku + "-" + suffix, "title": "Black",
		"mrp": l.mrp, "price": l.price, "initialStock": l.stock,
	}}, &v)
	owner.must(t, `mutation($in: UpdateProductInput!) { updateProduct(input: $in) { product { id } } }`,
		map[string]any{"in": map[string]any{"id": p.CreateProduct.Product.ID, "status": "ACTIVE"}}, nil)
	id := v.CreateVariant.Variant.ID
	require.Eventually(t, func() bool { return stockOf(t, owner, id) == l.stock }, 20*time.Second, 50*time.Millisecond,
		fmt.Sprintf("inventory got the initial stock of %s", id))
	return id
}

// Database checks for what the router cannot show.
const (
	// stuckReservations: reservations of a variant still holding stock.
	// redeemedCount: live redemptions of a coupon code.
	redeemedCount = `SELECT count(*) FROM coupon_redemptions r JOIN coupons c ON c.id = r.coupon_id
		WHERE c.code = $1 AND r.released_at IS NULL`
	// heldCount: coupon holds of an order still pending.
	heldCount         = `SELECT count(*) FROM coupon_holds WHERE order_id = $1 AND status = 'PENDING'`
	stuckReservations = `SELECT count(*) FROM stock_reservations r JOIN stock_reservation_lines l USING (order_id)
		WHERE l.variant_id = $1 AND r.status = 'RESERVED'`
)
