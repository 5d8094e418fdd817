// Package scalar parses the supergraph's custom scalars (Paise, DateTime)
// for every subgraph: gqlgen.yml binds them here, so a bad value in a query
// or in variables is refused in one place, as the client's mistake
// (BAD_USER_INPUT; the error presenter names the field from the input path),
// never as an internal error.
package scalar

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/purra/supergraph/platform/errs"
)

// maxText bounds what a scalar's text may be before it is parsed at all: a
// 10 kB "number" is refused without being echoed or parsed.
const maxText = 64

// MarshalPaise writes an amount in paise as a JSON integer.
func MarshalPaise(p int64) graphql.Marshaler { return graphql.MarshalInt64(p) }

// UnmarshalPaise accepts an integer amount of paise, as a JSON number (or, as
// gqlgen always did, a string of digits) within int64. Fractions, exponents
// beyond int64, booleans and anything else are refused.
func UnmarshalPaise(v any) (int64, error) {
	switch v := v.(type) {
	case int:
		return int64(v), nil
	case int32:
		return int64(v), nil
	case int64:
		return v, nil
	case json.Number:
		return paiseFromText(string(v))
	case string:
		return paiseFromText(v)
	case float64:
		// Only reached from literals gqlgen parsed as floats; an integral
		// float inside int64 is the integer the client meant.
		if v != math.Trunc(v) || v < math.MinInt64 || v >= math.MaxInt64 {
			return 0, invalid("Paise", "an integer number of paise")
		}
		return int64(v), nil
	default:
		return 0, invalid("Paise", "an integer number of paise")
	}
}

func paiseFromText(s string) (int64, error) {
	if len(s) > maxText {
		return 0, errs.BadInput("", "Paise must be an integer number of paise (at most %d characters)", maxText)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, invalid("Paise", "an integer number of paise between -9223372036854775808 and 9223372036854775807")
	}
	return n, nil
}

// Earliest and latest DateTime the supergraph accepts: what RFC 3339 can
// write back (4-digit years) and PostgreSQL can store.
var (
	minDateTime = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDateTime = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)
)

// MarshalDateTime writes an RFC 3339 timestamp with nanoseconds when present.
func MarshalDateTime(t time.Time) graphql.Marshaler { return graphql.MarshalTime(t) }

// UnmarshalDateTime accepts an RFC 3339 timestamp with a time zone, years
// 0001–9999.
func UnmarshalDateTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, invalid("DateTime", `an RFC 3339 timestamp such as "2026-01-31T18:30:00Z"`)
	}
	if len(s) > maxText {
		return time.Time{}, errs.BadInput("", "DateTime must be an RFC 3339 timestamp (at most %d characters)", maxText)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, invalid("DateTime", `an RFC 3339 timestamp such as "2026-01-31T18:30:00Z"`)
	}
	if t.Before(minDateTime) || t.After(maxDateTime) {
		return time.Time{}, invalid("DateTime", "between years 0001 and 9999")
	}
	return t, nil
}

func invalid(scalar, want string) *errs.Error {
	return errs.BadInput("", "%s must be %s", scalar, want)
}
