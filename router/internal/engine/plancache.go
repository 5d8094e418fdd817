package engine

import (
	"container/list"
	"sync"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
)

// planCache is a bounded LRU of plans keyed by the hash of the normalised
// operation, so equivalent documents (other literals, fragments, spacing)
// share one plan.
type planCache struct {
	mu    sync.Mutex
	max   int
	order *list.List
	items map[uint64]*list.Element
}

type planEntry struct {
	key  uint64
	plan plan.Plan
}

func newPlanCache(max int) *planCache {
	return &planCache{max: max, order: list.New(), items: map[uint64]*list.Element{}}
}

func (c *planCache) get(key uint64) (plan.Plan, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*planEntry).plan, true
}

func (c *planCache) put(key uint64, p plan.Plan) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*planEntry).plan = p
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&planEntry{key: key, plan: p})
	for c.order.Len() > c.max {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*planEntry).key)
	}
}

// Len is the number of cached plans.
func (c *planCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
