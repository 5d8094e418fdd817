// Package seedimage draws the demo pictures `make run` seeds, so product,
// brand and banner images show offline: a clean card with the brand, the
// title and the colour, rendered at every width the catalog lists and stored
// as WebP and JPEG through platform/storage.
//
// WebP is encoded by github.com/HugoSmits86/nativewebp, a pure-Go encoder
// (lossless VP8L: flat drawings compress well in it, and no cgo/libwebp is
// needed); golang.org/x/image has only a WebP decoder.
package seedimage

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"strings"
	"sync"

	"github.com/HugoSmits86/nativewebp"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/purra/supergraph/platform/storage"
)

// Version is part of every key: changing the drawing bumps it, so browsers
// and caches holding the old files (served as immutable) get new URLs.
const Version = "v1"

// Card is what a picture shows.
type Card struct {
	Heading string // brand, or a banner's headline; a wide card without one is a plain backdrop
	Title   string // product title, or a banner's subtitle
	Caption string // colour name, view ("front view")
	Colour  string // a colour name ("Midnight", "Blue Titanium"); picks the swatch
	Wide    bool   // 3:1 banner instead of a square card
}

// Rendition is one stored file of a picture.
type Rendition struct {
	Key    string
	URL    string
	Width  int
	Format string // "WEBP" or "JPEG", as the catalog's ImageFormat
}

// Widths every product and variant image is stored in: a phone-sized card, a
// desktop product page and a 2x screen. (WebP encoding in pure Go is the cost
// of a first seed: about 0.5 s of CPU per picture at these widths.)
var Widths = []int{320, 640, 960}

// Renditions lists the files of the picture at base (a key prefix such as
// "products/apple-iphone-15/front") without drawing anything: seed data needs
// the URLs, Publish makes them real.
func Renditions(st storage.Storage, base string, widths []int) []Rendition {
	var out []Rendition
	for _, w := range widths {
		for _, f := range []struct{ ext, format string }{{"webp", "WEBP"}, {"jpg", "JPEG"}} {
			key := fmt.Sprintf("%s/%s-%d.%s", Version, base, w, f.ext)
			out = append(out, Rendition{Key: key, URL: st.URL(key), Width: w, Format: f.format})
		}
	}
	return out
}

// Publish draws c and stores each missing rendition of base; files already
// stored are kept (keys carry Version, so a stored file is always current).
func Publish(ctx context.Context, st storage.Storage, base string, c Card, widths []int) error {
	for _, r := range Renditions(st, base, widths) {
		ok, err := st.Exists(ctx, r.Key)
		if err != nil {
			return err
		}
		if ok {
			continue
		}
		img := Draw(c, r.Width)
		var buf bytes.Buffer
		contentType := "image/jpeg"
		if r.Format == "WEBP" {
			contentType = "image/webp"
			err = nativewebp.Encode(&buf, img, nil)
		} else {
			err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
		}
		if err != nil {
			return fmt.Errorf("encode %s: %w", r.Key, err)
		}
		if err := st.Put(ctx, r.Key, &buf, contentType); err != nil {
			return err
		}
	}
	return nil
}

// Draw renders c at width pixels (square, or 3:1 when Wide).
func Draw(c Card, width int) *image.RGBA {
	h := width
	if c.Wide {
		h = width / 3
	}
	img := image.NewRGBA(image.Rect(0, 0, width, h))
	swatch := Swatch(c.Colour + " " + c.Heading)
	u := float64(width) / 400 // layout unit: sizes below are for a 400 px card
	if c.Wide {
		draw.Draw(img, img.Bounds(), &image.Uniform{swatch}, image.Point{}, draw.Src)
		if c.Heading == "" { // a backdrop for text the page sets over it: devices on the right
			shade := tint(swatch)
			roundRect(img, image.Rect(width*62/100, h*15/100, width*74/100, h*95/100), h/14, shade)
			roundRect(img, image.Rect(width*77/100, h*30/100, width*95/100, h*85/100), h/14, shade)
			return img
		}
		ink := readableOn(swatch)
		text(img, boldFace(34*u), c.Heading, int(24*u), int(60*u), width-int(48*u), ink)
		text(img, regularFace(20*u), c.Title, int(24*u), int(100*u), width-int(48*u), ink)
		return img
	}
	draw.Draw(img, img.Bounds(), &image.Uniform{tint(swatch)}, image.Point{}, draw.Src)
	// the "device": a rounded block in the product's colour
	roundRect(img, image.Rect(int(130*u), int(70*u), int(270*u), int(280*u)), int(18*u), swatch)
	ink := color.RGBA{0x1e, 0x29, 0x3b, 0xff}
	text(img, boldFace(22*u), c.Heading, int(20*u), int(40*u), width-int(40*u), ink)
	y := text(img, regularFace(17*u), c.Title, int(20*u), int(318*u), width-int(40*u), ink)
	if c.Caption != "" {
		text(img, regularFace(15*u), c.Caption, int(20*u), y+int(24*u), width-int(40*u), color.RGBA{0x47, 0x55, 0x69, 0xff})
	}
	return img
}

var (
	fontsOnce     sync.Once
	bold, regular *opentype.Font
	faceMu        sync.Mutex
	faces         = map[string]font.Face{}
)

func face(f **opentype.Font, name string, size float64) font.Face {
	fontsOnce.Do(func() {
		bold, _ = opentype.Parse(gobold.TTF)
		regular, _ = opentype.Parse(goregular.TTF)
	})
	key := fmt.Sprintf("%s:%.1f", name, size)
	faceMu.Lock()
	defer faceMu.Unlock()
	if fc, ok := faces[key]; ok {
		return fc
	}
	fc, err := opentype.NewFace(*f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err) // the embedded Go fonts always parse
	}
	faces[key] = fc
	return fc
}

func boldFace(size float64) font.Face    { return face(&bold, "bold", size) }
func regularFace(size float64) font.Face { return face(&regular, "regular", size) }

// text draws s word-wrapped within maxWidth from baseline y; it returns the last baseline.
// Faces are shared, so drawing holds faceMu (opentype faces are not safe for concurrent use).
func text(img draw.Image, f font.Face, s string, x, y, maxWidth int, c color.Color) int {
	faceMu.Lock()
	defer faceMu.Unlock()
	d := &font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f}
	lineHeight := f.Metrics().Height.Ceil()
	line := ""
	flush := func() {
		d.Dot = fixed.P(x, y)
		d.DrawString(line)
		y += lineHeight
	}
	for _, w := range strings.Fields(s) {
		next := strings.TrimSpace(line + " " + w)
		if line != "" && d.MeasureString(next).Ceil() > maxWidth {
			flush()
			line = w
			continue
		}
		line = next
	}
	if line != "" {
		flush()
	}
	return y - lineHeight
}

func roundRect(img *image.RGBA, r image.Rectangle, radius int, c color.RGBA) {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cx, cy := x, y
			switch {
			case x < r.Min.X+radius:
				cx = r.Min.X + radius
			case x >= r.Max.X-radius:
				cx = r.Max.X - radius - 1
			}
			switch {
			case y < r.Min.Y+radius:
				cy = r.Min.Y + radius
			case y >= r.Max.Y-radius:
				cy = r.Max.Y - radius - 1
			}
			if dx, dy := x-cx, y-cy; dx*dx+dy*dy <= radius*radius {
				img.SetRGBA(x, y, c)
			}
		}
	}
}
