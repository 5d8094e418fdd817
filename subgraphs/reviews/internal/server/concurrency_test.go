package server_test

import (
	"sync"
	"testing"
)

// Concurrent approvals of one product's reviews all land in its rollup, and
// the last product.rating_changed published carries the final count.
func TestConcurrentApprovalsRollUp(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	product := newID()
	mod := e.admin("reviews:moderate")
	const n = 8
	ids := make([]string, n)
	for i := range ids {
		ids[i] = e.submitted(e.buyer(product), product, 1+i%5).ID
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			// Each moderator clicks twice: exactly one approval per review wins.
			e.do(mod, approve, map[string]any{"id": id}, nil)
			e.do(mod, approve, map[string]any{"id": id}, nil)
		})
	}
	wg.Wait()
	if r := e.rating(product); r.Count != n {
		t.Fatalf("rating count = %d, want %d", r.Count, n)
	}
	if _, count := e.lastRatingEvent(product); count != n {
		t.Fatalf("last product.rating_changed count = %d, want %d", count, n)
	}
	if c := e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`); c != n {
		t.Fatalf("%d admin.action rows, want %d", c, n)
	}
}
