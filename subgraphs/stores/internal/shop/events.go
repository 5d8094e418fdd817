package shop

// Change is the payload of store.created, store.updated and
// store.status_changed (topic stores.events, key = store id), as
// docs/backoffice.md fixes it. Catalog keeps a projection of it (owner,
// state, status). PreviousStatus is set on status_changed only.
type Change struct {
	StoreID        string  `json:"storeId"`
	OwnerID        string  `json:"ownerId"`
	Name           string  `json:"name"`
	Slug           string  `json:"slug"`
	State          State   `json:"state"`
	Status         Status  `json:"status"`
	PreviousStatus *Status `json:"previousStatus"`
}

func changeOf(s Store) Change {
	return Change{StoreID: s.ID, OwnerID: s.OwnerID, Name: s.Name, Slug: s.Slug, State: s.Pickup.State, Status: s.Status}
}

// Created is store.created: an owner opened a store (PENDING).
type Created struct{ Change }

func (Created) EventType() string { return "store.created" }
func (Created) EventVersion() int { return 1 }

// Updated is store.updated: the owner changed the store's details.
type Updated struct{ Change }

func (Updated) EventType() string { return "store.updated" }
func (Updated) EventVersion() int { return 1 }

// StatusChanged is store.status_changed: an admin approved, suspended or
// reactivated the store.
type StatusChanged struct{ Change }

func (StatusChanged) EventType() string { return "store.status_changed" }
func (StatusChanged) EventVersion() int { return 1 }

// CreatedEvent describes s's creation.
func CreatedEvent(s Store) Created { return Created{changeOf(s)} }

// UpdatedEvent describes s after its owner changed it.
func UpdatedEvent(s Store) Updated { return Updated{changeOf(s)} }

// StatusChangedEvent describes s after it moved from previous.
func StatusChangedEvent(s Store, previous Status) StatusChanged {
	c := changeOf(s)
	c.PreviousStatus = &previous
	return StatusChanged{c}
}
