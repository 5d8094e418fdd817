package supergraph

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A field set in a quoted directive argument keeps GraphQL's escapes in the
// document; the planner must get the string's value (requires-with-argument:
// `requires: "price(currency: \"USD\")"`).
func TestFieldSetEscapesAreDecoded(t *testing.T) {
	raw, err := os.ReadFile("../engine/testdata/federation/supergraph.graphql")
	require.NoError(t, err)
	sdl := strings.Replace(string(raw), `requires: "weight"`, `requires: "weight(unit: \"g\", note: \"a\\\\b\")"`, 1)
	sg, err := Parse([]byte(sdl))
	require.NoError(t, err)
	for _, f := range sg.ByName["Product"].Fields {
		if f.Name == "shippingCost" {
			for _, j := range f.Joins {
				if j.Requires != "" {
					require.Equal(t, `weight(unit: "g", note: "a\\b")`, j.Requires)
					return
				}
			}
		}
	}
	t.Fatal("no @requires on Product.shippingCost")
}
