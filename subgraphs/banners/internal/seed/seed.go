// Package seed loads the demo banners of the seed story (docs/backoffice.md):
// a live HOME_HERO "Great Indian Electronics Sale", a live HOME_STRIP, a live
// CATEGORY banner on Mobiles, and a HOME_HERO scheduled for next month.
// Ids are fixed and rows are only inserted when missing, so seeding again
// adds nothing (and keeps the windows of the first run).
package seed

import (
	"context"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/seedimage"
	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/banners/internal/banner"
	"github.com/purra/supergraph/subgraphs/banners/internal/store"
)

// Fixed ids of the seeded banners.
const (
	SaleHeroID      = "01937a00-0000-7000-8000-0000000b0001"
	StripID         = "01937a00-0000-7000-8000-0000000b0002"
	MobilesID       = "01937a00-0000-7000-8000-0000000b0003"
	NextMonthHeroID = "01937a00-0000-7000-8000-0000000b0004"
)

// catalogNamespace is the namespace the catalog's seed derives its ids from
// (subgraphs/catalog/internal/seed: uuid.NewSHA1(namespace, kind+":"+key)).
var catalogNamespace = uuid.MustParse("01937a00-0000-7000-8000-00000000ca7a")

// MobilesCategoryID is the id the catalog's seed gives the "mobiles" category.
var MobilesCategoryID = uuid.NewSHA1(catalogNamespace, []byte("category:mobiles")).String()

// Banners returns the demo banners with windows relative to now: the live
// ones started a day ago and run for a year; the scheduled one starts in
// 30 days and runs for a week.
func Banners(now time.Time, media storage.Storage) []banner.Banner {
	now = now.UTC().Truncate(time.Second)
	started, year := now.Add(-24*time.Hour), now.AddDate(1, 0, 0)
	next := now.AddDate(0, 0, 30)
	bs := []banner.Banner{
		{ID: SaleHeroID, Title: "Great Indian Electronics Sale", Subtitle: "Up to 40% off phones, laptops and audio",
			ImageURL: imageURL(media, SaleHeroID), LinkURL: "/sale",
			Placement: banner.HomeHero, Priority: 900, StartsAt: started, EndsAt: year, Active: true},
		{ID: StripID, Title: "Free delivery on orders above ₹499", Subtitle: "Cash on delivery available across India",
			ImageURL: imageURL(media, StripID), LinkURL: "/help/delivery",
			Placement: banner.HomeStrip, Priority: 500, StartsAt: started, EndsAt: year, Active: true},
		{ID: MobilesID, Title: "New launches in Mobiles", Subtitle: "The latest 5G phones from top brands",
			ImageURL: imageURL(media, MobilesID), LinkURL: "/c/mobiles",
			Placement: banner.Category, CategoryID: MobilesCategoryID, Priority: 500, StartsAt: started, EndsAt: year,
			Active: true},
		{ID: NextMonthHeroID, Title: "Festive Laptop Days", Subtitle: "Starts next month: deals on every laptop",
			ImageURL: imageURL(media, NextMonthHeroID), LinkURL: "/c/laptops",
			Placement: banner.HomeHero, Priority: 800, StartsAt: next, EndsAt: next.AddDate(0, 0, 7), Active: true},
	}
	for i := range bs {
		bs[i].CreatedAt, bs[i].UpdatedAt = now, now
	}
	return bs
}

// bannerWidth is the width of the seeded banner pictures (3:1).
const bannerWidth = 1200

// imageURL is where the picture of the banner id is stored.
func imageURL(media storage.Storage, id string) string {
	return seedimage.Renditions(media, pictureKey(id), []int{bannerWidth})[0].URL // the WebP
}

// Images draws the picture of every demo banner that media does not hold yet.
func Images(ctx context.Context, media storage.Storage) error {
	for _, b := range Banners(time.Now(), media) {
		// No text in the picture: the storefront sets the title over it, in the shopper's layout.
		card := seedimage.Card{Colour: bannerColour[b.ID], Wide: true}
		if err := seedimage.Publish(ctx, media, pictureKey(b.ID), card, []int{bannerWidth}); err != nil {
			return err
		}
	}
	return nil
}

// pictureKey is where a banner's picture is stored.
func pictureKey(id string) string { return "banners/" + slugOf[id] + "/backdrop" }

// slugOf names each banner's picture.
var slugOf = map[string]string{
	SaleHeroID: "great-indian-electronics-sale", StripID: "free-delivery-strip",
	MobilesID: "mobiles-new-launches", NextMonthHeroID: "festive-laptop-days",
}

// bannerColour is each banner's background.
var bannerColour = map[string]string{SaleHeroID: "Amber", StripID: "Mint", MobilesID: "Blue", NextMonthHeroID: "Violet"}

// Run inserts the missing demo banners and returns how many it inserted.
func Run(ctx context.Context, st *store.Store, now time.Time, media storage.Storage) (int, error) {
	bs := Banners(now, media)
	for i := range bs {
		if err := bs[i].Validate(); err != nil {
			return 0, err
		}
	}
	return st.Seed(ctx, bs)
}
