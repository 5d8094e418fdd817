package stock

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
)

const v1 = "0193a000-0000-7000-8000-000000000001"

func TestCreated_alwaysSendsFirstStockChanged(t *testing.T) {
	t.Parallel()
	l, evs := Created(v1, v1, "SKU-1", 20)
	require.Equal(t, []Event{Changed{VariantID: v1, Available: 20, InStock: true}}, evs)
	require.Equal(t, DefaultLowThreshold, l.LowThreshold)
	require.False(t, l.LowAlerted)

	l, evs = Created(v1, v1, "SKU-1", 0)
	require.Equal(t, []Event{
		Changed{VariantID: v1, Available: 0, InStock: false},
		Low{VariantID: v1, OnHand: 0, Available: 0, Threshold: DefaultLowThreshold},
	}, evs, "an empty new variant is out of stock and low")
	require.True(t, l.LowAlerted)
}

func TestApply_eventsOnFlipsAndOncePerLowCrossing(t *testing.T) {
	t.Parallel()
	l := Level{VariantID: v1, OnHand: 10, LowThreshold: 3}
	steps := []struct {
		name   string
		change Change
		want   []Event
	}{
		{"reserve 5: still above the threshold", Change{Reserved: 5}, nil},
		{"reserve 3: available 2 crosses down", Change{Reserved: 3}, []Event{Low{VariantID: v1, OnHand: 10, Available: 2, Threshold: 3}}},
		{"reserve 1: still low, no second alert", Change{Reserved: 1}, nil},
		{"reserve 1: sold out", Change{Reserved: 1}, []Event{Changed{VariantID: v1, Available: 0, InStock: false}}},
		{"commit 10: available unchanged", Change{OnHand: -10, Reserved: -10}, nil},
		{"restock 2: back in stock, still low", Change{OnHand: 2}, []Event{Changed{VariantID: v1, Available: 2, InStock: true}}},
		{"restock 5: above the threshold, alert re-armed", Change{OnHand: 5}, nil},
		{"reserve 4: crosses down again", Change{Reserved: 4}, []Event{Low{VariantID: v1, OnHand: 7, Available: 3, Threshold: 3}}},
	}
	for _, s := range steps {
		next, evs, err := l.Apply(s.change)
		require.NoError(t, err, s.name)
		require.Equal(t, s.want, evs, s.name)
		l = next
	}
	require.True(t, l.LowAlerted)
}

func TestApply_refusesBrokenInvariants(t *testing.T) {
	t.Parallel()
	l := Level{VariantID: v1, OnHand: 2, Reserved: 1}
	for _, c := range []Change{{Reserved: 2}, {OnHand: -3}, {Reserved: -2}, {OnHand: MaxOnHand}} {
		next, evs, err := l.Apply(c)
		require.Error(t, err, "%+v", c)
		require.Nil(t, evs)
		require.Equal(t, l, next)
	}
}

func TestWithThreshold(t *testing.T) {
	t.Parallel()
	l := Level{VariantID: v1, OnHand: 4, LowThreshold: 0}
	l, evs := l.WithThreshold(5)
	require.Equal(t, []Event{Low{VariantID: v1, OnHand: 4, Available: 4, Threshold: 5}}, evs, "raising above the stock is a crossing")
	l, evs = l.WithThreshold(6)
	require.Empty(t, evs, "already alerted")
	l, evs = l.WithThreshold(0)
	require.Empty(t, evs)
	require.False(t, l.LowAlerted, "off: re-armed")
}

func TestRestock_limits(t *testing.T) {
	t.Parallel()
	l := Level{VariantID: v1, OnHand: MaxOnHand - 5}
	c, err := l.Restock(5)
	require.NoError(t, err)
	require.Equal(t, Change{VariantID: v1, OnHand: 5}, c)
	for _, q := range []int{0, -1, MaxQuantity + 1, 6} {
		_, err := l.Restock(q)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "quantity"}, "q=%d", q)
	}
}
