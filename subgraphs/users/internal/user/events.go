package user

import "time"

// Registered is published (topic users.events, key = user id) when an
// account is created. Consumers: cart (empty cart and wishlist),
// notifications (welcome message).
type Registered struct {
	UserID     string    `json:"userId"`
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	Role       Role      `json:"role"`
	OccurredAt time.Time `json:"occurredAt"`
}

func (Registered) EventType() string { return "user.registered" }
func (Registered) EventVersion() int { return 1 }

// RegisteredEvent describes u's registration.
func RegisteredEvent(u User) Registered {
	return Registered{UserID: u.ID, Name: u.Name, Email: u.Email, Role: u.Role, OccurredAt: u.CreatedAt}
}

// Updated is published when a user changes their profile; it carries the
// profile as it now is, so consumers can keep a copy without asking.
type Updated struct {
	UserID     string    `json:"userId"`
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	Phone      string    `json:"phone"`
	Role       Role      `json:"role"`
	OccurredAt time.Time `json:"occurredAt"`
}

func (Updated) EventType() string { return "user.updated" }
func (Updated) EventVersion() int { return 1 }

// UpdatedEvent describes u after a profile change.
func UpdatedEvent(u User) Updated {
	return Updated{UserID: u.ID, Name: u.Name, Email: u.Email, Phone: u.Phone, Role: u.Role, OccurredAt: u.UpdatedAt}
}
