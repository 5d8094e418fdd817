package e2e

import (
	"testing"

	"github.com/stretchr/testify/require"
)

const updateVariantPrice = `mutation($input: UpdateVariantInput!) {
  updateVariant(input: $input) { variant { id price { paise formatted } } }
}`

type pageVariant struct {
	ID    string
	SKU   string `json:"sku"`
	Price struct{ Paise int64 }
	Mrp   struct{ Paise int64 }
}

func productVariants(t *testing.T, c client, slug string) []pageVariant {
	t.Helper()
	var page struct {
		Product struct{ Variants []pageVariant }
	}
	c.must(t, op(t, "ProductBySlug"), map[string]any{"slug": slug}, &page)
	require.NotEmpty(t, page.Product.Variants)
	return page.Product.Variants
}

// TestOwnerUpdatesPrice: the store's owner changes a price and the very next
// read through the router (cached product page) shows it; shoppers are refused.
func TestOwnerUpdatesPrice(t *testing.T) {
	const slug = "apple-iphone-15-plus"
	before := productVariants(t, client{}, slug)[0] // also warms the product cache
	newPrice := before.Price.Paise - 150000         // ₹1,500 off

	rahul, _ := login(t, rahulEmail, seedPassword)
	r := rahul.do(t, updateVariantPrice, map[string]any{"input": map[string]any{"id": before.ID, "price": newPrice}}, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "a customer may not change prices: %+v", r.Errors)
	r = client{}.do(t, updateVariantPrice, map[string]any{"input": map[string]any{"id": before.ID, "price": newPrice}}, nil)
	require.Equal(t, "UNAUTHENTICATED", r.code())
	require.Equal(t, before.Price.Paise, productVariants(t, client{}, slug)[0].Price.Paise, "refused writes change nothing")

	vikram, _ := login(t, vikramEmail, seedPassword)
	var out struct {
		UpdateVariant struct {
			Variant struct{ Price struct{ Paise int64 } }
		}
	}
	vikram.must(t, updateVariantPrice, map[string]any{"input": map[string]any{"id": before.ID, "price": newPrice}}, &out)
	require.Equal(t, newPrice, out.UpdateVariant.Variant.Price.Paise)
	require.Equal(t, newPrice, productVariants(t, client{}, slug)[0].Price.Paise, "the next read shows the new price")
	var product struct{ Product struct{ ID string } }
	client{}.must(t, `query($s: String!) { product(slug: $s) { id } }`, map[string]any{"s": slug}, &product)
	env := awaitEvent(t, "catalog.events", "variant.price_changed", product.Product.ID)
	require.Contains(t, string(env.Payload), before.ID, "the event names the variant")

	r = vikram.do(t, updateVariantPrice, map[string]any{"input": map[string]any{"id": before.ID, "price": -100}}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.code(), "negative price")
	require.Equal(t, newPrice, productVariants(t, client{}, slug)[0].Price.Paise)
}

// TestFederation: one request spans both subgraphs — product.createdBy is a
// User reference from catalog whose name the router fetches from users by
// _entities, product.store is catalog's Store, and me comes from users.
func TestFederation(t *testing.T) {
	rahul, _ := login(t, rahulEmail, seedPassword)
	var out struct {
		Me       struct{ Name string }
		Products struct {
			Edges []struct {
				Node struct {
					Store     struct{ ID string }
					CreatedBy struct {
						ID, Name string
						Email    *string
					}
				}
			}
		}
	}
	rahul.must(t, `{
	  me { name }
	  products(first: 20, sort: NEWEST) { edges { node { store { id } createdBy { id name email } } } }
	}`, nil, &out)
	require.Equal(t, "Rahul Sharma", out.Me.Name)
	require.Len(t, out.Products.Edges, 20)
	techHub := 0
	for _, e := range out.Products.Edges {
		require.NotEmpty(t, e.Node.Store.ID)
		require.NotEmpty(t, e.Node.CreatedBy.Name, "resolved by reference in users")
		require.Nil(t, e.Node.CreatedBy.Email, "another user's email stays private")
		if e.Node.Store.ID == "01937a00-0000-7000-8000-0000000000a1" { // other tests list products in stores of their own
			techHub++
			require.Equal(t, "Vikram Singh", e.Node.CreatedBy.Name, "TechHub's products are Vikram's")
		}
	}
	require.Positive(t, techHub)
}

// TestResponseCacheNeverCrossesSessions: the router caches anonymous product
// pages, but a signed-in retailer must still get the retailer prices that an
// anonymous shopper may not see.
func TestResponseCacheNeverCrossesSessions(t *testing.T) {
	const slug = "apple-iphone-15-pro"
	query := `query($s: String!) { product(slug: $s) { variants { id retailerPrice { paise } } } }`
	var anon struct {
		Product struct {
			Variants []struct{ RetailerPrice *struct{ Paise int64 } }
		}
	}
	for range 2 { // the second read is served from the cache
		client{}.must(t, query, map[string]any{"s": slug}, &anon)
		require.Nil(t, anon.Product.Variants[0].RetailerPrice, "hidden from anonymous shoppers")
	}
	amit, _ := login(t, "amit@purra.in", seedPassword)
	var retailer struct {
		Product struct {
			Variants []struct{ RetailerPrice *struct{ Paise int64 } }
		}
	}
	amit.must(t, query, map[string]any{"s": slug}, &retailer)
	require.NotNil(t, retailer.Product.Variants[0].RetailerPrice, "a retailer sees retailer prices, not the cached anonymous page")
	client{}.must(t, query, map[string]any{"s": slug}, &anon)
	require.Nil(t, anon.Product.Variants[0].RetailerPrice, "and the retailer's answer was not cached for others")
}
