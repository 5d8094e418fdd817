package order

import (
	"slices"
	"time"
)

// Return windows (issue 9: Mobiles 7 days, others 10). Returns owns their
// configuration per category; the fulfilment event carries the window's end
// computed from these defaults so settlements know when a delivered
// fulfilment can be paid out.
var (
	// MobilesCategoryID is the seed's Mobiles category (catalog seed.ID("category", "mobiles")).
	MobilesCategoryID   = "f5b52a6b-037a-5856-a88c-cafe119ea1e5"
	DefaultReturnWindow = 10 * 24 * time.Hour
	// ReturnWindows by category id (the nearest category listed wins).
	ReturnWindows = map[string]time.Duration{MobilesCategoryID: 7 * 24 * time.Hour}
)

// ReturnWindowEnd is the latest end of the return windows of items delivered at.
func ReturnWindowEnd(items []Item, deliveredAt time.Time) time.Time {
	longest := time.Duration(0)
	for _, it := range items {
		w := DefaultReturnWindow
		if i := slices.IndexFunc(it.CategoryIDs, func(c string) bool { _, ok := ReturnWindows[c]; return ok }); i >= 0 {
			w = ReturnWindows[it.CategoryIDs[i]]
		}
		longest = max(longest, w)
	}
	if longest == 0 {
		longest = DefaultReturnWindow
	}
	return deliveredAt.Add(longest)
}
