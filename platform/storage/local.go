package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Local keeps files in a directory; a media origin serves it at baseURL.
type Local struct {
	dir     string
	baseURL string
	secret  []byte // signs URLs; the media origin verifies with the same key
	now     func() time.Time
}

// LocalOption configures NewLocal.
type LocalOption func(*Local)

// WithSigningKey lets SignedURL sign with secret (MEDIA_SIGNING_KEY), which
// the media origin must share.
func WithSigningKey(secret []byte) LocalOption {
	return func(l *Local) { l.secret = secret }
}

// NewLocal stores files under dir (created if missing), reachable at baseURL.
func NewLocal(dir, baseURL string, opts ...LocalOption) (*Local, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("storage: base URL %q must be an absolute http(s) URL", baseURL)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, fmt.Errorf("storage: %w", err)
	}
	l := &Local{dir: abs, baseURL: strings.TrimSuffix(baseURL, "/"), now: time.Now}
	for _, o := range opts {
		o(l)
	}
	if l.secret != nil && len(l.secret) < MinSigningKey {
		return nil, fmt.Errorf("storage: the signing key must have at least %d bytes", MinSigningKey)
	}
	return l, nil
}

func (l *Local) path(key string) (string, error) {
	if err := CheckKey(key); err != nil {
		return "", err
	}
	return filepath.Join(l.dir, filepath.FromSlash(key)), nil
}

// Put writes to a temporary file and renames it into place.
func (l *Local) Put(_ context.Context, key string, body io.Reader, _ string) error {
	p, err := l.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".put-*")
	if err != nil {
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := io.Copy(tmp, body); err != nil {
		tmp.Close()
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	return nil
}

// Get opens the file under key.
func (l *Local) Get(_ context.Context, key string) (io.ReadCloser, error) {
	p, err := l.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotFound
	}
	return f, err
}

// Exists reports whether key holds a file.
func (l *Local) Exists(_ context.Context, key string) (bool, error) {
	p, err := l.path(key)
	if err != nil {
		return false, err
	}
	st, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil && st.Mode().IsRegular(), err
}

// URL is baseURL/key.
func (l *Local) URL(key string) string { return l.baseURL + "/" + key }

// SignedURL is URL(key) with an expiry and an HMAC of both, which the media
// origin (tools/webserve) checks before serving the file.
func (l *Local) SignedURL(key string, ttl time.Duration) (string, error) {
	if err := CheckKey(key); err != nil {
		return "", err
	}
	if err := checkTTL(ttl); err != nil {
		return "", err
	}
	if l.secret == nil {
		return "", errors.New("storage: no signing key (MEDIA_SIGNING_KEY) for signed URLs")
	}
	return l.URL(key) + "?" + signQuery(l.secret, key, l.now().Add(ttl)), nil
}

// Dir is the directory a media origin serves.
func (l *Local) Dir() string { return l.dir }
