package remote

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// literal writes v as a GraphQL input literal. Strings are JSON-encoded,
// which is also valid GraphQL string syntax (same escapes), so no value can
// break out of its literal; object keys are this package's own constants.
func literal(v any) string {
	switch x := v.(type) {
	case string:
		b, _ := json.Marshal(x)
		return string(b)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case []map[string]any:
		parts := make([]string, len(x))
		for i, m := range x {
			parts[i] = literal(m)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + literal(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	panic(fmt.Sprintf("remote: no GraphQL literal for %T", v))
}
