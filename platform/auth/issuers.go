package auth

import (
	"fmt"
	"strings"
)

// The issuers of Purra access tokens. Each signs with its own keys and may
// grant only its own kind of caller.
const (
	// IssuerUsers is the users subgraph: shoppers (CUSTOMER, RETAILER, OWNER).
	IssuerUsers = "purra-users"
	// IssuerAdmin is the admin subgraph: ADMIN with permissions ("catalog:write").
	IssuerAdmin = "purra-admin"
)

// Policy refuses claims its issuer may not grant.
type Policy func(Claims) error

// DefaultPolicies bind roles to issuers: ADMIN and admin permissions come only
// from the admin issuer, shopper roles only from the users issuer. A stolen
// or leaked shopper-signing key therefore cannot mint an administrator.
func DefaultPolicies() map[string]Policy {
	return map[string]Policy{IssuerUsers: shopperClaims, IssuerAdmin: adminClaims}
}

var shopperRoles = map[string]bool{RoleCustomer: true, RoleRetailer: true, RoleOwner: true}

func shopperClaims(c Claims) error {
	if !shopperRoles[c.Role] {
		return fmt.Errorf("role %q is not a shopper role", c.Role)
	}
	for _, s := range strings.Fields(c.Scope) {
		if !shopperRoles[s] {
			return fmt.Errorf("scope %q is not a shopper scope", s)
		}
	}
	return nil
}

func adminClaims(c Claims) error {
	if c.Role != RoleAdmin {
		return fmt.Errorf("role %q is not ADMIN", c.Role)
	}
	for _, s := range strings.Fields(c.Scope) {
		if shopperRoles[s] {
			return fmt.Errorf("scope %q is a shopper role", s)
		}
	}
	return nil
}
