package remote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// federation declares what the subgraph SDLs import from federation v2.5 and
// what gqlgen adds to a subgraph's schema (_Any, _entities), so that an SDL
// under schema/ can be loaded and the cart's queries validated against it.
const federation = `
scalar _Any
scalar FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
scalar federation__Scope
directive @link(url: String!, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
directive @shareable repeatable on OBJECT | FIELD_DEFINITION
directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @requiresScopes(scopes: [[federation__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
directive @external on OBJECT | FIELD_DEFINITION
directive @requires(fields: FieldSet!) on FIELD_DEFINITION
directive @provides(fields: FieldSet!) on FIELD_DEFINITION
directive @override(from: String!) on FIELD_DEFINITION
directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
schema { query: Query mutation: Mutation }
`

// loadSubgraph loads schema/<name>.graphqls as the subgraph serves it.
func loadSubgraph(t *testing.T, name string) *ast.Schema {
	t.Helper()
	path := filepath.Join("..", "..", "..", "..", "schema", name+".graphqls")
	sdl, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the %s subgraph's SDL: %v", name, err)
	}
	src := []*ast.Source{{Name: "federation", Input: federation, BuiltIn: true}, {Name: path, Input: string(sdl)}}
	if !strings.Contains(string(sdl), "type Mutation") {
		src = append(src, &ast.Source{Name: "mutation", Input: "type Mutation { _noop: Boolean }"})
	}
	schema, gerr := gqlparser.LoadSchema(src...)
	if gerr != nil {
		t.Fatalf("load %s: %v", path, gerr)
	}
	var entities []string
	for _, def := range schema.Types {
		if def.Kind == ast.Object && def.Directives.ForName("key") != nil {
			entities = append(entities, def.Name)
		}
	}
	if len(entities) > 0 {
		src = append(src, &ast.Source{Name: "entities", Input: "union _Entity = " + strings.Join(entities, " | ") +
			"\nextend type Query { _entities(representations: [_Any!]!): [_Entity]! }"})
		if schema, gerr = gqlparser.LoadSchema(src...); gerr != nil {
			t.Fatalf("load %s with _entities: %v", path, gerr)
		}
	}
	return schema
}

// Every query the cart sends is valid against the SDL of the subgraph that
// answers it (docs/commerce.md, synchronous internal operations).
func TestQueriesMatchTheirSubgraphs(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ subgraph, query string }{
		{"catalog", variantQuery},
		{"promotions", quoteQuery},
		{"users", addressesQuery},
	} {
		schema := loadSubgraph(t, c.subgraph)
		if _, errs := gqlparser.LoadQuery(schema, c.query); errs != nil {
			t.Errorf("%s query is not valid against schema/%s.graphqls: %v", c.subgraph, c.subgraph, errs)
		}
	}
	// The one the orders subgraph sends to the cart.
	cart := loadSubgraph(t, "cart")
	if _, errs := gqlparser.LoadQuery(cart, `query { myCart { items { variantId quantity } couponCode version } }`); errs != nil {
		t.Errorf("orders' myCart query does not match schema/cart.graphqls: %v", errs)
	}
}
