package seed

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/purra/supergraph/platform/seedimage"
	"github.com/purra/supergraph/platform/storage"

	"github.com/purra/supergraph/subgraphs/catalog/internal/catalog"
)

// picture is one image the seed data points at: what it shows, in which widths.
type picture struct {
	card   seedimage.Card
	widths []int
}

// pictures collects the images of the catalogue while it is built, keyed by
// their key prefix: variants of one colour in several storage sizes share a
// picture, so each is drawn once.
type pictures struct {
	media storage.Storage
	cards map[string]picture
}

func (p *pictures) add(base string, c seedimage.Card, widths []int) []seedimage.Rendition {
	p.cards[base] = picture{card: c, widths: widths}
	return seedimage.Renditions(p.media, base, widths)
}

func mediaURLs(rs []seedimage.Rendition) []catalog.MediaURL {
	out := make([]catalog.MediaURL, len(rs))
	for i, r := range rs {
		out[i] = catalog.MediaURL{URL: r.URL, Width: r.Width, Format: r.Format}
	}
	return out
}

func colourKey(colour string) string {
	if colour == "" {
		return "standard"
	}
	return catalog.Slugify(colour, 40)
}

// front is a product in one colour: brand, title and colour name.
func (p *pictures) front(l line, slug, colour string) []catalog.MediaURL {
	return mediaURLs(p.add("products/"+slug+"/"+colourKey(colour),
		seedimage.Card{Heading: l.Brand, Title: l.Title, Caption: colour, Colour: colour}, seedimage.Widths))
}

// back is the back of a brand's device in one colour.
func (p *pictures) back(brand, colour string) []catalog.MediaURL {
	return mediaURLs(p.add("backs/"+catalog.Slugify(brand, 60)+"/"+colourKey(colour),
		seedimage.Card{Heading: brand, Title: "", Caption: "Back view", Colour: colour}, seedimage.Widths))
}

// logoWidth is the width of a brand's logo card (3:1).
const logoWidth = 240

// logo is a brand's name on a card; the WebP is the logo URL.
func (p *pictures) logo(slug, name string) string {
	return p.add("brands/"+slug, seedimage.Card{Heading: name, Colour: name, Wide: true}, []int{logoWidth})[0].URL
}

// Images draws every picture the catalogue points at that media does not hold
// yet, on every core (the first seed on a machine takes a few minutes; later
// ones find the files and draw nothing).
func Images(ctx context.Context, media storage.Storage) error {
	return ImagesWhere(ctx, media, func(string) bool { return true })
}

// ImagesWhere draws the pictures with a rendition URL that keep accepts.
func ImagesWhere(ctx context.Context, media storage.Storage, keep func(url string) bool) error {
	_, pics := build(media)
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for base, pic := range pics.cards {
		if !keep(seedimage.Renditions(media, base, pic.widths)[0].URL) {
			continue
		}
		g.Go(func() error { return seedimage.Publish(ctx, media, base, pic.card, pic.widths) })
	}
	return g.Wait()
}
