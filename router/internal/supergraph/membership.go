package supergraph

import "slices"

// InGraph tells whether the subgraph g defines the type.
func (t *Type) InGraph(g string) bool {
	if len(t.Joins) == 0 {
		return true // no @join__type: a type every subgraph shares (federation 1 style)
	}
	for _, j := range t.Joins {
		if j.Graph == g {
			return true
		}
	}
	return false
}

// Keys returns the @key field sets the subgraph g declares for the type.
func (t *Type) Keys(g string) []JoinType {
	var out []JoinType
	for _, j := range t.Joins {
		if j.Graph == g && j.Key != "" {
			out = append(out, j)
		}
	}
	return out
}

// InterfaceObjectIn tells whether g defines this interface as an @interfaceObject.
func (t *Type) InterfaceObjectIn(g string) bool {
	for _, j := range t.Joins {
		if j.Graph == g && j.InterfaceObject {
			return true
		}
	}
	return false
}

// ImplementsIn returns the interfaces the type implements in g.
func (t *Type) ImplementsIn(g string) []string {
	if t.JoinImpl == nil {
		return t.Implements
	}
	return t.JoinImpl[g]
}

// MembersIn returns the union's members in g.
func (t *Type) MembersIn(g string) []string {
	if t.JoinMembers == nil {
		return t.Members
	}
	return t.JoinMembers[g]
}

// In tells whether g resolves the field of t, with its @join__field.
// A field without @join__field lives in every subgraph of its type; one whose
// @join__field directives name no graph (fields an @interfaceObject adds to
// the implementations) is resolved by no subgraph directly.
func (f *Field) In(t *Type, g string) (JoinField, bool) {
	if !f.HasJoin {
		return JoinField{Graph: g}, t.InGraph(g)
	}
	for _, j := range f.Joins {
		if j.Graph == g {
			return j, true
		}
	}
	return JoinField{}, false
}

// In tells whether g defines the input field of t.
func (v *InputValue) In(t *Type, g string) bool {
	if !v.HasJoin {
		return t.InGraph(g)
	}
	for _, j := range v.Joins {
		if j.Graph == g {
			return true
		}
	}
	return false
}

// In tells whether g defines the enum value.
func (v *EnumValue) In(g string) bool {
	return v.Graphs == nil || slices.Contains(v.Graphs, g)
}

// Implementations returns the object types implementing the interface in the supergraph.
func (s *Supergraph) Implementations(iface string) []string {
	var out []string
	for _, t := range s.Types {
		if t.Kind == Object && slices.Contains(t.Implements, iface) {
			out = append(out, t.Name)
		}
	}
	return out
}

// GraphByEnum returns the subgraph of a join__Graph value.
func (s *Supergraph) GraphByEnum(enum string) *Graph { return s.graphByEnum[enum] }
