package graph

import (
	"context"
	"time"

	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/app"
	"github.com/purra/supergraph/subgraphs/admin/internal/graph/model"
)

func toAdmin(a admin.Admin) *model.AdminUser {
	return &model.AdminUser{ID: a.ID, Name: a.Name, Email: a.Email, Active: a.Active, RoleIDs: a.RoleIDs,
		CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
}

func toAdmins(list []admin.Admin) []*model.AdminUser {
	out := make([]*model.AdminUser, len(list))
	for i, a := range list {
		out[i] = toAdmin(a)
	}
	return out
}

func toRole(r admin.Role) *model.AdminRole {
	return &model.AdminRole{ID: r.ID, Name: r.Name, Description: r.Description, Permissions: nonNil(r.Permissions),
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

func toRoles(list []admin.Role) []*model.AdminRole {
	out := make([]*model.AdminRole, len(list))
	for i, r := range list {
		out[i] = toRole(r)
	}
	return out
}

func toSession(ctx context.Context, s admin.Session, now time.Time) *model.AdminSession {
	return &model.AdminSession{ID: s.ID, AdminID: s.AdminID, Device: s.Device, IP: s.IP, CreatedAt: s.CreatedAt,
		LastSeenAt: s.LastSeenAt, ExpiresAt: s.ExpiresAt, RevokedAt: s.RevokedAt, Active: s.Active(now),
		Current: app.IsCurrentSession(ctx, s.ID)}
}

func toLogEntry(e admin.LogEntry) *model.AdminAuditLog {
	out := &model.AdminAuditLog{ID: e.ID, AdminID: e.AdminID, SessionID: optional(e.SessionID), Permission: e.Permission,
		Action: e.Action, TargetType: e.TargetType, TargetID: e.TargetID, IP: optional(e.IP),
		RequestID: optional(e.RequestID), Service: e.Service, At: e.At}
	if len(e.Before) > 0 {
		out.Before = e.Before
	}
	if len(e.After) > 0 {
		out.After = e.After
	}
	return out
}

func toLogPage(p app.LogPage) *model.AuditLogConnection {
	c := &model.AuditLogConnection{Edges: make([]*model.AuditLogEdge, len(p.Entries)),
		PageInfo: &model.PageInfo{HasNextPage: p.HasNextPage}, TotalCount: p.TotalCount}
	for i, e := range p.Entries {
		c.Edges[i] = &model.AuditLogEdge{Cursor: e.Cursor(), Node: toLogEntry(e)}
	}
	if n := len(p.Entries); n > 0 {
		end := c.Edges[n-1].Cursor
		c.PageInfo.EndCursor = &end
	}
	return c
}

func toLogFilter(f *model.AuditLogFilter) admin.LogFilter {
	if f == nil {
		return admin.LogFilter{}
	}
	return admin.LogFilter{AdminID: deref(f.AdminID), Action: deref(f.Action), TargetType: deref(f.TargetType),
		TargetID: deref(f.TargetID), From: f.From, To: f.To}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
