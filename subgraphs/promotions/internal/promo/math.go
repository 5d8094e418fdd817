package promo

import (
	"math/bits"
	"sort"
)

// Money math on integer paise. Products are computed in 128 bits, so a line
// of 10,000 units at a crore each times a GST rate in basis points cannot
// overflow; every quotient is at most its first operand.

// mulDiv returns floor(a×b/c) and the remainder, for a, b ≥ 0, c > 0 and a
// result that fits (b ≤ c).
func mulDiv(a, b, c int64) (q, r int64) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	uq, ur := bits.Div64(hi, lo, uint64(c))
	return int64(uq), int64(ur)
}

// mulDivRound returns a×b/c rounded half up (to the nearest paisa, a half
// paisa up), for a, b ≥ 0, c > 0 and b ≤ c.
func mulDivRound(a, b, c int64) int64 {
	q, r := mulDiv(a, b, c)
	if 2*r >= c {
		q++
	}
	return q
}

// PercentOf returns pct % of amount, rounded half up.
func PercentOf(amount int64, pct int) int64 { return mulDivRound(amount, int64(pct), 100) }

// GSTIncluded returns the GST contained in a GST-inclusive amount at a rate
// in basis points (1800 = 18 %): round(amount × rate / (100 % + rate)).
func GSTIncluded(amount, rateBP int64) int64 { return mulDivRound(amount, rateBP, 10_000+rateBP) }

// SplitGST splits gst into CGST and SGST halves; the odd paisa goes to SGST.
func SplitGST(gst int64) (cgst, sgst int64) {
	cgst = gst / 2
	return cgst, gst - cgst
}

// Allocate shares total among weights in proportion (largest remainder
// method): the shares add up to exactly total, and none exceeds its weight
// when total ≤ Σ weights. Ties go to the earlier weight.
func Allocate(total int64, weights []int64) []int64 {
	shares := make([]int64, len(weights))
	var sum int64
	for _, w := range weights {
		sum += w
	}
	if total <= 0 || sum <= 0 {
		return shares
	}
	total = min(total, sum)
	rems := make([]int64, len(weights))
	left := total
	for i, w := range weights {
		shares[i], rems[i] = mulDiv(w, total, sum)
		left -= shares[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]] > rems[order[b]] })
	for _, i := range order {
		if left == 0 {
			break
		}
		shares[i]++
		left--
	}
	return shares
}
