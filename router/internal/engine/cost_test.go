package engine

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// The cost model is router/limits.mjs's: the same figures on the real
// supergraph (router/test/limits.test.mjs), and every operation the apps
// ship fits the default limits with room.

func realEngine(t *testing.T) *Engine {
	t.Helper()
	raw, err := os.ReadFile("../../../supergraph/supergraph.graphql")
	require.NoError(t, err)
	e, err := New(raw, Config{Introspection: true})
	require.NoError(t, err)
	t.Cleanup(e.Close)
	return e
}

// costOf is the estimated cost of query, read from the refusal of a limit of 1.
func costOf(t *testing.T, e *Engine, query, variables string) int {
	t.Helper()
	_, err := e.Prepare(query, "", []byte(variables), Limits{MaxCost: 1, DefaultListSize: 10})
	var ee *Error
	if errors.As(err, &ee) && ee.Code == "COST_LIMIT_EXCEEDED" {
		return ee.Extensions["cost"].(int)
	}
	require.NoError(t, err)
	return 1
}

func TestCostModel(t *testing.T) {
	e := realEngine(t)
	require.Equal(t, 1+50+50+50, costOf(t, e, `{ products(first: 50) { edges { node { id } } } }`, ""),
		"a connection's first bounds its edges once")
	require.Equal(t, 1+2+2+2+20, costOf(t, e, `query($n: Int) { products(first: $n) { edges { node { variants { id } } } } }`, `{"n":2}`),
		"a list without first counts 10")
	require.Equal(t, 1+10+10+10, costOf(t, e, `query($n: Int) { products(first: $n) { edges { node { id } } } }`, `{}`),
		"an absent first counts DEFAULT_LIST_SIZE")
	// Unlike router/limits.mjs (10 for a variable not sent), a variable's
	// default value is what the subgraph will use, so it is what counts.
	require.Equal(t, 1+24+24+24, costOf(t, e, `query($n: Int = 24) { products(first: $n) { edges { node { id } } } }`, `{}`),
		"a variable's default value counts")
	require.Equal(t, 1+50+50+50, costOf(t, e, `query { ...P } fragment P on Query { products(first: 50) { edges { node { id } } } }`, ""),
		"fragments count where they are spread")
	require.LessOrEqual(t, costOf(t, e, `{ __schema { types { name fields { name } } } }`, ""), 1, "introspection costs nothing")
}

func TestPersistedOperationsFitTheLimits(t *testing.T) {
	e := realEngine(t)
	raw, err := os.ReadFile("../../persisted-operations.json")
	require.NoError(t, err)
	var ops map[string]string
	require.NoError(t, json.Unmarshal(raw, &ops))
	require.Greater(t, len(ops), 10)
	heaviest := 0
	for _, doc := range ops {
		_, err := e.Prepare(doc, "", nil, Limits{MaxCost: 20000 / 2, MaxAliases: 30, DefaultListSize: 10})
		var ee *Error
		if errors.As(err, &ee) {
			require.NotContains(t, []string{"COST_LIMIT_EXCEEDED", "ALIAS_LIMIT_EXCEEDED"}, ee.Code, "%s: %s", ee.Message, doc[:min(80, len(doc))])
		}
		heaviest = max(heaviest, costOf(t, e, doc, "{}"))
	}
	t.Logf("heaviest persisted operation: cost %d", heaviest)
}
