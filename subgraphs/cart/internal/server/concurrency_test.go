package server_test

import (
	"sync"
	"testing"
)

// Concurrent writes to one cart are serialised by its row lock: no lost
// update, no second line for a variant, no second cart on first use.
func TestConcurrentAddsToOneCart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	amit := e.retailer() // no cart yet: the first adds race to create it
	const n = 12
	var wg sync.WaitGroup
	errs := make(chan string, 2*n)
	for range n {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if r := e.do(amit, addMutation, map[string]any{"v": cableID, "q": 1}, nil); len(r.Errors) > 0 {
				errs <- r.Errors[0].Message
			}
		}()
		go func() {
			defer wg.Done()
			if r := e.do(amit, saveMutation, map[string]any{"v": phoneID}, nil); len(r.Errors) > 0 {
				errs <- r.Errors[0].Message
			}
		}()
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Errorf("concurrent write failed: %s", msg)
	}
	c := e.myCart(amit)
	if len(c.Items) != 1 || c.Items[0].Quantity != n {
		t.Fatalf("cart after %d concurrent adds = %+v", n, c)
	}
	if w := e.myWishlist(amit); w.ItemCount != 1 {
		t.Fatalf("wishlist after concurrent saves = %+v", w)
	}
	if carts, lists := e.count(`SELECT count(*) FROM carts`), e.count(`SELECT count(*) FROM wishlists`); carts != 1 || lists != 1 {
		t.Fatalf("carts %d, wishlists %d", carts, lists)
	}
}
