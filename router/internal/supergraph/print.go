package supergraph

import (
	"slices"
	"strconv"
	"strings"
)

// SubgraphSDL prints the schema of subgraph g as that subgraph would declare
// it: its own types, fields, members and values, with @key, @external,
// @requires, @provides and @interfaceObject. The engine plans subgraph
// requests against it (abstract types are rewritten to what g knows).
func (s *Supergraph) SubgraphSDL(g string) string {
	var b strings.Builder
	s.writeSchemaDefinition(&b, func(name string) bool {
		t := s.ByName[name]
		return t != nil && t.InGraph(g) && s.hasFieldsIn(t, g)
	})
	for _, t := range s.Types {
		if !t.InGraph(g) {
			continue
		}
		switch t.Kind {
		case Scalar:
			b.WriteString("scalar " + t.Name + "\n\n")
		case Enum:
			b.WriteString("enum " + t.Name + " {\n")
			for _, v := range t.Values {
				if v.In(g) {
					b.WriteString("  " + v.Name + "\n")
				}
			}
			b.WriteString("}\n\n")
		case Input:
			b.WriteString("input " + t.Name + " {\n")
			for _, f := range t.InputFields {
				if f.In(t, g) {
					b.WriteString("  ")
					writeInputValue(&b, f)
					b.WriteString("\n")
				}
			}
			b.WriteString("}\n\n")
		case Union:
			if members := s.MembersIn(t, g); len(members) > 0 {
				b.WriteString("union " + t.Name + " = " + strings.Join(members, " | ") + "\n\n")
			}
		case Object, Interface:
			if !s.hasFieldsIn(t, g) {
				continue
			}
			s.writeSubgraphComposite(&b, t, g)
		}
	}
	return b.String()
}

// MembersIn returns the union members of t in g that g also defines.
func (s *Supergraph) MembersIn(t *Type, g string) []string {
	var out []string
	for _, m := range t.MembersIn(g) {
		if mt := s.ByName[m]; mt != nil && mt.InGraph(g) {
			out = append(out, m)
		}
	}
	return out
}

func (s *Supergraph) hasFieldsIn(t *Type, g string) bool {
	for i := range t.Fields {
		if _, ok := t.Fields[i].In(t, g); ok {
			return true
		}
	}
	return false
}

func (s *Supergraph) writeSubgraphComposite(b *strings.Builder, t *Type, g string) {
	asObject := t.Kind == Object || t.InterfaceObjectIn(g)
	if asObject {
		b.WriteString("type " + t.Name)
	} else {
		b.WriteString("interface " + t.Name)
	}
	if !t.InterfaceObjectIn(g) {
		var impl []string
		for _, i := range t.ImplementsIn(g) {
			if it := s.ByName[i]; it != nil && it.InGraph(g) && !it.InterfaceObjectIn(g) {
				impl = append(impl, i)
			}
		}
		if len(impl) > 0 {
			b.WriteString(" implements " + strings.Join(impl, " & "))
		}
	}
	for _, k := range t.Keys(g) {
		b.WriteString(" @key(fields: " + strconv.Quote(k.Key))
		if !k.Resolvable {
			b.WriteString(", resolvable: false")
		}
		b.WriteString(")")
	}
	if t.InterfaceObjectIn(g) {
		b.WriteString(" @interfaceObject")
	}
	b.WriteString(" {\n")
	for i := range t.Fields {
		f := &t.Fields[i]
		jf, ok := f.In(t, g)
		if !ok {
			continue
		}
		typ := f.Type
		if jf.Type != "" {
			typ = jf.Type
		}
		b.WriteString("  " + f.Name)
		writeArgs(b, f.Args, func(InputValue) bool { return true })
		b.WriteString(": " + typ)
		if jf.External || jf.UsedOverridden {
			b.WriteString(" @external")
		}
		if jf.Requires != "" {
			b.WriteString(" @requires(fields: " + strconv.Quote(jf.Requires) + ")")
		}
		if jf.Provides != "" {
			b.WriteString(" @provides(fields: " + strconv.Quote(jf.Provides) + ")")
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n\n")
}

// ClientSchema prints the API clients see: no federation machinery and
// nothing marked @inaccessible. Operations are validated against it.
func (s *Supergraph) ClientSchema() string { return s.apiSchema(false) }

// RouterSchema is the API with @inaccessible elements kept: the engine plans
// against it, because keys and @requires may select inaccessible fields.
func (s *Supergraph) RouterSchema() string { return s.apiSchema(true) }

func (s *Supergraph) apiSchema(withInaccessible bool) string {
	visible := func(inaccessible bool) bool { return withInaccessible || !inaccessible }
	// The router schema marks what clients may not see: the engine turns an
	// @inaccessible enum value or type coming from a subgraph into null
	// plus an error instead of leaking it.
	mark := func(inaccessible bool) string {
		if withInaccessible && inaccessible {
			return " @inaccessible"
		}
		return ""
	}
	typeVisible := func(name string) bool {
		t := s.ByName[name]
		return t == nil || visible(t.Inaccessible) // built-in scalars are not in the model
	}
	var b strings.Builder
	if withInaccessible {
		b.WriteString("directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ENUM | ENUM_VALUE | SCALAR | INPUT_OBJECT | INPUT_FIELD_DEFINITION | ARGUMENT_DEFINITION\n\n")
	}
	for _, d := range s.DirectiveDefinitions {
		b.WriteString(d + "\n\n")
	}
	s.writeSchemaDefinition(&b, func(name string) bool { return s.ByName[name] != nil })
	for _, t := range s.Types {
		if !visible(t.Inaccessible) {
			continue
		}
		writeDescription(&b, t.Description, "")
		dirs := joinDirectives(t.Directives) + mark(t.Inaccessible)
		switch t.Kind {
		case Scalar:
			b.WriteString("scalar " + t.Name + dirs + "\n\n")
		case Enum:
			b.WriteString("enum " + t.Name + dirs + " {\n")
			for _, v := range t.Values {
				if visible(v.Inaccessible) {
					writeDescription(&b, v.Description, "  ")
					b.WriteString("  " + v.Name + joinDirectives(v.Directives) + mark(v.Inaccessible) + "\n")
				}
			}
			b.WriteString("}\n\n")
		case Input:
			b.WriteString("input " + t.Name + dirs + " {\n")
			for _, f := range t.InputFields {
				if visible(f.Inaccessible) {
					writeDescription(&b, f.Description, "  ")
					b.WriteString("  ")
					writeInputValue(&b, f)
					b.WriteString("\n")
				}
			}
			b.WriteString("}\n\n")
		case Union:
			members := slices.DeleteFunc(slices.Clone(t.Members), func(m string) bool { return !typeVisible(m) })
			b.WriteString("union " + t.Name + dirs + " = " + strings.Join(members, " | ") + "\n\n")
		case Object, Interface:
			if t.Kind == Object {
				b.WriteString("type " + t.Name)
			} else {
				b.WriteString("interface " + t.Name)
			}
			impl := slices.DeleteFunc(slices.Clone(t.Implements), func(i string) bool { return !typeVisible(i) })
			if len(impl) > 0 {
				b.WriteString(" implements " + strings.Join(impl, " & "))
			}
			b.WriteString(dirs + " {\n")
			for _, f := range t.Fields {
				if !visible(f.Inaccessible) {
					continue
				}
				writeDescription(&b, f.Description, "  ")
				b.WriteString("  " + f.Name)
				writeArgs(&b, f.Args, func(a InputValue) bool { return visible(a.Inaccessible) })
				b.WriteString(": " + f.Type + joinDirectives(f.Directives) + mark(f.Inaccessible) + "\n")
			}
			b.WriteString("}\n\n")
		}
	}
	return b.String()
}

func (s *Supergraph) writeSchemaDefinition(b *strings.Builder, has func(string) bool) {
	var ops string
	for _, op := range []struct{ kw, name string }{{"query", s.Query}, {"mutation", s.Mutation}, {"subscription", s.Subscription}} {
		if op.name != "" && has(op.name) {
			ops += "  " + op.kw + ": " + op.name + "\n"
		}
	}
	if ops != "" {
		b.WriteString("schema {\n" + ops + "}\n\n")
	}
}

func writeArgs(b *strings.Builder, args []InputValue, include func(InputValue) bool) {
	first := true
	for _, a := range args {
		if !include(a) {
			continue
		}
		if first {
			b.WriteString("(")
			first = false
		} else {
			b.WriteString(", ")
		}
		writeInputValue(b, a)
	}
	if !first {
		b.WriteString(")")
	}
}

func writeInputValue(b *strings.Builder, v InputValue) {
	b.WriteString(v.Name + ": " + v.Type)
	if v.Default != "" {
		b.WriteString(" = " + v.Default)
	}
	b.WriteString(joinDirectives(v.Directives))
}

func joinDirectives(dirs []string) string {
	if len(dirs) == 0 {
		return ""
	}
	return " " + strings.Join(dirs, " ")
}

func writeDescription(b *strings.Builder, desc, indent string) {
	if desc == "" {
		return
	}
	b.WriteString(indent + strconv.Quote(desc) + "\n")
}
