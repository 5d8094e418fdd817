package catalog

import "regexp"

// StoreChanged is the payload of the stores subgraph's store.created,
// store.updated and store.status_changed (topic stores.events): the fields
// the stores projection keeps.
type StoreChanged struct {
	StoreID        string `json:"storeId"`
	OwnerID        string `json:"ownerId"`
	Name           string `json:"name"`
	Slug           string `json:"slug"`
	State          string `json:"state"`
	Status         string `json:"status"`
	PreviousStatus string `json:"previousStatus"`
}

// StoreActive is the status whose products are on sale.
const StoreActive = "ACTIVE"

var (
	storeStatus = regexp.MustCompile(`^[A-Z][A-Z_]{0,29}$`)
	stateName   = regexp.MustCompile(`^[A-Z][A-Z_]{1,39}$`)
)

// Normalize checks e can be projected: ids, a status and a name. A state
// that is not an IndianState name is dropped (unknown place of supply)
// rather than refusing the event. ok is false for an event that can never apply.
func (e *StoreChanged) Normalize() (ok bool) {
	var okS, okO bool
	e.StoreID, okS = ParseID(e.StoreID)
	e.OwnerID, okO = ParseID(e.OwnerID)
	if !okS || !okO || !storeStatus.MatchString(e.Status) {
		return false
	}
	if e.Name == "" {
		e.Name = e.Slug
	}
	if !stateName.MatchString(e.State) {
		e.State = ""
	}
	return true
}

// RatingChanged is the payload of reviews' product.rating_changed (topic
// reviews.events).
type RatingChanged struct {
	ProductID string  `json:"productId"`
	Average   float64 `json:"average"`
	Count     int     `json:"count"`
}

// Normalize checks the rating can be projected (id, 0 ≤ average ≤ 5, count ≥ 0).
func (e *RatingChanged) Normalize() bool {
	var ok bool
	if e.ProductID, ok = ParseID(e.ProductID); !ok {
		return false
	}
	return e.Count >= 0 && e.Average >= 0 && e.Average <= 5
}
