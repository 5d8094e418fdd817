package stock

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
)

const (
	order = "0193a000-0000-7000-8000-0000000000aa"
	va    = "0193a000-0000-7000-8000-00000000000a"
	vb    = "0193a000-0000-7000-8000-00000000000b"
	user  = "0193a000-0000-7000-8000-0000000000c1"
)

func ptr(n int) *int { return &n }

func TestNewReserveRequest_valid(t *testing.T) {
	t.Parallel()
	req, err := NewReserveRequest(strings.ToUpper(order), user,
		[]Line{{VariantID: vb, Quantity: 2}, {VariantID: strings.ToUpper(va), Quantity: 1}}, nil, 15*time.Minute)
	require.NoError(t, err)
	require.Equal(t, ReserveRequest{OrderID: order, UserID: user, TTL: 15 * time.Minute,
		Lines: []Line{{VariantID: va, Quantity: 1}, {VariantID: vb, Quantity: 2}}}, req, "canonical ids, lines by variant")

	req, err = NewReserveRequest(order, user, []Line{{VariantID: va, Quantity: MaxQuantity}}, ptr(3600), time.Minute)
	require.NoError(t, err)
	require.Equal(t, time.Hour, req.TTL)
}

func TestNewReserveRequest_badInput(t *testing.T) {
	t.Parallel()
	line := []Line{{VariantID: va, Quantity: 1}}
	many := make([]Line, MaxLines+1)
	for i := range many {
		many[i] = Line{VariantID: va, Quantity: 1}
	}
	cases := []struct {
		name, order string
		lines       []Line
		ttl         *int
		field       string
	}{
		{"order not a uuid", "order-1", line, nil, "orderId"},
		{"order 10 KB", strings.Repeat("a", 10<<10), line, nil, "orderId"},
		{"no lines", order, nil, nil, "lines"},
		{"too many lines", order, many, nil, "lines"},
		{"variant not a uuid", order, []Line{{VariantID: "x", Quantity: 1}}, nil, "lines.variantId"},
		{"variant twice", order, []Line{{VariantID: va, Quantity: 1}, {VariantID: strings.ToUpper(va), Quantity: 1}}, nil, "lines.variantId"},
		{"zero quantity", order, []Line{{VariantID: va, Quantity: 0}}, nil, "lines.quantity"},
		{"negative quantity", order, []Line{{VariantID: va, Quantity: -1}}, nil, "lines.quantity"},
		{"huge quantity", order, []Line{{VariantID: va, Quantity: MaxQuantity + 1}}, nil, "lines.quantity"},
		{"zero ttl", order, line, ptr(0), "ttlSeconds"},
		{"ttl over an hour", order, line, ptr(3601), "ttlSeconds"},
	}
	for _, c := range cases {
		_, err := NewReserveRequest(c.order, user, c.lines, c.ttl, time.Minute)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: c.field}, c.name)
	}
}

func TestShortages_namesEveryShortLine(t *testing.T) {
	t.Parallel()
	levels := map[string]Level{
		va: {VariantID: va, SKU: "BOAT-1", OnHand: 5, Reserved: 2},
		vb: {VariantID: vb, SKU: "BOAT-2", OnHand: 9},
	}
	require.NoError(t, Shortages(levels, []Line{{VariantID: va, Quantity: 3}, {VariantID: vb, Quantity: 9}}))

	missing := "0193a000-0000-7000-8000-00000000000c"
	err := Shortages(levels, []Line{{VariantID: va, Quantity: 4}, {VariantID: vb, Quantity: 1}, {VariantID: missing, Quantity: 1}})
	require.ErrorIs(t, err, &errs.Error{Code: errs.Conflict, Reason: ReasonOutOfStock})
	require.Contains(t, err.Error(), "BOAT-1 has 3 left (4 requested)")
	require.Contains(t, err.Error(), "variant "+missing+" is not stocked")
	require.NotContains(t, err.Error(), "BOAT-2")
}

func TestRepeat(t *testing.T) {
	t.Parallel()
	req := ReserveRequest{OrderID: order, UserID: user, Lines: []Line{{VariantID: va, Quantity: 1}}}
	r := Reservation{OrderID: order, UserID: user, Status: Reserved, Lines: req.Lines}
	require.NoError(t, r.Repeat(req))
	r.Status = Committed
	require.NoError(t, r.Repeat(req), "a confirmed order's reservation is still the answer")

	for _, s := range []Status{Released, Expired} {
		r.Status = s
		require.ErrorIs(t, r.Repeat(req), &errs.Error{Code: errs.Conflict, Reason: ReasonClosed}, s)
	}
	r.Status = Reserved
	other := req
	other.Lines = []Line{{VariantID: va, Quantity: 2}}
	require.ErrorIs(t, r.Repeat(other), &errs.Error{Code: errs.Conflict, Reason: ReasonMismatch})
	other = req
	other.UserID = "someone-else"
	require.ErrorIs(t, r.Repeat(other), &errs.Error{Code: errs.Forbidden})
}

func TestTransitions(t *testing.T) {
	t.Parallel()
	lines := []Line{{VariantID: va, Quantity: 2}}
	at := func(s Status) Reservation { return Reservation{OrderID: order, Status: s, Lines: lines} }
	type move func(Reservation) (Transition, bool)
	cases := []struct {
		name string
		move move
		from Status
		want *Transition
	}{
		{"confirm reserved", Reservation.Confirm, Reserved, &Transition{To: Committed, Changes: []Change{{VariantID: va, OnHand: -2, Reserved: -2}}}},
		{"confirm expired retakes", Reservation.Confirm, Expired, &Transition{To: Committed, Changes: []Change{{VariantID: va, OnHand: -2}}, Retake: true}},
		{"confirm released: no-op", Reservation.Confirm, Released, nil},
		{"confirm committed: no-op", Reservation.Confirm, Committed, nil},
		{"cancel reserved", Reservation.Cancel, Reserved, &Transition{To: Released, Changes: []Change{{VariantID: va, Reserved: -2}}}},
		{"cancel committed restocks", Reservation.Cancel, Committed, &Transition{To: Released, Changes: []Change{{VariantID: va, OnHand: 2}}}},
		{"cancel expired: no-op", Reservation.Cancel, Expired, nil},
		{"cancel released: no-op", Reservation.Cancel, Released, nil},
		{"release reserved", Reservation.Release, Reserved, &Transition{To: Released, Changes: []Change{{VariantID: va, Reserved: -2}}}},
		{"release committed: no-op", Reservation.Release, Committed, nil},
		{"expire reserved", Reservation.Expire, Reserved, &Transition{To: Expired, Changes: []Change{{VariantID: va, Reserved: -2}}}},
		{"expire released: no-op", Reservation.Expire, Released, nil},
	}
	for _, c := range cases {
		got, ok := c.move(at(c.from))
		if c.want == nil {
			require.False(t, ok, c.name)
			continue
		}
		require.True(t, ok, c.name)
		require.Equal(t, *c.want, got, c.name)
	}
}

// Commit answers: committed again is a no-op, released is closed, the rest
// moves as Confirm does (expired: retaken, checked by the store).
func TestCommit(t *testing.T) {
	t.Parallel()
	lines := []Line{{VariantID: va, Quantity: 2}}
	at := func(s Status) Reservation { return Reservation{OrderID: order, Status: s, Lines: lines} }
	tr, ok, err := at(Reserved).Commit()
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, Transition{To: Committed, Changes: []Change{{VariantID: va, OnHand: -2, Reserved: -2}}}, tr)
	tr, ok, err = at(Expired).Commit()
	require.NoError(t, err)
	require.True(t, ok && tr.Retake)
	_, ok, err = at(Committed).Commit()
	require.NoError(t, err)
	require.False(t, ok)
	_, _, err = at(Released).Commit()
	require.ErrorIs(t, err, ErrClosed)
}
