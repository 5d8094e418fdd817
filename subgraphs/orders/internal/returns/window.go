package returns

import "time"

// Windows are the return windows in days: per category, and the default
// for a line none of whose categories has one (RETURN_WINDOW_DAYS).
type Windows struct {
	ByCategory  map[string]int
	DefaultDays int
}

// Days is the window of a line in categories (nearest first): the nearest
// category with a window of its own wins, so "Mobiles 7" applies to a
// phone filed under Mobiles › Android unless Android has its own.
func (w Windows) Days(categories []string) int {
	for _, c := range categories {
		if d, ok := w.ByCategory[c]; ok {
			return d
		}
	}
	return w.DefaultDays
}

// Closes is when the window of a line in categories, delivered at
// deliveredAt, closes: that many 24-hour days after delivery (a window of
// 0 days closes at delivery: nothing in the category can be returned).
func (w Windows) Closes(categories []string, deliveredAt time.Time) time.Time {
	return deliveredAt.Add(time.Duration(w.Days(categories)) * 24 * time.Hour)
}

// MaxWindowDays bounds a category's window (admins set them).
const MaxWindowDays = 365
