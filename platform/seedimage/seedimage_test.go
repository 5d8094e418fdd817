package seedimage_test

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/image/webp"

	"github.com/purra/supergraph/platform/seedimage"
	"github.com/purra/supergraph/platform/storage"
)

func TestPublishWritesEveryRenditionOnce(t *testing.T) {
	ctx := context.Background()
	st, err := storage.NewLocal(t.TempDir(), "http://localhost:8080/media")
	require.NoError(t, err)
	card := seedimage.Card{Heading: "Apple", Title: "Apple iPhone 15", Caption: "Blue", Colour: "Blue"}
	start := time.Now()
	require.NoError(t, seedimage.Publish(ctx, st, "products/apple-iphone-15/front", card, seedimage.Widths))
	t.Logf("6 renditions in %s", time.Since(start))

	rs := seedimage.Renditions(st, "products/apple-iphone-15/front", seedimage.Widths)
	require.Len(t, rs, 6)
	for _, r := range rs {
		require.Equal(t, "http://localhost:8080/media/"+r.Key, r.URL)
		rc, err := st.Get(ctx, r.Key)
		require.NoError(t, err)
		b, _ := io.ReadAll(rc)
		rc.Close()
		var img image.Image
		if r.Format == "WEBP" {
			img, err = webp.Decode(bytes.NewReader(b))
		} else {
			img, err = jpeg.Decode(bytes.NewReader(b))
		}
		require.NoError(t, err, r.Key)
		require.Equal(t, r.Width, img.Bounds().Dx(), r.Key)
		require.Equal(t, r.Width, img.Bounds().Dy(), r.Key)
		// the swatch is drawn in the middle of the card
		c := img.At(r.Width/2, r.Width/2)
		rr, gg, bb, _ := c.RGBA()
		require.Greater(t, bb>>8, rr>>8, "%s: the middle is blue", r.Key)
		require.Greater(t, bb>>8, gg>>8, "%s: the middle is blue", r.Key)
	}

	// a second publish draws nothing: existing files are kept
	start = time.Now()
	require.NoError(t, seedimage.Publish(ctx, st, "products/apple-iphone-15/front", card, seedimage.Widths))
	require.Less(t, time.Since(start), 50*time.Millisecond)
}

func TestBannerIsWide(t *testing.T) {
	img := seedimage.Draw(seedimage.Card{Heading: "Great Indian Electronics Sale", Title: "Up to 40% off", Colour: "Amber", Wide: true}, 1200)
	require.Equal(t, image.Rect(0, 0, 1200, 400), img.Bounds())
}

func TestSwatchIsStable(t *testing.T) {
	require.Equal(t, seedimage.Swatch("Blue Titanium"), seedimage.Swatch("blue"))
	require.Equal(t, seedimage.Swatch("Cosmic Nebula"), seedimage.Swatch("Cosmic Nebula"))
}
