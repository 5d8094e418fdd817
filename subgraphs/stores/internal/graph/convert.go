package graph

import (
	"github.com/purra/supergraph/subgraphs/stores/internal/app"
	"github.com/purra/supergraph/subgraphs/stores/internal/graph/model"
	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toStore(s shop.Store) *model.Store {
	return &model.Store{
		ID: s.ID, Name: s.Name, Slug: s.Slug, Description: optional(s.Description), LogoURL: optional(s.LogoURL),
		Gstin: s.GSTIN, Status: model.StoreStatus(s.Status), SuspensionReason: optional(s.SuspensionReason),
		OwnerID: s.OwnerID, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt,
		PickupAddress: &model.PickupAddress{Line1: s.Pickup.Line1, Line2: optional(s.Pickup.Line2),
			City: s.Pickup.City, State: string(s.Pickup.State), PinCode: s.Pickup.PinCode},
	}
}

func toStores(list []shop.Store) []*model.Store {
	out := make([]*model.Store, len(list))
	for i, s := range list {
		out[i] = toStore(s)
	}
	return out
}

func toConnection(p app.Page) *model.StoreConnection {
	c := &model.StoreConnection{Edges: make([]*model.StoreEdge, len(p.Stores)), TotalCount: p.TotalCount,
		PageInfo: &model.PageInfo{HasNextPage: p.HasNextPage}}
	for i, s := range p.Stores {
		c.Edges[i] = &model.StoreEdge{Cursor: app.Cursor(s), Node: toStore(s)}
	}
	if n := len(c.Edges); n > 0 {
		c.PageInfo.EndCursor = &c.Edges[n-1].Cursor
	}
	return c
}

func fromAddress(in *model.PickupAddressInput) shop.AddressInput {
	if in == nil {
		return shop.AddressInput{}
	}
	return shop.AddressInput{Line1: in.Line1, Line2: in.Line2, City: in.City, State: in.State, PinCode: in.PinCode}
}

func fromCreate(in model.CreateStoreInput) shop.CreateInput {
	return shop.CreateInput{Name: in.Name, Slug: in.Slug, Description: in.Description, LogoURL: in.LogoURL,
		GSTIN: in.Gstin, Pickup: fromAddress(in.PickupAddress)}
}

func fromUpdate(in model.UpdateStoreInput) shop.UpdateInput {
	out := shop.UpdateInput{Name: in.Name, Slug: in.Slug, Description: in.Description, LogoURL: in.LogoURL, GSTIN: in.Gstin}
	if in.PickupAddress != nil {
		a := fromAddress(in.PickupAddress)
		out.Pickup = &a
	}
	return out
}
