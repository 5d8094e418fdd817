// Package live pushes order status changes to this instance's subscribers:
// a Feed reads orders.events (every instance with its own consumer group,
// so each sees every change) and a Hub fans each change out to the local
// subscribers of that order.
package live

import (
	"sync"
)

// Buffer is how many updates a subscriber may fall behind before it is
// dropped: a slow client must not hold up everybody else's updates.
const Buffer = 16

// Hub routes status changes to subscribers by order id.
type Hub struct {
	mu   sync.Mutex
	subs map[string]map[*subscriber]struct{}
}

type subscriber struct {
	ch chan Update
}

// NewHub returns an empty hub.
func NewHub() *Hub { return &Hub{subs: map[string]map[*subscriber]struct{}{}} }

// Subscribe returns the changes of orderID from now on, and the function
// that ends the subscription. The channel is closed when the subscription
// ends, including when the hub dropped a subscriber that fell behind.
func (h *Hub) Subscribe(orderID string) (<-chan Update, func()) {
	s := &subscriber{ch: make(chan Update, Buffer)}
	h.mu.Lock()
	if h.subs[orderID] == nil {
		h.subs[orderID] = map[*subscriber]struct{}{}
	}
	h.subs[orderID][s] = struct{}{}
	h.mu.Unlock()
	return s.ch, func() { h.remove(orderID, s) }
}

// remove ends s's subscription once (closing its channel).
func (h *Hub) remove(orderID string, s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	set := h.subs[orderID]
	if _, ok := set[s]; !ok {
		return
	}
	delete(set, s)
	if len(set) == 0 {
		delete(h.subs, orderID)
	}
	close(s.ch)
}

// Publish hands e to the subscribers of its order without ever blocking:
// one whose buffer is full is dropped.
func (h *Hub) Publish(e Update) {
	h.mu.Lock()
	defer h.mu.Unlock()
	set := h.subs[e.OrderID]
	for s := range set {
		select {
		case s.ch <- e:
		default:
			delete(set, s)
			close(s.ch)
		}
	}
	if set != nil && len(set) == 0 {
		delete(h.subs, e.OrderID)
	}
}

// Subscribers counts the subscribers of orderID (for tests and metrics).
func (h *Hub) Subscribers(orderID string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs[orderID])
}
