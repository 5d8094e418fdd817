// Package storage is the one port for files that browsers download: seeded
// product, brand and banner images today, invoice PDFs and seller uploads
// later. Files are written and read by key ("products/<slug>/front-400.webp")
// and reached by browsers at URL(key), or for a private file at a signed URL
// that expires (SignedURL), so the code that stores a file never builds a URL
// itself. Two adapters: Local keeps files in a directory served by a media
// origin (tools/webserve in `make run` and the tests); S3 keeps them in any
// S3-compatible bucket (production).
//
// Keys under "private/" (PrivatePrefix: invoices, KYC documents) are never
// served without a valid signature: tools/webserve refuses them, and a bucket
// must grant public read only outside that prefix (see NewS3).
package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
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
	// URL is where a browser downloads key when the file is public.
	URL(key string) string
	// SignedURL is where a browser downloads key for the next ttl (at most
	// MaxSignedTTL), public or private: the URL carries a signature that the
	// media origin (local) or the S3 service checks, so it cannot be altered or
	// reused for another file or after it expires.
	SignedURL(key string, ttl time.Duration) (string, error)
}

// PrivatePrefix starts the keys of files only a signed URL may download.
const PrivatePrefix = "private/"

// MaxSignedTTL is the longest a signed URL lives: the limit of S3's
// presigned URLs (SigV4), applied to both adapters so they behave alike.
const MaxSignedTTL = 7 * 24 * time.Hour

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

// IsPrivate reports whether key may be downloaded only through a signed URL.
func IsPrivate(key string) bool { return strings.HasPrefix(key, PrivatePrefix) }

func checkTTL(ttl time.Duration) error {
	if ttl < time.Second || ttl > MaxSignedTTL {
		return fmt.Errorf("storage: a signed URL lives between 1s and %s, not %s", MaxSignedTTL, ttl)
	}
	return nil
}

// FromEnv builds the configured adapter.
//
// STORAGE=local (the default): MEDIA_DIR (default "media") holds the files,
// MEDIA_BASE_URL (default http://localhost:8080/media, the storefront origin
// of `make run`) is where browsers find them, and MEDIA_SIGNING_KEY (at least
// 32 bytes, shared with the media origin) signs URLs; without it SignedURL
// fails.
//
// STORAGE=s3: S3_ENDPOINT (host[:port]), S3_BUCKET, S3_ACCESS_KEY,
// S3_SECRET_KEY, S3_REGION (default us-east-1), S3_USE_SSL (default true) and
// MEDIA_BASE_URL, the public address of the bucket or of the CDN in front of
// it (default the bucket's own path-style URL).
func FromEnv(getenv func(string) string) (Storage, error) {
	switch kind := getenv("STORAGE"); kind {
	case "", "local":
		dir, base := getenv("MEDIA_DIR"), getenv("MEDIA_BASE_URL")
		if dir == "" {
			dir = "media"
		}
		if base == "" {
			base = "http://localhost:8080/media"
		}
		var opts []LocalOption
		if k := getenv("MEDIA_SIGNING_KEY"); k != "" {
			opts = append(opts, WithSigningKey([]byte(k)))
		}
		return NewLocal(dir, base, opts...)
	case "s3":
		ssl := true
		switch v := getenv("S3_USE_SSL"); v {
		case "", "true", "1":
		case "false", "0":
			ssl = false
		default:
			return nil, fmt.Errorf("storage: S3_USE_SSL=%q is neither true nor false", v)
		}
		return NewS3(S3Config{
			Endpoint:  getenv("S3_ENDPOINT"),
			Bucket:    getenv("S3_BUCKET"),
			AccessKey: getenv("S3_ACCESS_KEY"),
			SecretKey: getenv("S3_SECRET_KEY"),
			Region:    getenv("S3_REGION"),
			UseSSL:    ssl,
			BaseURL:   getenv("MEDIA_BASE_URL"),
		})
	default:
		return nil, fmt.Errorf("storage: STORAGE=%q is neither local nor s3", kind)
	}
}
