package server_test

import (
	"testing"
)

type wishlistView struct {
	ID        string `json:"id"`
	ItemCount int    `json:"itemCount"`
	Items     []struct {
		ID      string `json:"id"`
		Variant struct {
			ID string `json:"id"`
		} `json:"variant"`
	} `json:"items"`
}

const (
	wishlistFields = `id itemCount updatedAt items { id addedAt variant { id } }`
	saveMutation   = `mutation($v: ID!) { addToWishlist(variantId: $v) { ` + wishlistFields + ` } }`
	unsaveMutation = `mutation($v: ID!) { removeFromWishlist(variantId: $v) { ` + wishlistFields + ` } }`
	moveMutation   = `mutation($v: ID!, $q: Int! = 1) { moveWishlistItemToCart(variantId: $v, quantity: $q) { ` + cartFields + ` } }`
)

func (e *env) save(s shopper, variantID string) wishlistView {
	e.t.Helper()
	var out struct{ AddToWishlist wishlistView }
	e.must(s, saveMutation, map[string]any{"v": variantID}, &out)
	return out.AddToWishlist
}

func (e *env) myWishlist(s shopper) wishlistView {
	e.t.Helper()
	var out struct{ MyWishlist wishlistView }
	e.must(s, `query { myWishlist { `+wishlistFields+` } }`, nil, &out)
	return out.MyWishlist
}

func TestWishlistSaveAndRemove(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	w := e.save(rahul, phoneID)
	if w.ItemCount != 1 || w.Items[0].Variant.ID != phoneID {
		t.Fatalf("after save: %+v", w)
	}
	if again := e.save(rahul, phoneID); again.ItemCount != 1 || again.Items[0].ID != w.Items[0].ID {
		t.Fatalf("saving twice: %+v", again)
	}
	e.save(rahul, cableID)
	wantErr(t, e.do(rahul, saveMutation, map[string]any{"v": draftID}, nil), "BAD_USER_INPUT", "variantId", "VARIANT_UNAVAILABLE")

	var out struct{ RemoveFromWishlist wishlistView }
	e.must(rahul, unsaveMutation, map[string]any{"v": phoneID}, &out)
	if out.RemoveFromWishlist.ItemCount != 1 || out.RemoveFromWishlist.Items[0].Variant.ID != cableID {
		t.Fatalf("after remove: %+v", out.RemoveFromWishlist)
	}
	wantErr(t, e.do(rahul, unsaveMutation, map[string]any{"v": phoneID}, nil), "NOT_FOUND", "", "")
	if got := e.myWishlist(rahul); got.ID != w.ID || got.ItemCount != 1 {
		t.Fatalf("myWishlist = %+v", got)
	}
}

func TestWishlistHoldsAtMostAHundred(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	w := e.myWishlist(rahul)
	// 100 saved items, written directly: the limit is what is tested here.
	if _, err := e.d.DB.Exec(t.Context(), `INSERT INTO wishlist_items (id, wishlist_id, variant_id, added_at)
		SELECT gen_random_uuid(), $1, gen_random_uuid(), now() FROM generate_series(1, 100)`, w.ID); err != nil {
		t.Fatal(err)
	}
	wantErr(t, e.do(rahul, saveMutation, map[string]any{"v": phoneID}, nil), "CONFLICT", "", "WISHLIST_LIMIT_REACHED")
}

func TestMoveWishlistItemToCart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	e.save(rahul, phoneID)
	e.save(rahul, cableID)
	e.add(rahul, cableID, 9)

	// The cable would go to 9 + 2 = 11: refused, and it stays saved.
	before := e.snapshot()
	wantErr(t, e.do(rahul, moveMutation, map[string]any{"v": cableID, "q": 2}, nil), "BAD_USER_INPUT", "quantity", "ABOVE_LIMIT")
	if e.snapshot() != before {
		t.Fatal("a refused move changed something")
	}

	var out struct{ MoveWishlistItemToCart cartView }
	e.must(rahul, moveMutation, map[string]any{"v": phoneID}, &out)
	if l, ok := out.MoveWishlistItemToCart.line(phoneID); !ok || l.Quantity != 1 {
		t.Fatalf("cart after move: %+v", out.MoveWishlistItemToCart)
	}
	if w := e.myWishlist(rahul); w.ItemCount != 1 || w.Items[0].Variant.ID != cableID {
		t.Fatalf("wishlist after move: %+v", w)
	}
	wantErr(t, e.do(rahul, moveMutation, map[string]any{"v": phoneID}, nil), "NOT_FOUND", "", "")

	// A retailer moving one unit of a MOQ-50 variant is refused; 50 go.
	amit := e.retailer()
	e.save(amit, earbudsID)
	wantErr(t, e.do(amit, moveMutation, map[string]any{"v": earbudsID}, nil), "BAD_USER_INPUT", "quantity", "BELOW_MOQ")
	e.must(amit, moveMutation, map[string]any{"v": earbudsID, "q": 50}, &out)
	if out.MoveWishlistItemToCart.ItemCount != 50 || e.myWishlist(amit).ItemCount != 0 {
		t.Fatalf("retailer move: %+v", out.MoveWishlistItemToCart)
	}
}

// A refused move by a user without a cart or wishlist creates neither.
func TestRefusedMoveCreatesNothing(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rahul := e.customer()
	wantErr(t, e.do(rahul, moveMutation, map[string]any{"v": phoneID}, nil), "NOT_FOUND", "", "")
	if n := e.count(`SELECT count(*) FROM carts`) + e.count(`SELECT count(*) FROM wishlists`); n != 0 {
		t.Fatalf("a refused move created %d rows", n)
	}
}
