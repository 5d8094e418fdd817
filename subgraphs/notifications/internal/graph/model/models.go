// Package model holds the GraphQL models; gqlgen generates the rest in models_gen.go.
package model

// User is a user owned by the users subgraph; notifications resolves its
// notifications field by the id.
type User struct {
	ID string `json:"id"`
}

// IsEntity marks User as a federation entity (fedruntime.Entity).
func (User) IsEntity() {}
