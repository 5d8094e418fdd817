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
// under schema/ can be loaded and the reviews subgraph's query validated against it.
// It mirrors cart's contract test (test helpers are not shared between modules).
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

// The query reviews sends to catalog is valid against catalog's SDL
// (docs/backoffice.md, "Verified purchases"), so a catalog schema change
// that breaks the verified-purchase projection fails here, not in production.
func TestCatalogQueryMatchesItsSubgraph(t *testing.T) {
	t.Parallel()
	schema := loadSubgraph(t, "catalog")
	if _, errs := gqlparser.LoadQuery(schema, productsOfVariants); errs != nil {
		t.Errorf("query is not valid against schema/catalog.graphqls: %v", errs)
	}
}
