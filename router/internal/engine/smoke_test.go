package engine

import (
	"os"
	"testing"
)

func TestSmokeRealSupergraph(t *testing.T) {
	raw, err := os.ReadFile("../../../supergraph/supergraph.graphql")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(raw, Config{Introspection: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, q := range []string{
		`{ __schema { types { name } } }`,
		`{ me { name } products(first: 20, sort: NEWEST) { edges { node { store { id } createdBy { id name email } } } } }`,

		`query($s: String!) { product(slug: $s) { id name variants { id stock { available } } rating { average } } }`,
	} {
		p, err := e.Prepare(q, "", []byte(`{"s":"x"}`), Limits{MaxDepth: 12, MaxTokens: 2000})
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		t.Logf("%s => %T", p.Normalized, p.plan)
	}
}
