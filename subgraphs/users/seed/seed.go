// Package seed is the users subgraph's demo data, loaded by `users seed`.
// The ids and the password are exported so that other subgraphs' seeds and
// the end-to-end tests can refer to the same people.
package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/purra/supergraph/subgraphs/users/internal/app"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// Password is every seed user's password.
const Password = "Purra@2026"

// Seed users.
const (
	// RahulID is Rahul Sharma, rahul@purra.in, a CUSTOMER in Mumbai.
	RahulID = "01937a00-0000-7000-8000-000000000001"
	// AmitID is Amit Patel, amit@purra.in, a RETAILER in Ahmedabad (GSTIN AmitGSTIN).
	AmitID = "01937a00-0000-7000-8000-000000000002"
	// VikramID is Vikram Singh, vikram@purra.in, the OWNER of TechHub Electronics Pvt Ltd in Bengaluru.
	VikramID = "01937a00-0000-7000-8000-000000000003"
)

// Seed emails.
const (
	RahulEmail  = "rahul@purra.in"
	AmitEmail   = "amit@purra.in"
	VikramEmail = "vikram@purra.in"
)

// Seed addresses and owner profile.
const (
	RahulHomeAddressID   = "01937a00-0000-7000-8001-000000000001"
	RahulOfficeAddressID = "01937a00-0000-7000-8001-000000000002"
	AmitAddressID        = "01937a00-0000-7000-8001-000000000003"
	VikramAddressID      = "01937a00-0000-7000-8001-000000000004"
	// VikramOwnerID is Vikram's approved owner profile.
	VikramOwnerID = "01937a00-0000-7000-8002-000000000003"
)

// Business identifiers (valid check characters).
const (
	AmitGSTIN   = "24ABCPP1234F1Z6" // Gujarat (24)
	VikramGSTIN = "29AABCT1234H1ZI" // Karnataka (29)
	VikramPAN   = "AABCT1234H"
	// VikramBusinessName is the seed owner's business.
	VikramBusinessName = "TechHub Electronics Pvt Ltd"
)

type seedUser struct {
	id        string
	reg       user.Registration
	addresses []seedAddress
}

type seedAddress struct {
	id string
	in user.AddressInput
}

func ptr(s string) *string { return &s }

func users() []seedUser {
	return []seedUser{
		{RahulID, user.Registration{Name: "Rahul Sharma", Email: RahulEmail, Phone: "+919876500001", Password: Password, Role: user.RoleCustomer},
			[]seedAddress{
				{RahulHomeAddressID, user.AddressInput{Name: "Rahul Sharma", Phone: "+919876500001",
					Line1: "12, Sea Breeze Apartments, Carter Road", Line2: ptr("Bandra West"), Landmark: ptr("Near Otters Club"),
					City: "Mumbai", State: "MAHARASHTRA", PinCode: "400050", MakeDefault: true}},
				{RahulOfficeAddressID, user.AddressInput{Name: "Rahul Sharma", Phone: "+919876500001",
					Line1: "4th Floor, Tower B, Business Bay", Line2: ptr("Camp"),
					City: "Pune", State: "MAHARASHTRA", PinCode: "411001"}},
			}},
		{AmitID, user.Registration{Name: "Amit Patel", Email: AmitEmail, Phone: "+919876500002", Password: Password, Role: user.RoleRetailer, GSTIN: AmitGSTIN},
			[]seedAddress{
				{AmitAddressID, user.AddressInput{Name: "Amit Patel", Phone: "+919876500002",
					Line1: "Shop 7, Navrangpura Market", Line2: ptr("Navrangpura"),
					City: "Ahmedabad", State: "GUJARAT", PinCode: "380009"}},
			}},
		{VikramID, user.Registration{Name: "Vikram Singh", Email: VikramEmail, Phone: "+919876500003", Password: Password, Role: user.RoleOwner},
			[]seedAddress{
				{VikramAddressID, user.AddressInput{Name: "Vikram Singh", Phone: "+919876500003",
					Line1: "88, MG Road", Line2: ptr("Ashok Nagar"), Landmark: ptr("Opposite Trinity Metro"),
					City: "Bengaluru", State: "KARNATAKA", PinCode: "560001"}},
			}},
	}
}

// Run loads the demo data. It is idempotent: fixed ids, and records that
// exist already are left alone (no second user.registered event).
func Run(ctx context.Context, a *app.App) error {
	for _, su := range users() {
		if _, err := a.ProvisionUser(ctx, su.id, su.reg); err != nil {
			return fmt.Errorf("seed user %s: %w", su.reg.Email, err)
		}
		for _, sa := range su.addresses {
			if err := a.ProvisionAddress(ctx, su.id, sa.id, sa.in); err != nil {
				return fmt.Errorf("seed address %s: %w", sa.id, err)
			}
		}
	}
	now := time.Now().UTC()
	owner, err := user.Apply(VikramOwnerID, VikramID, user.OwnerApplication{
		BusinessName: VikramBusinessName, GSTIN: VikramGSTIN, PAN: VikramPAN,
	}, now)
	if err != nil {
		return fmt.Errorf("seed owner: %w", err)
	}
	if err := owner.Approve(now); err != nil {
		return err
	}
	if _, err := a.ProvisionOwner(ctx, owner); err != nil {
		return fmt.Errorf("seed owner: %w", err)
	}
	return nil
}
