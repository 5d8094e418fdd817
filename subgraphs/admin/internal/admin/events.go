package admin

// Created is published when an admin account is created (createAdmin and
// the seed): notifications keeps admins as recipients of stock.low.
type Created struct {
	AdminID string `json:"adminId"`
	Name    string `json:"name"`
	Email   string `json:"email"`
}

func (Created) EventType() string { return "admin.created" }
func (Created) EventVersion() int { return 1 }
