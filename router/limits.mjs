// Alias and cost limits, checked after validation against the supergraph: a
// document the subgraphs would have to work hard for is refused before any
// subgraph sees it.
import { Kind, TypeInfo, visit, visitWithTypeInfo, getNullableType, isListType, GraphQLError } from 'graphql';

/** How many fields of the document carry an alias. */
export function aliasCount(document) {
  let n = 0;
  visit(document, { Field: (node) => { if (node.alias) n++; } });
  return n;
}

// Arguments that bound a list: `first` (Relay connections), `limit`, `last`.
const SIZE_ARGS = ['first', 'last', 'limit'];

/**
 * The estimated cost of the operation: every field costs 1, times the sizes
 * of the lists around it. A list's size is its `first`/`last`/`limit`
 * argument (literal or variable) or `defaultListSize`; a connection (a field
 * with such an argument that returns an object) multiplies what is under it
 * the same way. Fragments are counted where they are spread.
 */
export function operationCost(schema, document, operationName, variables, { defaultListSize = 10 } = {}) {
  const fragments = new Map();
  let operation;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return 0;
  const typeInfo = new TypeInfo(schema);
  let cost = 0;
  // Each entry: the multiplier under a field, and whether that field was a
  // connection (its first/limit already bounds the edges/nodes list in it).
  const stack = [{ m: 1, connection: false }];
  const sizeOf = (field) => {
    for (const arg of field.arguments ?? []) {
      if (!SIZE_ARGS.includes(arg.name.value)) continue;
      const v = arg.value;
      if (v.kind === Kind.INT) return Number(v.value);
      if (v.kind === Kind.VARIABLE && Number.isInteger(variables?.[v.name.value])) return variables[v.name.value];
      return defaultListSize;
    }
    return null;
  };
  const inline = (node, seen = new Set()) =>
    visit(node, {
      FragmentSpread(spread) {
        const frag = fragments.get(spread.name.value);
        if (!frag || seen.has(frag.name.value)) return null;
        return { kind: Kind.INLINE_FRAGMENT, typeCondition: frag.typeCondition, selectionSet: inline(frag.selectionSet, new Set([...seen, frag.name.value])) };
      },
    });
  visit(inline(operation), visitWithTypeInfo(typeInfo, {
    Field: {
      enter(field) {
        // Introspection (the Laboratory's schema query) is free here; it is
        // off in production.
        if (field.name.value.startsWith('__')) return false;
        const parent = stack[stack.length - 1];
        cost += parent.m;
        const type = typeInfo.getType();
        const explicit = sizeOf(field);
        const list = !!type && isListType(getNullableType(type));
        const bounded = parent.connection && ['edges', 'nodes'].includes(field.name.value);
        const size = explicit ?? (list && !bounded ? defaultListSize : 1);
        stack.push({ m: field.selectionSet ? parent.m * Math.max(size, 1) : parent.m, connection: explicit != null && !list });
      },
      leave() { stack.pop(); },
    },
  }));
  return cost;
}

/** An envelop plugin refusing documents over maxAliases or maxCost (0 = no limit). */
export function useOperationLimits({ maxAliases, maxCost, defaultListSize }) {
  return {
    onValidate({ params }) {
      return ({ valid, setResult, context }) => {
        if (!valid) return;
        const errors = [];
        if (maxAliases > 0) {
          const n = aliasCount(params.documentAST);
          if (n > maxAliases) errors.push(new GraphQLError(`Too many aliases: ${n}, at most ${maxAliases}`, { extensions: { code: 'ALIAS_LIMIT_EXCEEDED', http: { status: 400 } } }));
        }
        if (maxCost > 0) {
          const p = context?.params ?? {};
          const cost = operationCost(params.schema, params.documentAST, p.operationName, p.variables, { defaultListSize });
          if (cost > maxCost) errors.push(new GraphQLError(`Operation too expensive: estimated cost ${cost}, at most ${maxCost} (lists count their first/limit)`, { extensions: { code: 'COST_LIMIT_EXCEEDED', cost, maxCost, http: { status: 400 } } }));
        }
        if (errors.length) setResult(errors);
      };
    },
  };
}
