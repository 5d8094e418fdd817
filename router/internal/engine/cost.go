package engine

import (
	"math"
	"strings"

	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// The alias and cost limits are the Hive router's (router/limits.mjs): a
// document the subgraphs would have to work hard for is refused before any
// of them sees it. Both routers must agree on what a document costs, so the
// model is the same one, field for field.

// aliasCount is how many fields of the document carry an alias (every
// operation and fragment of it, as written).
func aliasCount(doc *ast.Document) int {
	n := 0
	for i := range doc.Fields {
		if doc.FieldAliasIsDefined(i) {
			n++
		}
	}
	return n
}

// sizeArgs bound a list: `first` (Relay connections), `last`, `limit`.
var sizeArgs = map[string]bool{"first": true, "last": true, "limit": true}

// costLimitCeiling keeps the multiplications of absurd first/limit values
// from overflowing; anything near it is far over any limit.
const costLimitCeiling = math.MaxInt32

// costWalker estimates an operation's cost: every field costs 1 times the
// sizes of the lists around it. A list's size is its first/last/limit
// argument or defaultList; a field with such an argument that returns an
// object (a connection) multiplies what is under it, and its edges/nodes
// list counts once. It runs on the normalised operation: fragments are
// inlined there and literal arguments are variables, so a size is always
// read from the variables.
type costWalker struct {
	doc, schema *ast.Document
	vars        *astjson.Value
	defaultList int
	cost        int
}

// operationCost of the normalised operation opRef.
func operationCost(doc, schema *ast.Document, opRef int, defaultList int) int {
	vars, _ := astjson.ParseBytes(doc.Input.Variables)
	w := &costWalker{doc: doc, schema: schema, vars: vars, defaultList: defaultList}
	op := doc.OperationDefinitions[opRef]
	root := schema.Index.QueryTypeName
	switch op.OperationType {
	case ast.OperationTypeMutation:
		root = schema.Index.MutationTypeName
	case ast.OperationTypeSubscription:
		root = schema.Index.SubscriptionTypeName
	}
	node, _ := schema.Index.FirstNodeByNameBytes(root)
	w.selectionSet(op.SelectionSet, node, 1, false)
	return w.cost
}

func (w *costWalker) selectionSet(set int, parent ast.Node, m int, connection bool) {
	for _, sel := range w.doc.SelectionSets[set].SelectionRefs {
		s := w.doc.Selections[sel]
		switch s.Kind {
		case ast.SelectionKindInlineFragment:
			frag := w.doc.InlineFragments[s.Ref]
			if !frag.HasSelections {
				continue
			}
			on := parent
			if name := w.doc.InlineFragmentTypeConditionName(s.Ref); len(name) > 0 {
				on, _ = w.schema.Index.FirstNodeByNameBytes(name)
			}
			w.selectionSet(frag.SelectionSet, on, m, connection)
		case ast.SelectionKindField:
			w.field(s.Ref, parent, m, connection)
		}
	}
}

func (w *costWalker) field(ref int, parent ast.Node, m int, connection bool) {
	name := w.doc.FieldNameString(ref)
	// Introspection (GraphiQL's schema query) is free; it is off in production.
	if strings.HasPrefix(name, "__") {
		return
	}
	w.cost = min(w.cost+m, costLimitCeiling)
	list := false
	var child ast.Node
	if def, ok := w.schema.NodeFieldDefinitionByName(parent, w.doc.FieldNameBytes(ref)); ok {
		t := w.schema.FieldDefinitionType(def)
		list = w.schema.TypeIsList(t)
		child, _ = w.schema.Index.FirstNodeByNameBytes(w.schema.ResolveTypeNameBytes(t))
	}
	f := w.doc.Fields[ref]
	if !f.HasSelections {
		return
	}
	explicit, has := w.sizeOf(ref)
	size := 1
	switch {
	case has:
		size = explicit
	case list && !(connection && (name == "edges" || name == "nodes")):
		size = w.defaultList
	}
	w.selectionSet(f.SelectionSet, child, min(m*max(size, 1), costLimitCeiling), has && !list)
}

// sizeOf is the field's first/last/limit argument: an integer variable, or
// the default list size for anything else (null, absent).
func (w *costWalker) sizeOf(field int) (int, bool) {
	for _, arg := range w.doc.FieldArguments(field) {
		if !sizeArgs[w.doc.ArgumentNameString(arg)] {
			continue
		}
		v := w.doc.ArgumentValue(arg)
		switch v.Kind {
		case ast.ValueKindInteger:
			return clampSize(int(w.doc.IntValueAsInt(v.Ref))), true
		case ast.ValueKindVariable:
			if w.vars != nil {
				if val := w.vars.Get(w.doc.VariableValueNameString(v.Ref)); val != nil && val.Type() == astjson.TypeNumber {
					if n, err := val.Int(); err == nil {
						return clampSize(n), true
					}
				}
			}
		}
		return w.defaultList, true
	}
	return 0, false
}

func clampSize(n int) int {
	return min(max(n, 0), costLimitCeiling)
}
