package server_test

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// 50 shoppers race for the last 10 units: exactly 10 win, 40 get CONFLICT,
// the stock never goes negative; then the reaper releases the 10 after
// their short TTL, each order's expiry is published once, and all 10 units
// are available again.
func TestReserve_concurrentLastUnits(t *testing.T) {
	e := newEnv(t)
	v := e.variant(techHub, "HOT-1", 10)

	// Sample the row while the race runs: available must never be negative.
	stop := make(chan struct{})
	var sampled, negative atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			onHand, reserved := e.level(v)
			sampled.Add(1)
			if onHand-reserved < 0 || reserved > 10 {
				negative.Add(1)
			}
		}
	}()

	const shoppers = 50
	var won, conflicts, other atomic.Int64
	orders := make([]string, shoppers)
	tokens := make([]string, shoppers)
	for i := range orders {
		orders[i] = newOrderID()
		tokens[i] = e.shopper(uuid.NewString())
	}
	start := make(chan struct{})
	var racers sync.WaitGroup
	for i := range shoppers {
		racers.Add(1)
		go func() {
			defer racers.Done()
			<-start
			_, r := e.tryReserve(tokens[i], orders[i], map[string]int{v: 1}, ttl(1))
			switch {
			case len(r.Errors) == 0:
				won.Add(1)
			case r.Code() == "CONFLICT" && r.Errors[0].Extensions["reason"] == "OUT_OF_STOCK":
				conflicts.Add(1)
			default:
				other.Add(1)
				t.Errorf("unexpected: %+v", r.Errors)
			}
		}()
	}
	close(start)
	racers.Wait()
	close(stop)
	wg.Wait()

	require.EqualValues(t, 10, won.Load())
	require.EqualValues(t, 40, conflicts.Load())
	require.Zero(t, other.Load())
	require.Zero(t, negative.Load(), "available stayed ≥ 0 in %d samples", sampled.Load())
	onHand, reserved := e.level(v)
	require.Equal(t, []int{10, 10}, []int{onHand, reserved})
	require.Equal(t, 10, e.count(`SELECT count(*) FROM stock_reservations WHERE status = 'RESERVED'`))

	e.runReaper()
	require.Eventually(t, func() bool {
		_, reserved := e.level(v)
		return reserved == 0
	}, 10*time.Second, 50*time.Millisecond, "the reaper releases expired reservations")
	onHand, _ = e.level(v)
	require.Equal(t, 10, onHand, "available back to 10")
	require.Equal(t, 10, e.count(`SELECT count(*) FROM stock_reservations WHERE status = 'EXPIRED'`))
	require.Equal(t, 10, e.count(`SELECT count(*) FROM outbox WHERE type = 'stock.reservation_expired'`))
	require.Equal(t, 10, e.count(`SELECT count(DISTINCT key) FROM outbox WHERE type = 'stock.reservation_expired'`), "once per order")

	// More ticks change nothing.
	time.Sleep(200 * time.Millisecond)
	require.Equal(t, 10, e.count(`SELECT count(*) FROM outbox WHERE type = 'stock.reservation_expired'`))
}

// Orders with the same variants listed in opposite orders never deadlock:
// every transaction locks stock rows in variant-id order.
func TestReserve_noDeadlockAcrossLineOrders(t *testing.T) {
	e := newEnv(t)
	ids := []string{e.variant(techHub, "DL-A", 1000), e.variant(techHub, "DL-B", 1000), e.variant(techHub, "DL-C", 1000)}
	var wg sync.WaitGroup
	var failed atomic.Int64
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lines := map[string]int{ids[i%3]: 1, ids[(i+1)%3]: 2, ids[(i+2)%3]: 3}
			order := newOrderID()
			if _, r := e.tryReserve(e.customer(), order, lines, nil); len(r.Errors) > 0 {
				failed.Add(1)
				t.Errorf("reserve: %+v", r.Errors)
				return
			}
			if i%2 == 0 { // release half of them concurrently with the reservations
				var out struct{ ReleaseStock bool }
				if r := e.asOrders(e.customer(), releaseQ, map[string]any{"o": order}, &out); len(r.Errors) > 0 || !out.ReleaseStock {
					failed.Add(1)
					t.Errorf("release: %+v", r.Errors)
				}
			}
		}()
	}
	wg.Wait()
	require.Zero(t, failed.Load())
	var total int
	for _, id := range ids {
		_, reserved := e.level(id)
		total += reserved
	}
	require.Equal(t, 15*6, total, "15 orders of 6 units still held")
}
