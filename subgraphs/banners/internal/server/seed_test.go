package server_test

import (
	"context"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/image/webp"

	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/banners/internal/seed"
	"github.com/purra/supergraph/subgraphs/banners/internal/store"
)

// The seed story: a live hero sale, a live strip, a live Mobiles banner and
// a hero scheduled for next month. Seeding again inserts nothing.
func TestSeed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	require.Equal(t, mobile, seed.MobilesCategoryID, "the catalog seed's id of the Mobiles category")
	st := store.New(e.d.DB, e.d.Topic, e.d.Name)
	n, err := seed.Run(context.Background(), st, time.Now(), testMedia(t))
	require.NoError(t, err)
	require.Equal(t, 4, n)
	n, err = seed.Run(context.Background(), st, time.Now().Add(time.Hour), testMedia(t))
	require.NoError(t, err)
	require.Zero(t, n, "idempotent")
	require.Equal(t, 4, e.count(`SELECT count(*) FROM banners`))
	require.Equal(t, 4, e.count(`SELECT count(*) FROM outbox WHERE type = 'banner.changed'`))
	require.Zero(t, e.count(`SELECT count(*) FROM outbox WHERE type = 'admin.action'`), "the seed is not an admin")

	require.Equal(t, []string{seed.SaleHeroID}, e.active("HOME_HERO", ""))
	require.Equal(t, []string{seed.StripID}, e.active("HOME_STRIP", ""))
	require.Equal(t, []string{seed.MobilesID}, e.active("CATEGORY", mobile))

	var out struct{ ActiveBanners []Banner }
	e.mustDo("", activeQ, activeVars("HOME_HERO", ""), &out)
	require.Equal(t, "Great Indian Electronics Sale", out.ActiveBanners[0].Title)

	// Next month's hero goes live in about 30 days.
	var starts time.Time
	require.NoError(t, e.d.DB.QueryRow(context.Background(), `SELECT starts_at FROM banners WHERE id = $1`, seed.NextMonthHeroID).Scan(&starts))
	require.WithinDuration(t, time.Now().AddDate(0, 0, 30), starts, time.Minute)
}

func testMedia(t *testing.T) *storage.Local {
	t.Helper()
	st, err := storage.NewLocal(t.TempDir(), "http://localhost:8080/media")
	require.NoError(t, err)
	return st
}

// Every seeded banner's picture is a real image in the media store, at the
// URL the banner carries.
func TestSeedImages(t *testing.T) {
	t.Parallel()
	media := testMedia(t)
	require.NoError(t, seed.Images(context.Background(), media))
	for _, b := range seed.Banners(time.Now(), media) {
		require.True(t, strings.HasPrefix(b.ImageURL, "http://localhost:8080/media/"), b.ImageURL)
		f, err := os.Open(filepath.Join(media.Dir(), strings.TrimPrefix(b.ImageURL, "http://localhost:8080/media/")))
		require.NoError(t, err, b.Title)
		img, err := webp.Decode(f)
		f.Close()
		require.NoError(t, err, b.Title)
		require.Equal(t, image.Rect(0, 0, 1200, 400), img.Bounds(), b.Title)
	}
}
