package seedimage

import (
	"hash/fnv"
	"image/color"
	"strings"
)

// Colour words of the seed catalogue and what they look like. A name is
// matched word by word ("Blue Titanium" → blue); an unknown name gets a
// stable colour of its own from its hash.
var swatches = []struct {
	word string
	rgb  color.RGBA
}{
	{"black", rgb(0x22, 0x22, 0x26)}, {"onyx", rgb(0x22, 0x22, 0x26)}, {"midnight", rgb(0x1f, 0x2a, 0x44)},
	{"graphite", rgb(0x4a, 0x4d, 0x52)}, {"grey", rgb(0x8a, 0x8d, 0x91)}, {"gray", rgb(0x8a, 0x8d, 0x91)},
	{"silver", rgb(0xc4, 0xc7, 0xcc)}, {"white", rgb(0xf1, 0xf1, 0xee)}, {"starlight", rgb(0xf0, 0xe6, 0xd6)},
	{"natural", rgb(0xb9, 0xb1, 0xa3)}, {"desert", rgb(0xc8, 0xa8, 0x82)}, {"titanium", rgb(0x8e, 0x8a, 0x82)},
	{"blue", rgb(0x2f, 0x5d, 0xa8)}, {"ultramarine", rgb(0x3f, 0x4c, 0xd0)}, {"teal", rgb(0x2a, 0x8c, 0x8c)},
	{"green", rgb(0x3b, 0x7d, 0x4f)}, {"mint", rgb(0x9f, 0xd8, 0xc0)}, {"pink", rgb(0xf2, 0xb8, 0xc6)},
	{"red", rgb(0xc0, 0x2b, 0x2b)}, {"yellow", rgb(0xf2, 0xc9, 0x4c)}, {"amber", rgb(0xe8, 0xa3, 0x3d)},
	{"violet", rgb(0x7b, 0x5b, 0xc0)}, {"purple", rgb(0x7b, 0x4b, 0xa8)}, {"gold", rgb(0xd4, 0xaf, 0x37)},
	{"orange", rgb(0xe8, 0x73, 0x2c)}, {"beige", rgb(0xd8, 0xc8, 0xa8)}, {"cream", rgb(0xf3, 0xe9, 0xd2)},
}

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

// Swatch is the colour a name shows as.
func Swatch(name string) color.RGBA {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		for _, s := range swatches {
			if w == s.word {
				return s.rgb
			}
		}
	}
	h := fnv.New32a()
	_, _ = h.Write([]byte(name))
	v := h.Sum32()
	return rgb(uint8(60+v%140), uint8(60+(v>>8)%140), uint8(60+(v>>16)%140))
}

// tint is a very light version of c, the card's background.
func tint(c color.RGBA) color.RGBA {
	mix := func(v uint8) uint8 { return uint8((int(v) + 9*0xf8) / 10) }
	return rgb(mix(c.R), mix(c.G), mix(c.B))
}

// readableOn picks black or white text for a background.
func readableOn(c color.RGBA) color.RGBA {
	if 299*int(c.R)+587*int(c.G)+114*int(c.B) > 150_000 {
		return rgb(0x11, 0x18, 0x27)
	}
	return rgb(0xff, 0xff, 0xff)
}
