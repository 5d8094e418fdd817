package banner

// Kinds of change a Changed event reports.
const (
	Created = "created"
	Updated = "updated"
	Deleted = "deleted"
)

// Changed is the `banner.changed` event (key: the banner id), published on
// every create, update and delete. BannerID and Placement are the contract
// (docs/backoffice.md); Change and PreviousPlacement are additive details
// for consumers that keep per-placement state.
type Changed struct {
	BannerID  string    `json:"bannerId"`
	Placement Placement `json:"placement"`
	Change    string    `json:"change"`
	// PreviousPlacement is set when an update moved the banner.
	PreviousPlacement Placement `json:"previousPlacement,omitempty"`
}

func (Changed) EventType() string { return "banner.changed" }
func (Changed) EventVersion() int { return 1 }

// Audit names of the admin actions (docs/backoffice.md: <entity>.<verb>).
const (
	Permission   = "banners:write"
	ActionCreate = "banner.create"
	ActionUpdate = "banner.update"
	ActionDelete = "banner.delete"
	AuditTarget  = "Banner"
)
