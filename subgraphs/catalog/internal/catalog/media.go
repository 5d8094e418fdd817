package catalog

import (
	"net/url"
	"strings"

	"github.com/purra/supergraph/platform/errs"
)

// Formats are the image formats a rendition may have.
var Formats = map[string]bool{"JPEG": true, "PNG": true, "WEBP": true, "AVIF": true}

// NewMedia is an image to add to a product or a variant.
type NewMedia struct {
	OwnerID string // product or variant id
	Alt     string
	URLs    []MediaURL
}

// Validate normalises m and checks alt text and renditions: 1..12 distinct
// (width, format) pairs of https URLs.
func (m *NewMedia) Validate() error {
	var err error
	if m.Alt, err = Text("alt", m.Alt, MaxAlt, false); err != nil {
		return err
	}
	if len(m.URLs) == 0 || len(m.URLs) > MaxMediaURLs {
		return errs.BadInput("urls", "give 1-%d renditions", MaxMediaURLs)
	}
	seen := map[MediaURL]bool{}
	for i := range m.URLs {
		u := &m.URLs[i]
		if err := checkURL("urls.url", u.URL); err != nil {
			return err
		}
		if u.Width < 1 || u.Width > MaxWidth {
			return errs.BadInput("urls.width", "must be between 1 and %d", MaxWidth)
		}
		if !Formats[u.Format] {
			return errs.BadInput("urls.format", "unknown format")
		}
		key := MediaURL{Width: u.Width, Format: u.Format}
		if seen[key] {
			return errs.BadInput("urls", "two renditions with width %d and format %s", u.Width, u.Format)
		}
		seen[key] = true
	}
	return nil
}

// checkURL accepts absolute https URLs with a host and nothing that could
// turn into script or credentials in a client.
func checkURL(field, raw string) error {
	if raw == "" || len(raw) > MaxURL || strings.ContainsAny(raw, " \t\r\n\"'<>\\") {
		return errs.BadInput(field, "must be an https URL of at most %d characters", MaxURL)
	}
	for _, r := range raw {
		if r < 0x21 || r == 0x7f {
			return errs.BadInput(field, "must be an https URL of at most %d characters", MaxURL)
		}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Hostname() == "" {
		return errs.BadInput(field, "must be an https URL of at most %d characters", MaxURL)
	}
	return nil
}
