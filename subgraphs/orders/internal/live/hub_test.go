package live_test

import (
	"testing"
	"time"

	"github.com/purra/supergraph/subgraphs/orders/internal/live"
	"github.com/purra/supergraph/subgraphs/orders/internal/order"
)

func change(orderID string, to order.Status) live.Update {
	return live.Update{StatusChanged: order.StatusChanged{OrderID: orderID, From: order.Confirmed, To: to, At: time.Now()}}
}

func TestHubRoutesByOrder(t *testing.T) {
	t.Parallel()
	h := live.NewHub()
	a1, stopA1 := h.Subscribe("a")
	a2, _ := h.Subscribe("a")
	b, _ := h.Subscribe("b")
	h.Publish(change("a", order.Packed))
	for _, ch := range []<-chan live.Update{a1, a2} {
		if e := <-ch; e.OrderID != "a" || e.To != order.Packed {
			t.Fatalf("got %+v", e)
		}
	}
	select {
	case e := <-b:
		t.Fatalf("b got a's change %+v", e)
	default:
	}
	stopA1()
	stopA1() // idempotent
	if _, open := <-a1; open {
		t.Fatal("stopped subscription still open")
	}
	if h.Subscribers("a") != 1 {
		t.Fatalf("subscribers of a = %d", h.Subscribers("a"))
	}
	h.Publish(change("nobody", order.Packed)) // no subscribers: nothing happens
}

// A subscriber that stops reading is dropped once its buffer is full; the
// hub never blocks, and the others keep receiving.
func TestHubDropsSlowSubscribers(t *testing.T) {
	t.Parallel()
	h := live.NewHub()
	slow, _ := h.Subscribe("a")
	fast, _ := h.Subscribe("a")
	got := make(chan int)
	go func() {
		n := 0
		for range fast {
			n++
			if n == live.Buffer+5 {
				got <- n
				return
			}
		}
	}()
	done := make(chan struct{})
	go func() {
		for range live.Buffer + 5 {
			h.Publish(change("a", order.Packed))
			time.Sleep(time.Millisecond) // let the fast reader keep up
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Publish blocked on a slow subscriber")
	}
	select {
	case n := <-got:
		if n != live.Buffer+5 {
			t.Fatalf("fast subscriber got %d", n)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("fast subscriber starved")
	}
	n := 0
	for range slow { // drains the buffer, then sees the channel closed
		n++
	}
	if n != live.Buffer {
		t.Fatalf("slow subscriber got %d before being dropped, want %d", n, live.Buffer)
	}
}
