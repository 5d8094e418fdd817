package page_test

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/page"
)

func TestParse(t *testing.T) {
	t.Parallel()
	orders, banners := page.Kind("o"), page.Kind("b")
	id := uuid.NewString()
	r, err := orders.Parse(nil, nil)
	require.NoError(t, err)
	require.Equal(t, page.Request{First: 20}, r)

	c := orders.Cursor(id)
	r, err = orders.Parse(new(int), &c)
	require.ErrorIs(t, err, errs.BadInput("first", ""), "first 0")
	five := 5
	r, err = orders.Parse(&five, &c)
	require.NoError(t, err)
	require.Equal(t, page.Request{First: 5, After: id}, r, "round trip")

	for _, bad := range []string{"x", banners.Cursor(id), orders.Cursor("not-a-uuid"), strings.Repeat("A", 65)} {
		_, err := orders.Parse(&five, &bad)
		require.ErrorIs(t, err, errs.BadInput("after", ""), "cursor %q", bad)
	}
	big := page.Max + 1
	_, err = orders.Parse(&big, nil)
	require.ErrorIs(t, err, errs.BadInput("first", ""))
}
