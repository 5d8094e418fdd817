package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// invalidScalarValues are what each custom scalar of the supergraph must
// refuse. A new custom scalar fails TestBadScalarValues until it is listed
// here (JSON takes any JSON value, so it has nothing to refuse).
var invalidScalarValues = map[string][]any{
	"DateTime": {"-000001-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "2026-02-30T00:00:00Z", "tomorrow",
		strings.Repeat("9", 10<<10), 1700000000, 1.5, true, map[string]any{"at": 1}},
	"Paise": {"12.5", 1.5, 1e30, "99999999999999999999", strings.Repeat("9", 10<<10), true, "ten", map[string]any{"p": 1}},
	"JSON":  {},
}

var validScalar = map[string]any{"ID": "01937a00-0000-7000-8000-000000000001", "String": "x", "Int": 1, "Float": 1.0,
	"Boolean": false, "DateTime": "2026-01-01T00:00:00Z", "Paise": 100, "JSON": map[string]any{}}

// Every argument of every query and mutation the router offers that holds a
// custom scalar (derived from supergraph.graphql, at any depth of its input
// objects) answers BAD_USER_INPUT naming the field for each invalid value,
// through the router, whoever asks.
func TestBadScalarValues(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "supergraph", "supergraph.graphql"))
	require.NoError(t, err)
	doc, gqlErr := parser.ParseSchema(&ast.Source{Input: string(raw)})
	require.Nil(t, gqlErr)
	s := newSchemaIndex(doc)
	for _, name := range s.customScalars() {
		_, listed := invalidScalarValues[name]
		require.True(t, listed, "custom scalar %s: add its invalid values to invalidScalarValues", name)
	}
	admin := adminLogin(t, "priya@purra.in")
	checked := 0
	for _, root := range []string{"Query", "Mutation"} {
		for _, f := range s.objects[root].Fields {
			if inaccessible(f.Directives) {
				continue
			}
			for _, arg := range f.Arguments {
				if inaccessible(arg.Directives) {
					continue
				}
				for _, leaf := range s.scalarLeaves(arg.Type, []string{arg.Name}, 0) {
					for _, bad := range invalidScalarValues[leaf.scalar] {
						query, vars := s.operation(root, f, arg.Name, leaf.path, bad)
						r := admin.do(t, query, vars, nil)
						label := fmt.Sprintf("%s.%s %s = %.40v", root, f.Name, strings.Join(leaf.path, "."), bad)
						if assert.NotEmpty(t, r.Errors, label) {
							assert.Equal(t, "BAD_USER_INPUT", r.Errors[0].Extensions["code"], "%s: %+v", label, r.Errors[0])
							assert.Equal(t, strings.Join(leaf.path, "."), r.Errors[0].Extensions["field"], "%s: %+v", label, r.Errors[0])
						}
						checked++
					}
				}
			}
		}
	}
	t.Logf("%d invalid scalar values refused", checked)
	require.Greater(t, checked, 50)
}

type schemaIndex struct {
	objects map[string]*ast.Definition
	inputs  map[string]*ast.Definition
	enums   map[string]*ast.Definition
	scalars map[string]bool
}

func newSchemaIndex(doc *ast.SchemaDocument) *schemaIndex {
	s := &schemaIndex{objects: map[string]*ast.Definition{}, inputs: map[string]*ast.Definition{}, enums: map[string]*ast.Definition{}, scalars: map[string]bool{}}
	for _, d := range append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...) {
		switch d.Kind {
		case ast.Object:
			if prev, ok := s.objects[d.Name]; ok {
				prev.Fields = append(prev.Fields, d.Fields...)
			} else {
				s.objects[d.Name] = d
			}
		case ast.InputObject:
			s.inputs[d.Name] = d
		case ast.Enum:
			s.enums[d.Name] = d
		case ast.Scalar:
			s.scalars[d.Name] = true
		}
	}
	return s
}

// customScalars are the supergraph's own scalars (not federation plumbing).
func (s *schemaIndex) customScalars() []string {
	var out []string
	for name := range s.scalars {
		if !strings.Contains(name, "__") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func inaccessible(ds ast.DirectiveList) bool { return ds.ForName("inaccessible") != nil }

type scalarLeaf struct {
	path   []string
	scalar string
}

// scalarLeaves lists where a custom scalar sits inside a value of type t
// (a list contributes its first element).
func (s *schemaIndex) scalarLeaves(t *ast.Type, path []string, depth int) []scalarLeaf {
	if depth > 4 {
		return nil
	}
	if t.Elem != nil {
		return s.scalarLeaves(t.Elem, append(append([]string{}, path...), "0"), depth)
	}
	if s.scalars[t.NamedType] && !strings.Contains(t.NamedType, "__") {
		return []scalarLeaf{{path, t.NamedType}}
	}
	in, ok := s.inputs[t.NamedType]
	if !ok {
		return nil
	}
	var out []scalarLeaf
	for _, f := range in.Fields {
		if inaccessible(f.Directives) {
			continue
		}
		out = append(out, s.scalarLeaves(f.Type, append(append([]string{}, path...), f.Name), depth+1)...)
	}
	return out
}

// operation builds `root($a: T, …) { field(a: $a, …) { __typename } }` with
// valid values for the required arguments and bad at path.
func (s *schemaIndex) operation(root string, f *ast.FieldDefinition, argName string, path []string, bad any) (string, map[string]any) {
	var decls, uses []string
	vars := map[string]any{}
	for _, a := range f.Arguments {
		if inaccessible(a.Directives) {
			continue
		}
		if a.Name == argName {
			vars[a.Name] = s.valueAt(a.Type, path[1:], bad)
		} else if a.Type.NonNull && a.DefaultValue == nil {
			vars[a.Name] = s.valid(a.Type, 0)
		} else {
			continue
		}
		decls = append(decls, "$"+a.Name+": "+a.Type.String())
		uses = append(uses, a.Name+": $"+a.Name)
	}
	sel := ""
	if _, isObject := s.objects[f.Type.Name()]; isObject || s.isAbstract(f.Type.Name()) {
		sel = " { __typename }"
	}
	paren := func(list []string) string {
		if len(list) == 0 {
			return ""
		}
		return "(" + strings.Join(list, ", ") + ")"
	}
	return fmt.Sprintf("%s%s { %s%s%s }", strings.ToLower(root), paren(decls), f.Name, paren(uses), sel), vars
}

func (s *schemaIndex) isAbstract(name string) bool {
	_, obj := s.objects[name]
	_, in := s.inputs[name]
	_, enum := s.enums[name]
	return !obj && !in && !enum && !s.scalars[name] && validScalar[name] == nil
}

// valueAt is a valid value of type t with bad at path.
func (s *schemaIndex) valueAt(t *ast.Type, path []string, bad any) any {
	if len(path) == 0 {
		return bad
	}
	if t.Elem != nil {
		return []any{s.valueAt(t.Elem, path[1:], bad)}
	}
	in := s.inputs[t.NamedType]
	obj, _ := s.valid(t, 0).(map[string]any)
	if obj == nil {
		obj = map[string]any{}
	}
	for _, f := range in.Fields {
		if f.Name == path[0] {
			obj[f.Name] = s.valueAt(f.Type, path[1:], bad)
		}
	}
	return obj
}

// valid is a type-correct value with every required input field filled.
func (s *schemaIndex) valid(t *ast.Type, depth int) any {
	if t.Elem != nil {
		return []any{}
	}
	if v, ok := validScalar[t.NamedType]; ok {
		return v
	}
	if e, ok := s.enums[t.NamedType]; ok {
		return e.EnumValues[0].Name
	}
	obj := map[string]any{}
	if in, ok := s.inputs[t.NamedType]; ok && depth < 5 {
		for _, f := range in.Fields {
			if f.Type.NonNull && f.DefaultValue == nil && !inaccessible(f.Directives) {
				obj[f.Name] = s.valid(f.Type, depth+1)
			}
		}
	}
	return obj
}
