package supergraph

import (
	"strings"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
)

// Metadata derives the engine's view of subgraph g: which fields it can
// start a fetch at (root nodes: root operation fields and entity fields),
// which it can resolve inside a fetch (child nodes), and its federation
// metadata. The engine does the planning; this only describes the graph.
func (s *Supergraph) Metadata(g string) *plan.DataSourceMetadata {
	m := &plan.DataSourceMetadata{}
	for _, t := range s.Types {
		if (t.Kind != Object && t.Kind != Interface) || !t.InGraph(g) {
			continue
		}
		names, external := s.fieldsIn(t, g)
		if len(names) == 0 && len(external) == 0 {
			continue
		}
		keys := t.Keys(g)
		entity := len(keys) > 0
		root := entity || t.Name == s.Query || t.Name == s.Mutation || t.Name == s.Subscription
		node := plan.TypeField{TypeName: t.Name, FieldNames: names, ExternalFieldNames: external}
		if root {
			m.RootNodes = append(m.RootNodes, node)
		} else {
			m.ChildNodes = append(m.ChildNodes, node)
		}
		for _, k := range keys {
			m.Keys = append(m.Keys, plan.FederationFieldConfiguration{TypeName: t.Name, SelectionSet: k.Key, DisableEntityResolver: !k.Resolvable})
		}
		m.Keys = append(m.Keys, s.implicitKeys(t, g, append(names[:len(names):len(names)], external...))...)
		for _, f := range t.Fields {
			jf, ok := f.In(t, g)
			if !ok {
				continue
			}
			if jf.Requires != "" {
				m.Requires = append(m.Requires, plan.FederationFieldConfiguration{TypeName: t.Name, FieldName: f.Name, SelectionSet: jf.Requires})
			}
			if jf.Provides != "" {
				m.Provides = append(m.Provides, plan.FederationFieldConfiguration{TypeName: t.Name, FieldName: f.Name, SelectionSet: jf.Provides})
			}
		}
		if t.Kind != Interface || !entity {
			continue
		}
		// An entity interface (interface with @key) or an @interfaceObject:
		// the subgraph resolves the interface's fields for every implementation
		// of the supergraph, so each implementation is an entity of g too.
		impls := s.Implementations(t.Name)
		cfg := plan.EntityInterfaceConfiguration{InterfaceTypeName: t.Name, ConcreteTypeNames: impls}
		if t.InterfaceObjectIn(g) {
			m.InterfaceObjects = append(m.InterfaceObjects, cfg)
			for _, impl := range impls {
				m.RootNodes = append(m.RootNodes, plan.TypeField{TypeName: impl, FieldNames: names, ExternalFieldNames: external})
			}
		} else {
			m.EntityInterfaces = append(m.EntityInterfaces, cfg)
		}
		for _, impl := range impls {
			if it := s.ByName[impl]; it != nil && len(it.Keys(g)) > 0 {
				continue // declared by g itself
			}
			for _, k := range keys {
				m.Keys = append(m.Keys, plan.FederationFieldConfiguration{TypeName: impl, SelectionSet: k.Key, DisableEntityResolver: !k.Resolvable})
			}
		}
	}
	m.RootNodes = mergeTypeFields(m.RootNodes)
	return m
}

// fieldsIn splits t's fields in g into those g resolves and those it only
// declares @external (or that another subgraph took over with @override but
// g still uses). An external field that is part of one of g's keys is
// resolvable from the entity representation and counts as g's own.
func (s *Supergraph) fieldsIn(t *Type, g string) (names, external []string) {
	keyFields := map[string]bool{}
	for _, k := range t.Keys(g) {
		for _, f := range topLevelFields(k.Key) {
			keyFields[f] = true
		}
	}
	for i := range t.Fields {
		f := &t.Fields[i]
		jf, ok := f.In(t, g)
		if !ok {
			continue
		}
		if (jf.External || jf.UsedOverridden) && !keyFields[f.Name] {
			external = append(external, f.Name)
			continue
		}
		names = append(names, f.Name)
	}
	return names, external
}

// topLevelFields returns the field names at the top of a field set, e.g.
// "id organization { id }" → id, organization.
func topLevelFields(fieldSet string) []string {
	var out []string
	depth := 0
	for _, tok := range strings.FieldsFunc(strings.NewReplacer("{", " { ", "}", " } ").Replace(fieldSet), func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == ',' }) {
		switch tok {
		case "{":
			depth++
		case "}":
			depth--
		default:
			if depth == 0 {
				out = append(out, tok)
			}
		}
	}
	return out
}

// mergeTypeFields merges entries of the same type (an implementation that is
// an entity of g itself and also gets the fields of g's @interfaceObject).
func mergeTypeFields(in []plan.TypeField) []plan.TypeField {
	index := map[string]int{}
	var out []plan.TypeField
	for _, tf := range in {
		i, ok := index[tf.TypeName]
		if !ok {
			index[tf.TypeName] = len(out)
			out = append(out, tf)
			continue
		}
		out[i].FieldNames = appendMissing(out[i].FieldNames, tf.FieldNames)
		out[i].ExternalFieldNames = appendMissing(out[i].ExternalFieldNames, tf.ExternalFieldNames)
	}
	return out
}

func appendMissing(dst, src []string) []string {
	for _, s := range src {
		found := false
		for _, d := range dst {
			if d == s {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, s)
		}
	}
	return dst
}

// FieldArguments lists every field argument for the planner, which renders
// arguments only for fields it has a configuration for.
func (s *Supergraph) FieldArguments() plan.FieldConfigurations {
	var out plan.FieldConfigurations
	for _, t := range s.Types {
		if t.Kind != Object && t.Kind != Interface {
			continue
		}
		for _, f := range t.Fields {
			if len(f.Args) == 0 {
				continue
			}
			fc := plan.FieldConfiguration{TypeName: t.Name, FieldName: f.Name}
			for _, a := range f.Args {
				fc.Arguments = append(fc.Arguments, plan.ArgumentConfiguration{Name: a.Name, SourceType: plan.FieldArgumentSource})
			}
			out = append(out, fc)
		}
	}
	return out
}

// implicitKeys are the keys other subgraphs declare for entity t that g can
// provide without declaring them: g has every top-level field of the key,
// its own or external (then @provides makes it available on some paths:
// the planner knows which). The planner jumps from g to those subgraphs only through a key
// g knows, so each is given as a key g cannot be called with (as Cosmo's
// composition does). Without them a subgraph that keys an entity on a field
// only another subgraph resolves (simple-entity-call) is unreachable.
func (s *Supergraph) implicitKeys(t *Type, g string, own []string) []plan.FederationFieldConfiguration {
	has := map[string]bool{}
	for _, n := range own {
		has[n] = true
	}
	declared := map[string]bool{}
	for _, k := range t.Keys(g) {
		declared[k.Key] = true
	}
	var out []plan.FederationFieldConfiguration
	for _, j := range t.Joins {
		if j.Graph == g || j.Key == "" || declared[j.Key] {
			continue
		}
		fields := topLevelFields(j.Key)
		ok := len(fields) > 0
		for _, f := range fields {
			ok = ok && has[f]
		}
		if !ok {
			continue
		}
		declared[j.Key] = true
		out = append(out, plan.FederationFieldConfiguration{TypeName: t.Name, SelectionSet: j.Key, DisableEntityResolver: true})
	}
	return out
}
