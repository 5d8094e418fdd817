// Package seed loads the stores part of the demo story (docs/backoffice.md):
// Vikram's TechHub, ACTIVE, and Vikram's approved-owner record (the users
// seed publishes no owner.approved for him, so it is written here).
package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/purra/supergraph/subgraphs/stores/internal/app"
	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

// Fixed ids and values shared with the users and catalog seeds.
const (
	TechHubID     = "01937a00-0000-7000-8000-0000000000a1"
	VikramID      = "01937a00-0000-7000-8000-000000000003"
	VikramOwnerID = "01937a00-0000-7000-8002-000000000003"
	VikramGSTIN   = "29AABCT1234H1ZI" // Karnataka (29)
	VikramPAN     = "AABCT1234H"
	VikramBiz     = "TechHub Electronics Pvt Ltd"
)

// createdAt is fixed so a re-run seeds exactly the same rows.
var createdAt = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// TechHub is the seed store.
func TechHub() shop.Store {
	return shop.Store{
		ID: TechHubID, OwnerID: VikramID, Name: "TechHub", Slug: "techhub",
		Description: "Phones, laptops and accessories from Bengaluru's TechHub Electronics.",
		GSTIN:       VikramGSTIN,
		Pickup: shop.PickupAddress{Line1: "88, MG Road", Line2: "Ashok Nagar", City: "Bengaluru",
			State: "KARNATAKA", PinCode: "560001"},
		Status: shop.Active, CreatedAt: createdAt, UpdatedAt: createdAt,
	}
}

// Vikram is TechHub's owner as the projection knows him.
func Vikram() shop.Owner {
	return shop.Owner{UserID: VikramID, OwnerID: VikramOwnerID, BusinessName: VikramBiz,
		GSTIN: VikramGSTIN, PAN: VikramPAN, Approved: true}
}

// Run seeds; it is idempotent (a second run writes nothing and publishes no
// second store.created).
func Run(ctx context.Context, a *app.App) error {
	if _, err := a.Seed(ctx, TechHub(), Vikram()); err != nil {
		return fmt.Errorf("seed TechHub: %w", err)
	}
	return nil
}
