package graph

import (
	"context"

	"github.com/purra/supergraph/subgraphs/users/internal/app"
	"github.com/purra/supergraph/subgraphs/users/internal/graph/model"
)

// This file will not be regenerated automatically.

// Resolver carries the dependencies of the resolvers, whose bodies decode
// arguments, call one App method and convert the result.
type Resolver struct {
	App *app.App
}

// personal returns a personal field of u (email, phone, GSTIN) only to u
// themself and to admins; everybody else reads null. "" (not set) is null too.
func (r *Resolver) personal(ctx context.Context, u *model.User, value string) *string {
	if value == "" || !(r.shownInFull(ctx, u) || r.App.MayReadPersonalData(ctx)) {
		return nil
	}
	return &value
}

// shownInFull reports whether the caller is u (addresses are shown to nobody
// else; email, phone, GSTIN and ban status also to admins holding
// users:ban or users:approve, app.MayReadPersonalData).
func (r *Resolver) shownInFull(ctx context.Context, u *model.User) bool {
	return u.OwnView || r.App.IsSelf(ctx, u.ID)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func derefInt(n *int, def int) int {
	if n == nil {
		return def
	}
	return *n
}
