package stock

import "github.com/google/uuid"

// ParseID returns id in canonical UUID form, or false. Ids from clients and
// events go through it before they reach SQL.
func ParseID(id string) (string, bool) {
	if len(id) != 36 {
		return "", false
	}
	u, err := uuid.Parse(id)
	if err != nil {
		return "", false
	}
	return u.String(), true
}
