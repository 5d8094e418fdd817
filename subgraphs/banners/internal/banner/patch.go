package banner

import "time"

// Change is an optional new value: Set false leaves the field as it is.
type Change[T any] struct {
	Set   bool
	Value T
}

// To returns a change that sets v.
func To[T any](v T) Change[T] { return Change[T]{Set: true, Value: v} }

// Patch is an update of some of a banner's fields. A cleared Subtitle or
// CategoryID is a Change to "".
type Patch struct {
	Title      Change[string]
	Subtitle   Change[string]
	ImageURL   Change[string]
	LinkURL    Change[string]
	Placement  Change[Placement]
	CategoryID Change[string]
	Priority   Change[int]
	StartsAt   Change[time.Time]
	EndsAt     Change[time.Time]
	Active     Change[bool]
}

// Apply returns b with p applied and validated as a whole (so a new endsAt
// is checked against the old startsAt, a new placement against the kept
// category). b itself is not changed.
func (p Patch) Apply(b Banner) (Banner, error) {
	set(&b.Title, p.Title)
	set(&b.Subtitle, p.Subtitle)
	set(&b.ImageURL, p.ImageURL)
	set(&b.LinkURL, p.LinkURL)
	set(&b.Placement, p.Placement)
	set(&b.CategoryID, p.CategoryID)
	set(&b.Priority, p.Priority)
	set(&b.StartsAt, p.StartsAt)
	set(&b.EndsAt, p.EndsAt)
	set(&b.Active, p.Active)
	if err := b.Validate(); err != nil {
		return Banner{}, err
	}
	return b, nil
}

func set[T any](dst *T, c Change[T]) {
	if c.Set {
		*dst = c.Value
	}
}
