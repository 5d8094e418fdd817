package banner_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"

	"github.com/purra/supergraph/subgraphs/banners/internal/banner"
)

var t0 = time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)

const mobiles = "8c6e4d5e-2f5a-5b0e-9d59-2d6d7c3c1a10"

func valid() banner.Banner {
	return banner.Banner{Title: "Great Indian Electronics Sale", ImageURL: "https://cdn.purra.in/b.webp",
		LinkURL: "/sale", Placement: banner.HomeHero, Priority: 10, StartsAt: t0, EndsAt: t0.Add(time.Hour), Active: true}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		edit  func(*banner.Banner)
		field string // "" when valid
	}{
		{"valid", func(*banner.Banner) {}, ""},
		{"title trimmed to empty", func(b *banner.Banner) { b.Title = "   " }, "title"},
		{"title of 120 runes", func(b *banner.Banner) { b.Title = strings.Repeat("₹", 120) }, ""},
		{"title of 121 runes", func(b *banner.Banner) { b.Title = strings.Repeat("a", 121) }, "title"},
		{"title of 10 KB", func(b *banner.Banner) { b.Title = strings.Repeat("x", 10<<10) }, "title"},
		{"title with a newline", func(b *banner.Banner) { b.Title = "Sale\nnow" }, "title"},
		{"title not UTF-8", func(b *banner.Banner) { b.Title = "Sale \xff" }, "title"},
		{"subtitle of 200", func(b *banner.Banner) { b.Subtitle = strings.Repeat("s", 200) }, ""},
		{"subtitle of 201", func(b *banner.Banner) { b.Subtitle = strings.Repeat("s", 201) }, "subtitle"},
		{"image missing", func(b *banner.Banner) { b.ImageURL = "" }, "imageUrl"},
		{"image over http", func(b *banner.Banner) { b.ImageURL = "http://cdn.purra.in/b.webp" }, "imageUrl"},
		{"image over http on this machine", func(b *banner.Banner) { b.ImageURL = "http://localhost:8080/media/v1/banners/sale-1200.webp" }, ""},
		{"image over http on a lookalike host", func(b *banner.Banner) { b.ImageURL = "http://localhost.evil.in/b.webp" }, "imageUrl"},
		{"image as a path", func(b *banner.Banner) { b.ImageURL = "/b.webp" }, "imageUrl"},
		{"image with credentials", func(b *banner.Banner) { b.ImageURL = "https://u:p@cdn.purra.in/b.webp" }, "imageUrl"},
		{"image with a space", func(b *banner.Banner) { b.ImageURL = "https://cdn.purra.in/a b.webp" }, "imageUrl"},
		{"image of 2049", func(b *banner.Banner) { b.ImageURL = "https://cdn.purra.in/" + strings.Repeat("a", 2028) }, "imageUrl"},
		{"image of 2048", func(b *banner.Banner) { b.ImageURL = "https://cdn.purra.in/" + strings.Repeat("a", 2027) }, ""},
		{"link https", func(b *banner.Banner) { b.LinkURL = "https://www.purra.in/sale?x=1" }, ""},
		{"link HTTPS upper case", func(b *banner.Banner) { b.LinkURL = "HTTPS://www.purra.in/sale" }, ""},
		{"link javascript", func(b *banner.Banner) { b.LinkURL = "javascript:alert(1)" }, "linkUrl"},
		{"link protocol-relative", func(b *banner.Banner) { b.LinkURL = "//evil.example/sale" }, "linkUrl"},
		{"link backslash", func(b *banner.Banner) { b.LinkURL = `/\evil.example` }, "linkUrl"},
		{"link relative", func(b *banner.Banner) { b.LinkURL = "sale" }, "linkUrl"},
		{"link http", func(b *banner.Banner) { b.LinkURL = "http://www.purra.in/sale" }, "linkUrl"},
		{"unknown placement", func(b *banner.Banner) { b.Placement = "SIDEBAR" }, "placement"},
		{"hero with category", func(b *banner.Banner) { b.CategoryID = mobiles }, "categoryId"},
		{"category without id", func(b *banner.Banner) { b.Placement = banner.Category }, "categoryId"},
		{"category with bad id", func(b *banner.Banner) { b.Placement, b.CategoryID = banner.Category, "mobiles" }, "categoryId"},
		{"category", func(b *banner.Banner) { b.Placement, b.CategoryID = banner.Category, mobiles }, ""},
		{"priority -1", func(b *banner.Banner) { b.Priority = -1 }, "priority"},
		{"priority 1000", func(b *banner.Banner) { b.Priority = 1000 }, ""},
		{"priority 1001", func(b *banner.Banner) { b.Priority = 1001 }, "priority"},
		{"no start", func(b *banner.Banner) { b.StartsAt = time.Time{} }, "startsAt"},
		{"no end", func(b *banner.Banner) { b.EndsAt = time.Time{} }, "endsAt"},
		{"end at start", func(b *banner.Banner) { b.EndsAt = b.StartsAt }, "endsAt"},
		{"end before start", func(b *banner.Banner) { b.EndsAt = b.StartsAt.Add(-time.Second) }, "endsAt"},
		{"end a nanosecond after start", func(b *banner.Banner) { b.EndsAt = b.StartsAt.Add(time.Nanosecond) }, "endsAt"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			b := valid()
			c.edit(&b)
			err := b.Validate()
			if c.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: c.field})
		})
	}
}

func TestValidate_Normalises(t *testing.T) {
	t.Parallel()
	b := valid()
	b.Title, b.Subtitle = "  Sale  ", "  Big  "
	b.StartsAt = time.Date(2026, 11, 1, 15, 30, 0, 123456789, time.FixedZone("IST", 5*3600+1800))
	b.EndsAt = b.StartsAt.Add(time.Hour)
	require.NoError(t, b.Validate())
	require.Equal(t, "Sale", b.Title)
	require.Equal(t, "Big", b.Subtitle)
	require.Equal(t, time.UTC, b.StartsAt.Location())
	require.Equal(t, 123456000, b.StartsAt.Nanosecond(), "rounded to what Postgres keeps")
}

func TestLive(t *testing.T) {
	t.Parallel()
	at := func(id string, prio int, created time.Time, starts, ends time.Duration, active bool) banner.Banner {
		return banner.Banner{ID: id, Priority: prio, CreatedAt: created, StartsAt: t0.Add(starts), EndsAt: t0.Add(ends), Active: active}
	}
	bs := []banner.Banner{
		at("low", 1, t0, -time.Hour, time.Hour, true),
		at("old-high", 500, t0.Add(-time.Hour), -time.Hour, time.Hour, true),
		at("new-high", 500, t0, -time.Hour, time.Hour, true),
		at("inactive", 1000, t0, -time.Hour, time.Hour, false),
		at("ended", 1000, t0, -time.Hour, 0, true),           // ends exactly now: not shown
		at("starts-now", 2, t0, 0, time.Hour, true),          // starts exactly now: shown
		at("future", 1000, t0, time.Second, time.Hour, true), // not yet
	}
	var ids []string
	for _, b := range banner.Live(bs, t0) {
		ids = append(ids, b.ID)
	}
	require.Equal(t, []string{"new-high", "old-high", "starts-now", "low"}, ids)
}

func TestPatch_ValidatesTheWhole(t *testing.T) {
	t.Parallel()
	b := valid()
	_, err := banner.Patch{EndsAt: banner.To(t0.Add(-time.Minute))}.Apply(b)
	require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "endsAt"}, "a new end is checked against the kept start")
	_, err = banner.Patch{Placement: banner.To(banner.Category)}.Apply(b)
	require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "categoryId"})
	moved, err := banner.Patch{Placement: banner.To(banner.Category), CategoryID: banner.To(mobiles)}.Apply(b)
	require.NoError(t, err)
	require.Equal(t, mobiles, moved.CategoryID)
	back, err := banner.Patch{Placement: banner.To(banner.HomeStrip), CategoryID: banner.To("")}.Apply(moved)
	require.NoError(t, err)
	require.Empty(t, back.CategoryID)
	require.Equal(t, banner.HomeHero, b.Placement, "the original is untouched")
	cleared, err := banner.Patch{Subtitle: banner.To("")}.Apply(moved)
	require.NoError(t, err)
	require.Empty(t, cleared.Subtitle)
}

func TestParsePage(t *testing.T) {
	t.Parallel()
	p, err := banner.ParsePage(nil, nil)
	require.NoError(t, err)
	require.Equal(t, 20, p.First)
	for _, first := range []int{0, -1, 101} {
		_, err := banner.ParsePage(&first, nil)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "first"})
	}
	id := "01937a00-0000-7000-8000-0000000b0001"
	c := banner.Cursor(id)
	p, err = banner.ParsePage(nil, &c)
	require.NoError(t, err)
	require.Equal(t, id, p.After)
	for _, bad := range []string{"nope", banner.Cursor("x"), strings.Repeat("A", 100), "Yjo"} {
		_, err := banner.ParsePage(nil, &bad)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "after"}, bad)
	}
}
