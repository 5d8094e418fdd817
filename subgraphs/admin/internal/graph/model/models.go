// Package model holds the GraphQL models; hand-written ones here keep foreign
// keys (role ids, admin id) that field resolvers load through dataloaders.
package model

import "time"

// AdminUser is an admin account; roles and permissions resolve from RoleIDs.
type AdminUser struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Active    bool      `json:"active"`
	RoleIDs   []string  `json:"-"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// AdminAuditLog is an audit entry; admin resolves from AdminID.
type AdminAuditLog struct {
	ID         string    `json:"id"`
	AdminID    string    `json:"adminId"`
	SessionID  *string   `json:"sessionId,omitempty"`
	Permission string    `json:"permission"`
	Action     string    `json:"action"`
	TargetType string    `json:"targetType"`
	TargetID   string    `json:"targetId"`
	Before     any       `json:"before,omitempty"`
	After      any       `json:"after,omitempty"`
	IP         *string   `json:"ip,omitempty"`
	RequestID  *string   `json:"requestId,omitempty"`
	Service    string    `json:"service"`
	At         time.Time `json:"at"`
}
