package e2e

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShopperJourney: register → login → me { addresses } → search → product
// page, all through the router.
func TestShopperJourney(t *testing.T) {
	_, reg := newShopper(t)
	c, logged := login(t, reg.User.Email, "Sunrise2026x")
	require.Equal(t, reg.User.ID, logged.User.ID)

	// A signed-in read is never served from the router's cache: read the
	// (empty) address book first, so a cached answer would hide the new one.
	var empty struct {
		Me struct{ Addresses []struct{ ID string } }
	}
	c.must(t, op(t, "Me"), nil, &empty)
	require.Empty(t, empty.Me.Addresses)

	var added struct{ AddAddress struct{ ID string } }
	c.must(t, op(t, "AddAddress"), map[string]any{"input": map[string]any{
		"name": "Asha Verma", "phone": "9845012345", "line1": "12, 4th Cross, Indiranagar",
		"landmark": "Near CMH Hospital", "city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560038",
	}}, &added)

	var me struct {
		Me struct {
			ID, Name, Email string
			Addresses       []struct {
				ID, City, PinCode, State string
				IsDefault                bool
			}
		}
	}
	c.must(t, op(t, "Me"), nil, &me)
	require.Equal(t, reg.User.ID, me.Me.ID)
	require.Len(t, me.Me.Addresses, 1)
	assert.Equal(t, added.AddAddress.ID, me.Me.Addresses[0].ID)
	assert.True(t, me.Me.Addresses[0].IsDefault, "the first address is the default")
	assert.Equal(t, "560038", me.Me.Addresses[0].PinCode)

	var found struct {
		Products struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Title, Slug string
					Brand       struct{ Name string }
					Category    struct{ Name string }
				}
			}
		}
	}
	c.must(t, op(t, "SearchProducts"), map[string]any{"filter": map[string]any{"query": "iphone 15"}, "first": 10}, &found)
	require.GreaterOrEqual(t, found.Products.TotalCount, 4)
	for _, e := range found.Products.Edges[:4] {
		assert.True(t, strings.HasPrefix(e.Node.Title, "Apple iPhone 15"), "iPhone 15 family first, got %q", e.Node.Title)
		assert.Equal(t, "Apple", e.Node.Brand.Name)
		assert.Equal(t, "Mobiles", e.Node.Category.Name)
	}

	var page struct {
		Product struct {
			Title    string
			Media    []struct{ Urls []struct{ URL string } }
			Variants []struct {
				SKU        string `json:"sku"`
				Price      struct{ Paise int64 }
				Attributes []struct {
					Attribute struct{ Name string }
					Value     struct{ Value string }
				}
			}
		}
	}
	c.must(t, op(t, "ProductBySlug"), map[string]any{"slug": "apple-iphone-15"}, &page)
	require.Equal(t, "Apple iPhone 15", page.Product.Title)
	require.NotEmpty(t, page.Product.Media)
	require.NotEmpty(t, page.Product.Media[0].Urls)
	require.Len(t, page.Product.Variants, 9, "Black/Blue/Pink × 128/256/512 GB")
	attrs := map[string]bool{}
	for _, a := range page.Product.Variants[0].Attributes {
		attrs[a.Attribute.Name] = true
	}
	assert.True(t, attrs["Colour"] && attrs["Storage"], "variant attribute values: %v", attrs)
}

// TestSearchIsSafeAndTolerant: typos find products; SQL and tsquery
// metacharacters are just text.
func TestSearchIsSafeAndTolerant(t *testing.T) {
	var out struct{ Products struct{ TotalCount int } }
	for _, q := range []string{"iphon", "samsng"} {
		client{}.must(t, op(t, "SearchProducts"), map[string]any{"filter": map[string]any{"query": q}}, &out)
		assert.Positive(t, out.Products.TotalCount, "query %q", q)
	}
	for _, q := range []string{"'; DROP TABLE products; --", `iphone & | ! :* \ % _ ( )`, `" OR 1=1 --`} {
		r := client{}.do(t, op(t, "SearchProducts"), map[string]any{"filter": map[string]any{"query": q}}, &out)
		require.Empty(t, r.Errors, "query %q", q)
	}
	r := client{}.do(t, op(t, "SearchProducts"), map[string]any{"filter": map[string]any{"query": strings.Repeat("x", 10_000)}}, nil)
	require.Equal(t, "BAD_USER_INPUT", r.code())
	client{}.must(t, op(t, "SearchProducts"), map[string]any{"filter": map[string]any{"query": "iphone"}}, &out)
	assert.Positive(t, out.Products.TotalCount, "the products table survived")
}

// TestRefreshTokenRotation: a refresh token works once; presenting it again
// ends the whole session family.
func TestRefreshTokenRotation(t *testing.T) {
	_, first := newShopper(t)
	const refresh = `mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken } }`
	var out struct{ RefreshToken authPayload }
	client{}.must(t, refresh, map[string]any{"t": first.RefreshToken}, &out)
	second := out.RefreshToken
	require.NotEqual(t, first.RefreshToken, second.RefreshToken)
	var me struct{ Me struct{ ID string } }
	client{}.withToken(second.AccessToken).must(t, `{ me { id } }`, nil, &me)
	require.Equal(t, first.User.ID, me.Me.ID)

	r := client{}.do(t, refresh, map[string]any{"t": first.RefreshToken}, nil)
	require.Equal(t, "UNAUTHENTICATED", r.code(), "reuse of a rotated token")
	r = client{}.do(t, refresh, map[string]any{"t": second.RefreshToken}, nil)
	require.Equal(t, "UNAUTHENTICATED", r.code(), "the family was revoked")
}
