// Package storage is the one port for files that browsers download: seeded
// product, brand and banner images today, invoice PDFs and seller uploads
// later. Files are written and read by key ("products/<slug>/front-400.webp")
// and reached by browsers at URL(key), so the code that stores a file never
// builds a URL itself. The local adapter keeps files in a directory served by
// a media origin (tools/webserve in `make run` and the tests); production
// plugs an S3-compatible adapter into the same interface.
package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Storage stores files by key.
type Storage interface {
	// Put stores body under key, replacing what was there. Readers never see a
	// half-written file.
	Put(ctx context.Context, key string, body io.Reader, contentType string) error
	// Get opens the file stored under key; ErrNotFound when there is none.
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	// Exists reports whether key holds a file.
	Exists(ctx context.Context, key string) (bool, error)
	// URL is where a browser downloads key.
	URL(key string) string
}

// ErrNotFound is returned by Get for a key that holds no file.
var ErrNotFound = errors.New("storage: no such file")

var keyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$`)

// CheckKey accepts lower-case path segments of letters, digits, '.', '_' and
// '-' that do not start with a dot, at most 512 characters: keys that are
// safe as file paths, URL paths and S3 object names alike.
func CheckKey(key string) error {
	if len(key) > 512 || !keyPattern.MatchString(key) || strings.Contains(key, "..") {
		return fmt.Errorf("storage: invalid key %q", key)
	}
	return nil
}

// FromEnv builds the configured adapter: MEDIA_DIR (default "media") holds the
// files and MEDIA_BASE_URL (default http://localhost:8080/media, the
// storefront origin of `make run`) is where browsers find them.
func FromEnv(getenv func(string) string) (Storage, error) {
	dir, base := getenv("MEDIA_DIR"), getenv("MEDIA_BASE_URL")
	if dir == "" {
		dir = "media"
	}
	if base == "" {
		base = "http://localhost:8080/media"
	}
	return NewLocal(dir, base)
}
