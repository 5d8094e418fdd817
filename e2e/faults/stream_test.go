package faults

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purra/supergraph/e2e/invariants"
	"github.com/purra/supergraph/e2e/storefront"
)

// A payment mix with a known end for each order.
var payments = []struct {
	method, vpa, want string
}{
	{"UPI", "success@sandbox", "CONFIRMED"},
	{"UPI", "failure@sandbox", "CANCELLED"},
	{"COD", "", "CONFIRMED"},
	{"CARD", "", "CONFIRMED"},
}

// placed is an acknowledged order and what it must end as.
type placed struct {
	shopper storefront.Client
	order   storefront.Order
	want    string
	at      time.Time
}

// stream is shoppers checking out one unit at a time, for as long as ctx lasts.
type stream struct {
	workers  sync.WaitGroup
	mu       sync.Mutex
	placed   []placed
	refusals map[string]int // why checkouts were not acknowledged, by code or error
}

// startCheckouts starts workers shoppers, each buying one unit of a variant
// of variants per checkout, until ctx is done (see Wait). A checkout that
// fails (a process is down) is simply not acknowledged; what was acknowledged
// must end well.
func startCheckouts(ctx context.Context, t *testing.T, workers int, variants []string) *stream {
	t.Helper()
	s := &stream{refusals: map[string]int{}}
	shoppers := make([]storefront.Client, workers)
	addresses := make([]string, workers)
	for w := range workers {
		shoppers[w], _ = router.NewShopper(t)
		addresses[w] = shoppers[w].DefaultAddress(t)
	}
	for w := range workers {
		s.workers.Go(func() {
			for i := 0; ctx.Err() == nil; i++ {
				s.checkoutOnce(ctx, shoppers[w], addresses[w], variants[(w+i)%len(variants)], (w+i)%len(payments))
			}
		})
	}
	t.Cleanup(s.workers.Wait)
	return s
}

// Wait waits until the workers stopped (their ctx is done) and returns the
// acknowledged orders.
func (s *stream) Wait() []placed {
	s.workers.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]placed(nil), s.placed...)
}

func (s *stream) checkoutOnce(ctx context.Context, shopper storefront.Client, address, variant string, payment int) {
	if r, err := shopper.ClearCart(ctx); err != nil || len(r.Errors) > 0 {
		s.refused(r, err)
		return
	}
	if r, err := shopper.AddToCart(ctx, variant, 1); err != nil || len(r.Errors) > 0 {
		s.refused(r, err)
		return
	}
	p := payments[payment]
	res, r, err := shopper.Checkout(ctx, storefront.CheckoutInput{AddressID: address, Method: p.method, UPIVPA: p.vpa})
	if err != nil || len(r.Errors) > 0 || res.Order.ID == "" {
		s.refused(r, err)
		return
	}
	s.mu.Lock()
	s.placed = append(s.placed, placed{shopper: shopper, order: res.Order, want: p.want, at: time.Now()})
	s.mu.Unlock()
}

func (s *stream) refused(r storefront.Response, err error) {
	why := r.Code()
	if err != nil {
		why = "no answer"
		if strings.Contains(err.Error(), "answered 5") {
			why = "5xx"
		}
	} else if why == "" {
		why = "error without code"
	}
	s.mu.Lock()
	s.refusals[why]++
	s.mu.Unlock()
}

func (s *stream) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var why []string
	for k, n := range s.refusals {
		why = append(why, fmt.Sprintf("%s ×%d", k, n))
	}
	sort.Strings(why)
	return fmt.Sprintf("%d orders acknowledged; not acknowledged: %s", len(s.placed), strings.Join(why, ", "))
}

// requireSettled waits for every acknowledged order to reach the end its
// payment decides (so no event of its saga was lost), then for the
// invariants to hold.
func requireSettled(t *testing.T, orders []placed, stocked map[string]int) {
	t.Helper()
	ids := make([]string, len(orders))
	for i, o := range orders {
		ids[i] = o.order.ID
		got := o.shopper.AwaitStatus(t, o.order.ID, 90*time.Second, "CONFIRMED", "CANCELLED")
		if got != o.want {
			t.Errorf("order %s ended %s, its payment says %s", o.order.OrderNumber, got, o.want)
		}
	}
	invariants.Eventually(t, dbPrefix, 60*time.Second, invariants.Expect{Stocked: stocked, Acknowledged: ids})
}

// placedAfter counts the orders acknowledged after t.
func placedAfter(orders []placed, t time.Time) int {
	n := 0
	for _, o := range orders {
		if o.at.After(t) {
			n++
		}
	}
	return n
}

// newVariants lists n fresh variants of stock units each, as TechHub's owner.
func newVariants(t *testing.T, n, stock int) ([]string, map[string]int) {
	t.Helper()
	owner, _ := router.Login(t, storefront.VikramEmail, storefront.SeedPassword)
	ids := make([]string, n)
	stocked := map[string]int{}
	for i := range ids {
		ids[i] = owner.NewListing(t, stock, 99_900)
		stocked[ids[i]] = stock
	}
	return ids, stocked
}
