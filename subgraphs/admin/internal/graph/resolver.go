package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/purra/supergraph/platform/loader"
	"github.com/purra/supergraph/subgraphs/admin/internal/admin"
	"github.com/purra/supergraph/subgraphs/admin/internal/app"
	"github.com/purra/supergraph/subgraphs/admin/internal/graph/model"
)

// This file will not be regenerated automatically.

// Resolver carries the dependencies of the resolvers, whose bodies decode
// arguments, call one App method and convert the result.
type Resolver struct {
	App *app.App
}

// roles loads the roles of an admin through the request's loader.
func (r *adminUserResolver) roles(ctx context.Context, a *model.AdminUser) ([]admin.Role, error) {
	found, err := loader.Many(ctx, For(ctx).RoleByID, a.RoleIDs)
	if err != nil {
		return nil, err
	}
	out := make([]admin.Role, 0, len(found))
	for _, r := range found {
		if r != nil {
			out = append(out, *r)
		}
	}
	slices.SortFunc(out, func(x, y admin.Role) int { return strings.Compare(x.Name, y.Name) })
	return out, nil
}
