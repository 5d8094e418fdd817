package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3Config locates a bucket in an S3-compatible service (AWS S3, MinIO,
// Cloudflare R2, DigitalOcean Spaces, …).
type S3Config struct {
	Endpoint  string // host[:port], e.g. s3.ap-south-1.amazonaws.com
	Bucket    string
	AccessKey string
	SecretKey string
	Region    string // default us-east-1; set so presigning never asks the service
	UseSSL    bool
	// BaseURL is where browsers download public files: a CDN or the bucket's
	// public address. Default: the bucket's path-style URL on Endpoint.
	BaseURL string
	// Transport replaces the HTTP transport (tests); nil is the default.
	Transport http.RoundTripper
}

// S3 keeps files in one bucket of an S3-compatible service. The bucket (or
// the CDN in front of it) must allow public reads of every key outside
// PrivatePrefix and of none inside it; private files are reached only by
// SignedURL, a presigned GET that the service itself checks.
type S3 struct {
	client  *minio.Client
	bucket  string
	baseURL string
}

// partSize bounds the memory of an upload: a body shorter than this (every
// picture and invoice) is read whole and sent in one PUT; a longer one is
// streamed in parts of this size (minio-go buffers one part; without a part
// size it would plan for a 5 TiB object).
const partSize = 16 << 20

// Cache policies the files carry, as the local media origin's are: public keys
// never change (a new picture gets a new key); private files are not cached.
const (
	s3Immutable = "public, max-age=31536000, immutable"
	s3Private   = "private, no-store"
)

// NewS3 connects to the bucket; it does not call the service, so a
// subgraph starts even when the service is briefly down.
func NewS3(c S3Config) (*S3, error) {
	if c.Endpoint == "" || c.Bucket == "" || c.AccessKey == "" || c.SecretKey == "" {
		return nil, errors.New("storage: S3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY and S3_SECRET_KEY")
	}
	if c.Region == "" {
		c.Region = "us-east-1"
	}
	client, err := minio.New(c.Endpoint, &minio.Options{
		Creds:     credentials.NewStaticV4(c.AccessKey, c.SecretKey, ""),
		Secure:    c.UseSSL,
		Region:    c.Region,
		Transport: c.Transport,
	})
	if err != nil {
		return nil, fmt.Errorf("storage: S3 endpoint %q: %w", c.Endpoint, err)
	}
	base := c.BaseURL
	if base == "" {
		base = client.EndpointURL().String() + "/" + c.Bucket
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("storage: base URL %q must be an absolute http(s) URL", base)
	}
	return &S3{client: client, bucket: c.Bucket, baseURL: strings.TrimSuffix(base, "/")}, nil
}

// Put uploads body; S3 makes an object visible only once it is complete.
func (s *S3) Put(ctx context.Context, key string, body io.Reader, contentType string) error {
	if err := CheckKey(key); err != nil {
		return err
	}
	size := int64(-1)
	if l, ok := body.(interface{ Len() int }); ok { // bytes.Buffer, bytes.Reader, strings.Reader
		size = int64(l.Len())
	} else {
		var head bytes.Buffer
		n, err := io.CopyN(&head, body, partSize+1)
		switch {
		case errors.Is(err, io.EOF):
			size, body = n, &head
		case err != nil:
			return fmt.Errorf("storage: put %s: %w", key, err)
		default:
			body = io.MultiReader(&head, body)
		}
	}
	cache := s3Immutable
	if IsPrivate(key) {
		cache = s3Private
	}
	_, err := s.client.PutObject(ctx, s.bucket, key, body, size, minio.PutObjectOptions{
		ContentType:  contentType,
		CacheControl: cache,
		PartSize:     partSize,
	})
	if err != nil {
		return fmt.Errorf("storage: put %s: %w", key, err)
	}
	return nil
}

// Get opens the object. minio-go's GetObject is lazy, so the object is
// stat'ed first: a missing key is ErrNotFound here, not at the first Read.
func (s *S3) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := CheckKey(key); err != nil {
		return nil, err
	}
	obj, err := s.client.GetObject(ctx, s.bucket, key, minio.GetObjectOptions{})
	if err == nil {
		_, err = obj.Stat()
	}
	if err != nil {
		if obj != nil {
			obj.Close()
		}
		if notFound(err) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("storage: get %s: %w", key, err)
	}
	return obj, nil
}

// Exists asks for the object's metadata (HEAD).
func (s *S3) Exists(ctx context.Context, key string) (bool, error) {
	if err := CheckKey(key); err != nil {
		return false, err
	}
	_, err := s.client.StatObject(ctx, s.bucket, key, minio.StatObjectOptions{})
	if notFound(err) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("storage: stat %s: %w", key, err)
	}
	return true, nil
}

// URL is BaseURL/key.
func (s *S3) URL(key string) string { return s.baseURL + "/" + key }

// SignedURL is a presigned GET (SigV4 query string) on the service's own
// endpoint: computed locally, checked by the service, refused after ttl.
func (s *S3) SignedURL(key string, ttl time.Duration) (string, error) {
	if err := CheckKey(key); err != nil {
		return "", err
	}
	if err := checkTTL(ttl); err != nil {
		return "", err
	}
	u, err := s.client.PresignedGetObject(context.Background(), s.bucket, key, ttl, nil)
	if err != nil {
		return "", fmt.Errorf("storage: presign %s: %w", key, err)
	}
	return u.String(), nil
}

func notFound(err error) bool {
	if err == nil {
		return false
	}
	code := minio.ToErrorResponse(err).Code
	return code == minio.NoSuchKey || code == "NotFound"
}
