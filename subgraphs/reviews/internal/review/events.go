package review

// Event types published on reviews.events (docs/backoffice.md).
const (
	TypeSubmitted     = "review.submitted"
	TypeUpdated       = "review.updated"
	TypeApproved      = "review.approved"
	TypeRejected      = "review.rejected"
	TypeDeleted       = "review.deleted"
	TypeRatingChanged = "product.rating_changed"
)

// Changed is the payload of review.submitted / updated / approved /
// rejected / deleted, keyed by the product id.
type Changed struct {
	Type      string `json:"-"`
	ReviewID  string `json:"reviewId"`
	ProductID string `json:"productId"`
	UserID    string `json:"userId"`
	Rating    int    `json:"rating"`
	Status    Status `json:"status"`
}

func (e Changed) EventType() string { return e.Type }
func (Changed) EventVersion() int   { return 1 }

// ChangedEvent describes r after a change of kind typ.
func ChangedEvent(typ string, r Review) Changed {
	return Changed{Type: typ, ReviewID: r.ID, ProductID: r.ProductID, UserID: r.UserID, Rating: r.Rating, Status: r.Status}
}

// RatingChanged is published whenever a product's approved set changes;
// catalog keeps it for sorting by rating.
type RatingChanged struct {
	ProductID string  `json:"productId"`
	Average   float64 `json:"average"`
	Count     int     `json:"count"`
}

func (RatingChanged) EventType() string { return TypeRatingChanged }
func (RatingChanged) EventVersion() int { return 1 }

// RatingChangedEvent describes the rollup r.
func RatingChangedEvent(r Rating) RatingChanged {
	return RatingChanged{ProductID: r.ProductID, Average: r.Average(), Count: r.Count()}
}
