package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/purra/supergraph/subgraphs/banners/internal/banner"
	"github.com/purra/supergraph/subgraphs/banners/internal/graph/model"
)

func toBanner(b banner.Banner) *model.Banner {
	return &model.Banner{
		ID: b.ID, Title: b.Title, Subtitle: optional(b.Subtitle), ImageURL: b.ImageURL, LinkURL: b.LinkURL,
		Placement: model.BannerPlacement(b.Placement), CategoryID: optional(b.CategoryID), Priority: b.Priority,
		StartsAt: b.StartsAt, EndsAt: b.EndsAt, Active: b.Active, CreatedAt: b.CreatedAt, UpdatedAt: b.UpdatedAt,
	}
}

func toBanners(bs []banner.Banner) []*model.Banner {
	out := make([]*model.Banner, len(bs))
	for i, b := range bs {
		out[i] = toBanner(b)
	}
	return out
}

func toConnection(bs []banner.Banner, more bool, total int) *model.BannerConnection {
	c := &model.BannerConnection{Edges: make([]*model.BannerEdge, len(bs)), PageInfo: &model.PageInfo{HasNextPage: more},
		TotalCount: total}
	for i, b := range bs {
		c.Edges[i] = &model.BannerEdge{Cursor: banner.Cursor(b.ID), Node: toBanner(b)}
	}
	if len(bs) > 0 {
		end := banner.Cursor(bs[len(bs)-1].ID)
		c.PageInfo.EndCursor = &end
	}
	return c
}

// fromCreate maps the create input; defaults come from the schema.
func fromCreate(in model.CreateBannerInput) banner.Banner {
	b := banner.Banner{
		Title: in.Title, Subtitle: deref(in.Subtitle), ImageURL: in.ImageURL, LinkURL: in.LinkURL,
		Placement: banner.Placement(in.Placement), CategoryID: deref(in.CategoryID),
		StartsAt: in.StartsAt, EndsAt: in.EndsAt, Active: true,
	}
	if in.Priority != nil {
		b.Priority = *in.Priority
	}
	if in.Active != nil {
		b.Active = *in.Active
	}
	return b
}

// fromUpdate maps the update input: nil leaves a field, and for the
// omittable ones an explicit null clears it.
func fromUpdate(in model.UpdateBannerInput) banner.Patch {
	return banner.Patch{
		Title:      pointer(in.Title),
		Subtitle:   clearable(in.Subtitle),
		ImageURL:   pointer(in.ImageURL),
		LinkURL:    pointer(in.LinkURL),
		Placement:  placement(in.Placement),
		CategoryID: clearable(in.CategoryID),
		Priority:   pointer(in.Priority),
		StartsAt:   pointer(in.StartsAt),
		EndsAt:     pointer(in.EndsAt),
		Active:     pointer(in.Active),
	}
}

func placement(p *model.BannerPlacement) banner.Change[banner.Placement] {
	if p == nil {
		return banner.Change[banner.Placement]{}
	}
	return banner.To(banner.Placement(*p))
}

func pointer[T any](v *T) banner.Change[T] {
	if v == nil {
		return banner.Change[T]{}
	}
	return banner.To(*v)
}

func clearable(o graphql.Omittable[*string]) banner.Change[string] {
	v, set := o.ValueOK()
	if !set {
		return banner.Change[string]{}
	}
	return banner.To(deref(v))
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
