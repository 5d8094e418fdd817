package gql

import (
	"context"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/purra/supergraph/platform/auth"
)

// CallersDirective is the SDL directive that lists which services may call a
// root field, or resolve an entity type through _entities:
//
//	directive @callers(services: [String!]!) on FIELD_DEFINITION | OBJECT
//	reserveStock(input: ReserveStockInput!): StockReservation! @callers(services: ["orders"])
//
// The list is complete: a field or entity without it is open to the router
// only (DefaultCallers), _service likewise, and introspection to any service
// holding a valid credential. It is subgraph-local: composition drops it
// from the supergraph, and gqlgen does not run it per field
// (tools/cmd/gqlgen); this file enforces it for the whole operation before
// anything executes, so a refused mutation changes nothing.
const CallersDirective = "callers"

// DefaultCallers may call what declares no @callers.
var DefaultCallers = []string{auth.RouterService}

// callerRules are the allow-lists read from the schema, keyed by
// "Type.field" for root fields and by type name for entities.
type callerRules struct {
	schema *ast.Schema
	fields map[string][]string // root fields
	nested map[string][]string // fields of other types (Store.ownerId)
	types  map[string][]string
}

func callerRulesOf(s *ast.Schema) callerRules {
	r := callerRules{schema: s, fields: map[string][]string{}, nested: map[string][]string{}, types: map[string][]string{}}
	for _, def := range s.Types {
		if list, ok := servicesOf(def.Directives); ok {
			r.types[def.Name] = list
		}
		rules := r.nested
		if def == s.Query || def == s.Mutation || def == s.Subscription {
			rules = r.fields
		}
		for _, f := range def.Fields {
			if list, ok := servicesOf(f.Directives); ok {
				rules[def.Name+"."+f.Name] = list
			}
		}
	}
	return r
}

func servicesOf(dirs ast.DirectiveList) ([]string, bool) {
	d := dirs.ForName(CallersDirective)
	if d == nil {
		return nil, false
	}
	arg := d.Arguments.ForName("services")
	if arg == nil || arg.Value == nil {
		return []string{}, true // declared but empty: nobody
	}
	list := make([]string, 0, len(arg.Value.Children))
	for _, c := range arg.Value.Children {
		list = append(list, c.Value.Raw)
	}
	return list, true
}

// middleware refuses the whole operation when any of its root fields (or
// any entity type in _entities) is not open to the calling service.
func (r callerRules) middleware(present graphql.ErrorPresenterFunc) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		oc := graphql.GetOperationContext(ctx)
		if err := r.check(ctx, oc); err != nil {
			return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{present(ctx, err)}})
		}
		return next(ctx)
	}
}

func (r callerRules) check(ctx context.Context, oc *graphql.OperationContext) error {
	if oc == nil || oc.Operation == nil {
		return nil
	}
	root := r.rootType(oc.Operation.Operation)
	if root == "" {
		return nil
	}
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{root}) {
		var err error
		switch f.Name {
		case "__typename":
		case "__schema", "__type":
			err = auth.RequireCaller(ctx, nil, "introspection")
		case "_entities":
			err = r.checkEntities(ctx, f.ArgumentMap(oc.Variables))
		default:
			err = auth.RequireCaller(ctx, r.allowedField(root, f.Name), string(oc.Operation.Operation)+" "+f.Name)
		}
		if err != nil {
			return err
		}
	}
	if len(r.nested) == 0 {
		return nil
	}
	return r.checkNested(ctx, oc.Operation.SelectionSet, map[string]bool{})
}

// checkNested applies the allow-lists of fields below the root, wherever
// the document selects them (fragments included).
func (r callerRules) checkNested(ctx context.Context, set ast.SelectionSet, spread map[string]bool) error {
	for _, sel := range set {
		var err error
		switch s := sel.(type) {
		case *ast.Field:
			if s.ObjectDefinition != nil {
				if allowed, ok := r.nested[s.ObjectDefinition.Name+"."+s.Name]; ok {
					if err := auth.RequireCaller(ctx, allowed, s.ObjectDefinition.Name+"."+s.Name); err != nil {
						return err
					}
				}
			}
			err = r.checkNested(ctx, s.SelectionSet, spread)
		case *ast.InlineFragment:
			err = r.checkNested(ctx, s.SelectionSet, spread)
		case *ast.FragmentSpread:
			if s.Definition != nil && !spread[s.Name] {
				spread[s.Name] = true
				err = r.checkNested(ctx, s.Definition.SelectionSet, spread)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r callerRules) rootType(op ast.Operation) string {
	var def *ast.Definition
	switch op {
	case ast.Query:
		def = r.schema.Query
	case ast.Mutation:
		def = r.schema.Mutation
	case ast.Subscription:
		def = r.schema.Subscription
	}
	if def == nil {
		return ""
	}
	return def.Name
}

func (r callerRules) allowedField(root, field string) []string {
	if list, ok := r.fields[root+"."+field]; ok {
		return list
	}
	return DefaultCallers
}

// checkEntities applies each represented type's allow-list; representations
// without a readable __typename get the default (router only).
func (r callerRules) checkEntities(ctx context.Context, args map[string]any) error {
	reps, _ := args["representations"].([]any)
	var seen []string
	for _, rep := range reps {
		m, _ := rep.(map[string]any)
		typ, _ := m["__typename"].(string)
		if slices.Contains(seen, typ) {
			continue
		}
		seen = append(seen, typ)
		allowed, ok := r.types[typ]
		if !ok {
			allowed = DefaultCallers
		}
		if err := auth.RequireCaller(ctx, allowed, "_entities of "+typeLabel(typ)); err != nil {
			return err
		}
	}
	if len(seen) == 0 {
		return auth.RequireCaller(ctx, DefaultCallers, "_entities")
	}
	return nil
}

func typeLabel(t string) string {
	if t == "" {
		return "unnamed representations"
	}
	return t
}
