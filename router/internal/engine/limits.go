package engine

import (
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/lexer"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/lexer/keyword"
)

// countTokens counts the lexical tokens of a document (comments excluded),
// stopping once past max: a huge document is refused before it is parsed.
func countTokens(query string, max int) int {
	var input ast.Input
	input.ResetInputString(query)
	var l lexer.Lexer
	l.SetInput(&input)
	n := 0
	for n <= max {
		tok := l.Read()
		switch tok.Keyword {
		case keyword.EOF:
			return n
		case keyword.COMMENT:
			continue
		}
		n++
	}
	return n
}

// selectionDepth is the deepest field nesting below the root fields (a root
// field's own selection is depth 1). Introspection is exempt so GraphiQL
// keeps working with tight limits.
func selectionDepth(doc *ast.Document, set int) int {
	deepest := 0
	for _, sel := range doc.SelectionSets[set].SelectionRefs {
		s := doc.Selections[sel]
		var d int
		switch s.Kind {
		case ast.SelectionKindField:
			f := doc.Fields[s.Ref]
			name := doc.FieldNameString(s.Ref)
			if name == "__schema" || name == "__type" {
				continue
			}
			if f.HasSelections {
				d = 1 + selectionDepth(doc, f.SelectionSet)
			}
		case ast.SelectionKindInlineFragment:
			if doc.InlineFragments[s.Ref].HasSelections {
				d = selectionDepth(doc, doc.InlineFragments[s.Ref].SelectionSet)
			}
		}
		if d > deepest {
			deepest = d
		}
	}
	return deepest
}

// selectsIntrospection: the operation asks for __schema or __type (at its
// root, where they live; __typename is not introspection).
func selectsIntrospection(doc *ast.Document, set int) bool {
	for _, sel := range doc.SelectionSets[set].SelectionRefs {
		s := doc.Selections[sel]
		switch s.Kind {
		case ast.SelectionKindField:
			if name := doc.FieldNameString(s.Ref); name == "__schema" || name == "__type" {
				return true
			}
		case ast.SelectionKindInlineFragment:
			if f := doc.InlineFragments[s.Ref]; f.HasSelections && selectsIntrospection(doc, f.SelectionSet) {
				return true
			}
		}
	}
	return false
}
