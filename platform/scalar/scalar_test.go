package scalar

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
)

func TestPaise(t *testing.T) {
	for in, want := range map[any]int64{json.Number("12345"): 12345, int64(-5): -5, 7: 7, "42": 42,
		json.Number("9223372036854775807"): 9223372036854775807, 3.0: 3} {
		got, err := UnmarshalPaise(in)
		require.NoError(t, err, "%v", in)
		require.Equal(t, want, got)
	}
	for _, bad := range []any{json.Number("9223372036854775808"), json.Number("1e30"), json.Number("1.5"), 1.5, 1e300,
		true, "", "12a", strings.Repeat("9", 10<<10), map[string]any{}, []any{1}, nil} {
		_, err := UnmarshalPaise(bad)
		require.Equal(t, errs.BadUserInput, errs.CodeOf(err), "%v", bad)
	}
}

func TestDateTime(t *testing.T) {
	got, err := UnmarshalDateTime("2026-01-31T18:30:00+05:30")
	require.NoError(t, err)
	require.True(t, got.Equal(time.Date(2026, 1, 31, 13, 0, 0, 0, time.UTC)))
	for _, bad := range []any{"-000001-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-12-31T23:00:00Z", "2026-01-31",
		"2026-01-31T18:30:00", "", strings.Repeat("2", 10<<10), 1700000000, json.Number("1700000000"), true, nil} {
		_, err := UnmarshalDateTime(bad)
		require.Equal(t, errs.BadUserInput, errs.CodeOf(err), "%v", bad)
	}
}
