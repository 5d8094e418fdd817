package review

import "math"

// Rating is the rollup of a product's APPROVED reviews: how many gave each
// number of stars (Stars[0] is 1 star).
type Rating struct {
	ProductID string
	Stars     [5]int
}

// Count is the number of approved reviews.
func (r Rating) Count() int {
	n := 0
	for _, c := range r.Stars {
		n += c
	}
	return n
}

// Average is the mean rating rounded to two decimals, 0 without reviews.
func (r Rating) Average() float64 {
	n, sum := 0, 0
	for i, c := range r.Stars {
		n += c
		sum += (i + 1) * c
	}
	if n == 0 {
		return 0
	}
	return math.Round(float64(sum)/float64(n)*100) / 100
}

// Delta is a change to a rating rollup: +1/-1 per star bucket.
type Delta [5]int

// Contribution is what r adds to its product's rating: one in its bucket
// when approved, nothing otherwise.
func Contribution(r Review) Delta {
	var d Delta
	if r.Status == Approved {
		d[r.Rating-1] = 1
	}
	return d
}

// Change is the delta from before to after (either may be the zero Review,
// for a creation or a deletion).
func Change(before, after Review) Delta {
	b, a := Contribution(before), Contribution(after)
	var d Delta
	for i := range d {
		d[i] = a[i] - b[i]
	}
	return d
}

// IsZero reports whether the change leaves the rating as it was.
func (d Delta) IsZero() bool { return d == Delta{} }
