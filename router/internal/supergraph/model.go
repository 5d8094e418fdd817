// Package supergraph reads an Apollo Federation 2 supergraph SDL (join spec
// v0.2–v0.5) into a neutral model: which subgraph defines which type, field,
// union member, interface implementation and enum value, with the federation
// metadata (@key, @requires, @provides, @external, @override, @interfaceObject)
// of each. From the model it prints each subgraph's SDL, the client schema
// (without @inaccessible elements) and the engine's data-source configuration.
package supergraph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
)

// Kind is the GraphQL kind of a named type.
type Kind int

const (
	Object Kind = iota
	Interface
	Union
	Enum
	Input
	Scalar
)

// Graph is one subgraph (an enum value of join__Graph).
type Graph struct {
	Enum string // join__Graph value, e.g. USERS
	Name string // @join__graph(name:)
	URL  string // @join__graph(url:)
}

// JoinType is one @join__type: the type exists in Graph, optionally as an
// entity with Key.
type JoinType struct {
	Graph           string
	Key             string // "" when the type is no entity in this graph
	Resolvable      bool
	InterfaceObject bool
}

// JoinField is one @join__field with a graph: the field exists in Graph.
type JoinField struct {
	Graph          string
	Requires       string
	Provides       string
	Type           string // the field's type in this subgraph when it differs
	External       bool
	UsedOverridden bool
}

// InputValue is an argument or an input field.
type InputValue struct {
	Name, Description, Type, Default string
	Inaccessible                     bool
	Directives                       []string // kept in the client schema (@deprecated)
	Joins                            []JoinField
	HasJoin                          bool
}

// Field is a field of an object or interface type.
type Field struct {
	Name, Description, Type string
	Args                    []InputValue
	Joins                   []JoinField
	HasJoin                 bool // any @join__field, with or without a graph
	Inaccessible            bool
	Directives              []string
}

// EnumValue is one value of an enum.
type EnumValue struct {
	Name, Description string
	Graphs            []string // nil: every graph of the enum
	Inaccessible      bool
	Directives        []string
}

// Type is a named type of the supergraph.
type Type struct {
	Kind         Kind
	Name         string
	Description  string
	Joins        []JoinType
	Implements   []string
	JoinImpl     map[string][]string // graph → interfaces; nil: Implements everywhere
	Fields       []Field             // objects and interfaces
	InputFields  []InputValue        // input objects
	Members      []string            // unions
	JoinMembers  map[string][]string // graph → members; nil: Members everywhere
	Values       []EnumValue
	Inaccessible bool
	Directives   []string
}

// Supergraph is the parsed supergraph.
type Supergraph struct {
	Graphs                        []Graph
	Types                         []*Type
	ByName                        map[string]*Type
	Query, Mutation, Subscription string
	DirectiveDefinitions          []string // executable directives kept for clients
	graphByEnum                   map[string]*Graph
}

// specPrefixes are the linked specifications whose types and directives are
// the supergraph's machinery, never part of the API.
var specPrefixes = []string{"join__", "link__", "inaccessible__", "requiresScopes__", "authenticated__", "policy__", "tag__", "cost__", "listSize__", "context__"}

var machineryDirectives = map[string]bool{
	"link": true, "inaccessible": true, "requiresScopes": true, "authenticated": true, "policy": true,
	"tag": true, "cost": true, "listSize": true, "context": true, "fromContext": true, "core": true,
}

func isMachinery(name string) bool {
	for _, p := range specPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// Parse reads a supergraph SDL.
func Parse(sdl []byte) (*Supergraph, error) {
	doc, report := astparser.ParseGraphqlDocumentBytes(sdl)
	if report.HasErrors() {
		return nil, fmt.Errorf("supergraph: %s", report.Error())
	}
	p := parser{doc: &doc, sg: &Supergraph{ByName: map[string]*Type{}, graphByEnum: map[string]*Graph{}}}
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.sg, nil
}

type parser struct {
	doc *ast.Document
	sg  *Supergraph
}

func (p *parser) run() error {
	d := p.doc
	p.sg.Query, p.sg.Mutation, p.sg.Subscription = "Query", "", ""
	for _, sd := range d.SchemaDefinitions {
		for _, ref := range sd.RootOperationTypeDefinitions.Refs {
			rot := d.RootOperationTypeDefinitions[ref]
			name := d.Input.ByteSliceString(rot.NamedType.Name)
			switch rot.OperationType {
			case ast.OperationTypeQuery:
				p.sg.Query = name
			case ast.OperationTypeMutation:
				p.sg.Mutation = name
			case ast.OperationTypeSubscription:
				p.sg.Subscription = name
			}
		}
	}
	for _, node := range d.RootNodes {
		switch node.Kind {
		case ast.NodeKindEnumTypeDefinition:
			if d.EnumTypeDefinitionNameString(node.Ref) == "join__Graph" {
				p.graphs(node.Ref)
			}
		}
	}
	if len(p.sg.Graphs) == 0 {
		return fmt.Errorf("supergraph: no join__Graph enum: not a federation 2 supergraph")
	}
	for _, node := range d.RootNodes {
		var t *Type
		switch node.Kind {
		case ast.NodeKindObjectTypeDefinition:
			def := d.ObjectTypeDefinitions[node.Ref]
			t = p.named(Object, d.ObjectTypeDefinitionNameString(node.Ref), def.Description, def.Directives.Refs)
			t.Implements = p.typeNames(def.ImplementsInterfaces.Refs)
			t.Fields = p.fields(def.FieldsDefinition.Refs)
		case ast.NodeKindInterfaceTypeDefinition:
			def := d.InterfaceTypeDefinitions[node.Ref]
			t = p.named(Interface, d.InterfaceTypeDefinitionNameString(node.Ref), def.Description, def.Directives.Refs)
			t.Implements = p.typeNames(def.ImplementsInterfaces.Refs)
			t.Fields = p.fields(def.FieldsDefinition.Refs)
		case ast.NodeKindUnionTypeDefinition:
			def := d.UnionTypeDefinitions[node.Ref]
			t = p.named(Union, d.UnionTypeDefinitionNameString(node.Ref), def.Description, def.Directives.Refs)
			t.Members = p.typeNames(def.UnionMemberTypes.Refs)
		case ast.NodeKindEnumTypeDefinition:
			def := d.EnumTypeDefinitions[node.Ref]
			t = p.named(Enum, d.EnumTypeDefinitionNameString(node.Ref), def.Description, def.Directives.Refs)
			t.Values = p.enumValues(def.EnumValuesDefinition.Refs)
		case ast.NodeKindInputObjectTypeDefinition:
			def := d.InputObjectTypeDefinitions[node.Ref]
			t = p.named(Input, d.InputObjectTypeDefinitionNameString(node.Ref), def.Description, def.Directives.Refs)
			t.InputFields = p.inputValues(def.InputFieldsDefinition.Refs)
		case ast.NodeKindScalarTypeDefinition:
			def := d.ScalarTypeDefinitions[node.Ref]
			t = p.named(Scalar, d.ScalarTypeDefinitionNameString(node.Ref), def.Description, def.Directives.Refs)
		case ast.NodeKindDirectiveDefinition:
			name := d.DirectiveDefinitionNameString(node.Ref)
			if !isMachinery(name) && !machineryDirectives[name] {
				if def, ok := p.directiveDefinition(node.Ref); ok {
					p.sg.DirectiveDefinitions = append(p.sg.DirectiveDefinitions, def)
				}
			}
			continue
		default:
			continue
		}
		if t == nil || isMachinery(t.Name) {
			continue
		}
		p.sg.Types = append(p.sg.Types, t)
		p.sg.ByName[t.Name] = t
	}
	return nil
}

func (p *parser) graphs(enumRef int) {
	d := p.doc
	for _, v := range d.EnumTypeDefinitions[enumRef].EnumValuesDefinition.Refs {
		g := Graph{Enum: d.EnumValueDefinitionNameString(v)}
		for _, dir := range d.EnumValueDefinitions[v].Directives.Refs {
			if d.DirectiveNameString(dir) != "join__graph" {
				continue
			}
			g.Name = p.stringArg(dir, "name")
			g.URL = p.stringArg(dir, "url")
		}
		if g.Name == "" {
			g.Name = strings.ToLower(g.Enum)
		}
		p.sg.Graphs = append(p.sg.Graphs, g)
	}
	for i := range p.sg.Graphs {
		p.sg.graphByEnum[p.sg.Graphs[i].Enum] = &p.sg.Graphs[i]
	}
}

func (p *parser) named(kind Kind, name string, desc ast.Description, dirs []int) *Type {
	t := &Type{Kind: kind, Name: name, Description: p.description(desc)}
	d := p.doc
	for _, dir := range dirs {
		switch d.DirectiveNameString(dir) {
		case "join__type":
			jt := JoinType{Graph: p.enumArg(dir, "graph"), Key: p.stringArg(dir, "key"), Resolvable: true}
			if v, ok := p.boolArg(dir, "resolvable"); ok {
				jt.Resolvable = v
			}
			jt.InterfaceObject, _ = p.boolArg(dir, "isInterfaceObject")
			t.Joins = append(t.Joins, jt)
		case "join__implements":
			if t.JoinImpl == nil {
				t.JoinImpl = map[string][]string{}
			}
			g := p.enumArg(dir, "graph")
			t.JoinImpl[g] = append(t.JoinImpl[g], p.stringArg(dir, "interface"))
		case "join__unionMember":
			if t.JoinMembers == nil {
				t.JoinMembers = map[string][]string{}
			}
			g := p.enumArg(dir, "graph")
			t.JoinMembers[g] = append(t.JoinMembers[g], p.stringArg(dir, "member"))
		case "inaccessible":
			t.Inaccessible = true
		default:
			t.Directives = p.keep(t.Directives, dir)
		}
	}
	return t
}

// keep appends the printed directive when clients should still see it.
func (p *parser) keep(list []string, dir int) []string {
	name := p.doc.DirectiveNameString(dir)
	if name != "deprecated" && name != "specifiedBy" && name != "oneOf" {
		return list
	}
	var buf bytes.Buffer
	_ = p.doc.PrintDirective(dir, &buf)
	return append(list, buf.String())
}

func (p *parser) fields(refs []int) []Field {
	d := p.doc
	out := make([]Field, 0, len(refs))
	for _, ref := range refs {
		fd := d.FieldDefinitions[ref]
		f := Field{
			Name:        d.FieldDefinitionNameString(ref),
			Description: p.description(fd.Description),
			Type:        p.printType(fd.Type),
			Args:        p.inputValues(fd.ArgumentsDefinition.Refs),
		}
		for _, dir := range fd.Directives.Refs {
			switch d.DirectiveNameString(dir) {
			case "join__field":
				f.HasJoin = true
				if jf, ok := p.joinField(dir); ok {
					f.Joins = append(f.Joins, jf)
				}
			case "inaccessible":
				f.Inaccessible = true
			default:
				f.Directives = p.keep(f.Directives, dir)
			}
		}
		out = append(out, f)
	}
	return out
}

func (p *parser) joinField(dir int) (JoinField, bool) {
	g := p.enumArg(dir, "graph")
	if g == "" {
		return JoinField{}, false
	}
	jf := JoinField{Graph: g, Requires: p.stringArg(dir, "requires"), Provides: p.stringArg(dir, "provides"), Type: p.stringArg(dir, "type")}
	jf.External, _ = p.boolArg(dir, "external")
	jf.UsedOverridden, _ = p.boolArg(dir, "usedOverridden")
	return jf, true
}

func (p *parser) inputValues(refs []int) []InputValue {
	d := p.doc
	out := make([]InputValue, 0, len(refs))
	for _, ref := range refs {
		iv := d.InputValueDefinitions[ref]
		v := InputValue{Name: d.InputValueDefinitionNameString(ref), Description: p.description(iv.Description), Type: p.printType(iv.Type)}
		if iv.DefaultValue.IsDefined {
			var buf bytes.Buffer
			_ = d.PrintValue(iv.DefaultValue.Value, &buf)
			v.Default = buf.String()
		}
		for _, dir := range iv.Directives.Refs {
			switch d.DirectiveNameString(dir) {
			case "inaccessible":
				v.Inaccessible = true
			case "join__field":
				v.HasJoin = true
				if jf, ok := p.joinField(dir); ok {
					v.Joins = append(v.Joins, jf)
				}
			default:
				v.Directives = p.keep(v.Directives, dir)
			}
		}
		out = append(out, v)
	}
	return out
}

func (p *parser) enumValues(refs []int) []EnumValue {
	d := p.doc
	out := make([]EnumValue, 0, len(refs))
	for _, ref := range refs {
		ev := d.EnumValueDefinitions[ref]
		v := EnumValue{Name: d.EnumValueDefinitionNameString(ref), Description: p.description(ev.Description)}
		for _, dir := range ev.Directives.Refs {
			switch d.DirectiveNameString(dir) {
			case "join__enumValue":
				v.Graphs = append(v.Graphs, p.enumArg(dir, "graph"))
			case "inaccessible":
				v.Inaccessible = true
			default:
				v.Directives = p.keep(v.Directives, dir)
			}
		}
		out = append(out, v)
	}
	return out
}

// executableLocations are where a client may use a directive; type-system
// directives of the subgraphs are no business of clients.
var executableLocations = []ast.DirectiveLocation{
	ast.ExecutableDirectiveLocationQuery, ast.ExecutableDirectiveLocationMutation, ast.ExecutableDirectiveLocationSubscription,
	ast.ExecutableDirectiveLocationField, ast.ExecutableDirectiveLocationFragmentDefinition, ast.ExecutableDirectiveLocationFragmentSpread,
	ast.ExecutableDirectiveLocationInlineFragment, ast.ExecutableDirectiveLocationVariableDefinition,
}

// directiveDefinition prints an executable directive definition (its
// executable locations only); ok is false for type-system directives.
func (p *parser) directiveDefinition(ref int) (string, bool) {
	d := p.doc
	def := d.DirectiveDefinitions[ref]
	var b strings.Builder
	b.WriteString("directive @" + d.DirectiveDefinitionNameString(ref))
	if def.HasArgumentsDefinitions {
		writeArgs(&b, p.inputValues(def.ArgumentsDefinition.Refs), func(InputValue) bool { return true })
	}
	if def.Repeatable.IsRepeatable {
		b.WriteString(" repeatable")
	}
	var locs []string
	for _, l := range executableLocations {
		if def.DirectiveLocations.Get(l) {
			locs = append(locs, l.LiteralString())
		}
	}
	if len(locs) == 0 {
		return "", false
	}
	b.WriteString(" on " + strings.Join(locs, " | "))
	return b.String(), true
}

func (p *parser) typeNames(refs []int) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		out = append(out, p.doc.TypeNameString(r))
	}
	return out
}

func (p *parser) printType(ref int) string {
	var buf bytes.Buffer
	_ = p.doc.PrintType(ref, &buf)
	return buf.String()
}

func (p *parser) description(desc ast.Description) string {
	if !desc.IsDefined {
		return ""
	}
	return p.doc.Input.ByteSliceString(desc.Content)
}

func (p *parser) arg(dir int, name string) (ast.Value, bool) {
	return p.doc.DirectiveArgumentValueByName(dir, []byte(name))
}

func (p *parser) stringArg(dir int, name string) string {
	v, ok := p.arg(dir, name)
	if !ok || v.Kind != ast.ValueKindString {
		return ""
	}
	raw := p.doc.StringValueContentString(v.Ref)
	if p.doc.StringValues[v.Ref].BlockString || !strings.Contains(raw, `\`) {
		return raw
	}
	// a quoted string keeps its escapes in the document (requires:
	// "price(currency: \"USD\")"); GraphQL's escapes are JSON's
	var out string
	if err := json.Unmarshal([]byte(`"`+raw+`"`), &out); err != nil {
		return raw
	}
	return out
}

func (p *parser) enumArg(dir int, name string) string {
	v, ok := p.arg(dir, name)
	if !ok || v.Kind != ast.ValueKindEnum {
		return ""
	}
	return p.doc.EnumValueNameString(v.Ref)
}

func (p *parser) boolArg(dir int, name string) (bool, bool) {
	v, ok := p.arg(dir, name)
	if !ok || v.Kind != ast.ValueKindBoolean {
		return false, false
	}
	return bool(p.doc.BooleanValue(v.Ref)), true
}
