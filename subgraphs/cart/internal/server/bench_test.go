package server_test

import (
	"sync/atomic"
	"testing"
)

// BenchmarkAddToCart is the hot mutation as the router sends it: a verified
// token, cached variant facts (Redis), one short transaction (Postgres).
// Each goroutine is its own retailer adding one cable at a time (MOQ 1, up
// to 10,000 per line), as many shoppers would.
//
//	go test -run '^$' -bench AddToCart -benchtime 5s ./subgraphs/cart/internal/server/
func BenchmarkAddToCart(b *testing.B) {
	e := newEnv(b)
	var n atomic.Int64
	shoppers := make([]shopper, 64)
	for i := range shoppers {
		shoppers[i] = e.retailer()
		e.add(shoppers[i], cableID, 1) // the cart exists and the facts are cached
	}
	b.SetParallelism(8) // 16 requests in flight on 2 cores, as behind the router
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		s := shoppers[n.Add(1)%int64(len(shoppers))]
		for pb.Next() {
			resp := e.do(s, `mutation($v: ID!) { addToCart(variantId: $v, quantity: 1) { id itemCount } }`, map[string]any{"v": cableID}, nil)
			if len(resp.Errors) > 0 {
				b.Fatalf("errors: %+v", resp.Errors)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
