package graph

import (
	"github.com/purra/supergraph/subgraphs/users/internal/app"
	"github.com/purra/supergraph/subgraphs/users/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

func toUser(u *user.User) *model.User {
	if u == nil {
		return nil
	}
	return &model.User{
		ID: u.ID, Name: u.Name, Role: model.Role(u.Role), CreatedAt: u.CreatedAt,
		PrivateEmail: u.Email, PrivatePhone: u.Phone, PrivateGSTIN: u.GSTIN, PrivateBanned: u.Banned(),
	}
}

// ownView marks u as shown to the user themself (see model.User.OwnView).
func ownView(u *model.User) *model.User {
	u.OwnView = true
	return u
}

func toAuthPayload(s app.Session) *model.AuthPayload {
	return &model.AuthPayload{
		AccessToken: s.AccessToken, ExpiresAt: s.AccessExpiry,
		RefreshToken: s.RefreshToken, RefreshTokenExpiresAt: s.RefreshExpiry,
		User: ownView(toUser(&s.User)),
	}
}

func toAddress(a user.Address) *model.Address {
	return &model.Address{
		ID: a.ID, Name: a.Name, Phone: a.Phone, Line1: a.Line1, Line2: optional(a.Line2),
		Landmark: optional(a.Landmark), City: a.City, State: model.IndianState(a.State), PinCode: a.PinCode,
		IsDefault: a.IsDefault, CreatedAt: a.CreatedAt,
	}
}

func toAddressInput(in model.AddressInput) user.AddressInput {
	return user.AddressInput{
		Name: in.Name, Phone: in.Phone, Line1: in.Line1, Line2: in.Line2, Landmark: in.Landmark,
		City: in.City, State: user.State(in.State), PinCode: in.PinCode,
		MakeDefault: in.IsDefault != nil && *in.IsDefault,
	}
}

func toOwner(o *user.Owner) *model.Owner {
	if o == nil {
		return nil
	}
	return &model.Owner{
		ID: o.ID, UserID: o.UserID, BusinessName: o.BusinessName, Gstin: o.GSTIN, Pan: o.PAN,
		Status: model.OwnerStatus(o.Status), CreatedAt: o.CreatedAt, ReviewedAt: o.ReviewedAt,
		RejectionReason: optional(o.RejectionReason),
	}
}

// toOwnerConnection pages owner applications; an edge's cursor is the
// application's id (the listing is in id order).
func toOwnerConnection(page []user.Owner, total int, hasNext bool) *model.OwnerConnection {
	c := &model.OwnerConnection{Edges: make([]*model.OwnerEdge, len(page)), PageInfo: &model.PageInfo{HasNextPage: hasNext}, TotalCount: total}
	for i := range page {
		c.Edges[i] = &model.OwnerEdge{Cursor: page[i].ID, Node: toOwner(&page[i])}
	}
	if n := len(page); n > 0 {
		c.PageInfo.EndCursor = &page[n-1].ID
	}
	return c
}

// optional maps "" (not given) to null.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
