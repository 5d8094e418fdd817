package server

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// responseCache keeps anonymous query responses for a few seconds, indexed
// by the entity ids they contain, so a mutation evicts every cached page
// showing an entity it returned (the variant whose price changed).
type responseCache interface {
	get(ctx context.Context, key string) ([]byte, bool)
	set(ctx context.Context, key string, body []byte, ttl time.Duration, ids []string)
	evict(ctx context.Context, ids []string)
}

// entityIDs collects the ids in a response: every string or number under
// an "id" key (ids are UUIDs here, so types need not be told apart).
func entityIDs(body []byte) []string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil
	}
	seen := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			for k, x := range t {
				if k == "id" {
					switch id := x.(type) {
					case string:
						seen[id] = true
					case float64:
						seen[json.Number(formatFloat(id)).String()] = true
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range t {
				walk(x)
			}
		}
	}
	if m, ok := v.(map[string]any); ok {
		walk(m["data"])
	}
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	return out
}

func formatFloat(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// memoryCache is the in-process cache: evictions are synchronous but reach
// only this replica.
type memoryCache struct {
	mu      sync.Mutex
	max     int
	entries map[string]*memoryEntry
	byID    map[string]map[string]struct{}
}

type memoryEntry struct {
	body    []byte
	expires time.Time
	ids     []string
}

func newMemoryCache(max int) *memoryCache {
	return &memoryCache{max: max, entries: map[string]*memoryEntry{}, byID: map[string]map[string]struct{}{}}
}

func (c *memoryCache) get(_ context.Context, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	if time.Now().After(e.expires) {
		c.removeLocked(key)
		return nil, false
	}
	return e.body, true
}

func (c *memoryCache) set(_ context.Context, key string, body []byte, ttl time.Duration, ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		c.sweepLocked()
	}
	if len(c.entries) >= c.max {
		return // full of live entries: serve uncached rather than grow
	}
	c.removeLocked(key)
	c.entries[key] = &memoryEntry{body: body, expires: time.Now().Add(ttl), ids: ids}
	for _, id := range ids {
		keys := c.byID[id]
		if keys == nil {
			keys = map[string]struct{}{}
			c.byID[id] = keys
		}
		keys[key] = struct{}{}
	}
}

func (c *memoryCache) evict(_ context.Context, ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		for key := range c.byID[id] {
			c.removeLocked(key)
		}
	}
}

func (c *memoryCache) removeLocked(key string) {
	e, ok := c.entries[key]
	if !ok {
		return
	}
	delete(c.entries, key)
	for _, id := range e.ids {
		if keys := c.byID[id]; keys != nil {
			delete(keys, key)
			if len(keys) == 0 {
				delete(c.byID, id)
			}
		}
	}
}

func (c *memoryCache) sweepLocked() {
	now := time.Now()
	for key, e := range c.entries {
		if now.After(e.expires) {
			c.removeLocked(key)
		}
	}
}

// redisCache shares entries and evictions between replicas: each entry is a
// key with a TTL, each entity id a set of the entries holding it.
type redisCache struct {
	rdb *redis.Client
}

func newRedisCache(url string) (*redisCache, error) {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, err
	}
	return &redisCache{rdb: redis.NewClient(opts)}, nil
}

const redisPrefix = "purra:router:rc:"

func (c *redisCache) get(ctx context.Context, key string) ([]byte, bool) {
	b, err := c.rdb.Get(ctx, redisPrefix+key).Bytes()
	return b, err == nil
}

func (c *redisCache) set(ctx context.Context, key string, body []byte, ttl time.Duration, ids []string) {
	pipe := c.rdb.Pipeline()
	pipe.Set(ctx, redisPrefix+key, body, ttl)
	for _, id := range ids {
		pipe.SAdd(ctx, redisPrefix+"id:"+id, key)
		pipe.Expire(ctx, redisPrefix+"id:"+id, ttl+time.Second)
	}
	_, _ = pipe.Exec(ctx)
}

func (c *redisCache) evict(ctx context.Context, ids []string) {
	for _, id := range ids {
		keys, err := c.rdb.SMembers(ctx, redisPrefix+"id:"+id).Result()
		if err != nil || len(keys) == 0 {
			continue
		}
		del := make([]string, 0, len(keys)+1)
		for _, k := range keys {
			del = append(del, redisPrefix+k)
		}
		del = append(del, redisPrefix+"id:"+id)
		c.rdb.Del(ctx, del...)
	}
}
