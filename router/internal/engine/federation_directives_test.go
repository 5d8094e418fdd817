package engine

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// @key: Product lives in products; reviews adds rating through _entities.
func TestKeyEntityJoin(t *testing.T) {
	f := newFakeSubgraphs(t, map[string]map[string]string{
		"products": {"{products {id name}}": `{"data":{"products":[{"id":"p1","name":"Phone"},{"id":"p2","name":"Laptop"}]}}`},
		"reviews":  {},
	})
	e := loadTestEngine(t, f)
	out := run(t, e, `{ products { id name rating } }`, "")
	t.Log(f.calls("products"), f.calls("reviews"))
	require.Equal(t, compact(`{"data":{"products":[{"id":"p1","name":"Phone","rating":4.5},{"id":"p2","name":"Laptop","rating":3}]}}`), out)
}
