package storage_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/storage"
)

const (
	s3Access = "purra-test-access"
	s3Secret = "purra-test-secret-0123456789"
	s3Bucket = "purra-media"
	s3Region = "ap-south-1"
)

// fakeS3 is an in-process S3 server (gofakes3, the real REST protocol over
// HTTP). gofakes3 does not check signatures, so presigned GETs are checked
// here as S3 does: the signature is recomputed with the AWS SDK's own SigV4
// signer (an implementation independent of minio-go's) and the expiry is
// compared with the server's clock, which a test can move forward.
type fakeS3 struct {
	URL  string
	skew atomic.Int64 // added to the real time, in seconds
}

func newFakeS3(t *testing.T) *fakeS3 {
	t.Helper()
	backend := s3mem.New()
	require.NoError(t, backend.CreateBucket(s3Bucket))
	f := &fakeS3{}
	h := gofakes3.New(backend, gofakes3.WithTimeSkewLimit(0)).Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("X-Amz-Signature") {
			if reason := f.checkPresigned(r); reason != "" {
				w.WriteHeader(http.StatusForbidden)
				_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>`+reason+`</Message></Error>`)
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	f.URL = srv.URL
	return f
}

func (f *fakeS3) now() time.Time { return time.Now().Add(time.Duration(f.skew.Load()) * time.Second) }

// checkPresigned returns why S3 would refuse the presigned request, or "".
func (f *fakeS3) checkPresigned(r *http.Request) string {
	q := r.URL.Query()
	got := q.Get("X-Amz-Signature")
	cred := strings.Split(q.Get("X-Amz-Credential"), "/") // access/date/region/s3/aws4_request
	if len(cred) != 5 || cred[0] != s3Access || cred[3] != "s3" {
		return "credential"
	}
	at, err := time.Parse("20060102T150405Z", q.Get("X-Amz-Date"))
	if err != nil {
		return "date"
	}
	expires, err := strconv.Atoi(q.Get("X-Amz-Expires"))
	if err != nil || expires <= 0 {
		return "expires"
	}
	if !f.now().Before(at.Add(time.Duration(expires) * time.Second)) {
		return "Request has expired"
	}
	q.Del("X-Amz-Signature")
	u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: q.Encode()}
	req, _ := http.NewRequest(r.Method, u.String(), nil)
	signed, _, err := v4.NewSigner().PresignHTTP(context.Background(),
		aws.Credentials{AccessKeyID: s3Access, SecretAccessKey: s3Secret}, req,
		"UNSIGNED-PAYLOAD", "s3", cred[2], at, func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	if err != nil {
		return err.Error()
	}
	su, _ := url.Parse(signed)
	if want := su.Query().Get("X-Amz-Signature"); want == "" || got != want {
		return "SignatureDoesNotMatch"
	}
	return ""
}

func newS3(t *testing.T, f *fakeS3) *storage.S3 {
	t.Helper()
	st, err := storage.NewS3(storage.S3Config{
		Endpoint: strings.TrimPrefix(f.URL, "http://"), Bucket: s3Bucket,
		AccessKey: s3Access, SecretKey: s3Secret, Region: s3Region,
		BaseURL: "https://media.purra.in/",
	})
	require.NoError(t, err)
	return st
}

func download(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(u)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(b)
}

func TestS3PutGetExistsURL(t *testing.T) {
	ctx := context.Background()
	st := newS3(t, newFakeS3(t))
	var _ storage.Storage = st

	ok, err := st.Exists(ctx, "products/p/front-400.webp")
	require.NoError(t, err)
	require.False(t, ok)
	_, err = st.Get(ctx, "products/p/front-400.webp")
	require.ErrorIs(t, err, storage.ErrNotFound)

	require.NoError(t, st.Put(ctx, "products/p/front-400.webp", strings.NewReader("one"), "image/webp"))
	require.NoError(t, st.Put(ctx, "products/p/front-400.webp", bytes.NewReader([]byte("two")), "image/webp"), "replaces")
	rc, err := st.Get(ctx, "products/p/front-400.webp")
	require.NoError(t, err)
	b, _ := io.ReadAll(rc)
	require.NoError(t, rc.Close())
	require.Equal(t, "two", string(b))
	ok, err = st.Exists(ctx, "products/p/front-400.webp")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, "https://media.purra.in/products/p/front-400.webp", st.URL("products/p/front-400.webp"))

	// A body of unknown length (no Len method) is measured, then sent whole.
	big := bytes.Repeat([]byte("purra"), 300_000) // 1.5 MB
	require.NoError(t, st.Put(ctx, "private/invoices/pur-1.pdf", iotest.HalfReader(bytes.NewReader(big)), "application/pdf"))
	rc, err = st.Get(ctx, "private/invoices/pur-1.pdf")
	require.NoError(t, err)
	b, _ = io.ReadAll(rc)
	rc.Close()
	require.True(t, bytes.Equal(big, b), "read back %d bytes of %d", len(b), len(big))

	for _, bad := range []string{"", "../up", "A/upper", "a//b"} {
		require.Error(t, st.Put(ctx, bad, strings.NewReader("x"), "text/plain"), bad)
		_, err := st.Get(ctx, bad)
		require.Error(t, err, bad)
		_, err = st.SignedURL(bad, time.Minute)
		require.Error(t, err, bad)
	}
}

func TestS3SignedURL(t *testing.T) {
	ctx := context.Background()
	f := newFakeS3(t)
	st := newS3(t, f)
	require.NoError(t, st.Put(ctx, "private/invoices/pur-2026-000001.pdf", strings.NewReader("%PDF-1.7 one"), "application/pdf"))
	require.NoError(t, st.Put(ctx, "private/invoices/pur-2026-000002.pdf", strings.NewReader("%PDF-1.7 two"), "application/pdf"))

	signed, err := st.SignedURL("private/invoices/pur-2026-000001.pdf", time.Hour)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(signed, f.URL+"/"+s3Bucket+"/private/invoices/pur-2026-000001.pdf?"), signed)
	u, _ := url.Parse(signed)
	require.Equal(t, "3600", u.Query().Get("X-Amz-Expires"))

	code, hdr, body := download(t, signed)
	require.Equal(t, 200, code, body)
	require.Equal(t, "%PDF-1.7 one", body)
	require.Equal(t, "application/pdf", hdr.Get("Content-Type"))

	// The signature covers the key: moved to another file it is refused.
	other := strings.Replace(signed, "000001.pdf", "000002.pdf", 1)
	code, _, body = download(t, other)
	require.Equal(t, 403, code, body)
	// Altered: a longer life, or a changed signature.
	q := u.Query()
	q.Set("X-Amz-Expires", "604800")
	code, _, _ = download(t, u.Scheme+"://"+u.Host+u.Path+"?"+q.Encode())
	require.Equal(t, 403, code)
	q = u.Query()
	sig := []byte(q.Get("X-Amz-Signature"))
	sig[0] ^= 1
	q.Set("X-Amz-Signature", string(sig))
	code, _, _ = download(t, u.Scheme+"://"+u.Host+u.Path+"?"+q.Encode())
	require.Equal(t, 403, code)
	// Signed with another secret.
	wrong, err := storage.NewS3(storage.S3Config{
		Endpoint: strings.TrimPrefix(f.URL, "http://"), Bucket: s3Bucket,
		AccessKey: s3Access, SecretKey: "not-the-secret", Region: s3Region,
	})
	require.NoError(t, err)
	forged, err := wrong.SignedURL("private/invoices/pur-2026-000001.pdf", time.Hour)
	require.NoError(t, err)
	code, _, _ = download(t, forged)
	require.Equal(t, 403, code)

	// Expired: the service's clock has passed the URL's life.
	f.skew.Store(int64(time.Hour/time.Second) + 1)
	code, _, body = download(t, signed)
	require.Equal(t, 403, code, body)
	require.Contains(t, body, "expired")

	for _, ttl := range []time.Duration{0, -time.Second, storage.MaxSignedTTL + time.Second} {
		_, err := st.SignedURL("private/invoices/pur-2026-000001.pdf", ttl)
		require.Error(t, err, ttl)
	}
}

func TestS3FromEnv(t *testing.T) {
	f := newFakeS3(t)
	env := map[string]string{
		"STORAGE": "s3", "S3_ENDPOINT": strings.TrimPrefix(f.URL, "http://"), "S3_BUCKET": s3Bucket,
		"S3_ACCESS_KEY": s3Access, "S3_SECRET_KEY": s3Secret, "S3_REGION": s3Region, "S3_USE_SSL": "false",
	}
	st, err := storage.FromEnv(func(k string) string { return env[k] })
	require.NoError(t, err)
	require.IsType(t, &storage.S3{}, st)
	require.NoError(t, st.Put(context.Background(), "banners/b/wide.jpg", strings.NewReader("jpeg"), "image/jpeg"))
	// Without MEDIA_BASE_URL public files are at the bucket's own URL.
	code, _, body := download(t, st.URL("banners/b/wide.jpg"))
	require.Equal(t, 200, code)
	require.Equal(t, "jpeg", body)

	for k, v := range map[string]string{"S3_BUCKET": "", "S3_SECRET_KEY": "", "S3_USE_SSL": "maybe", "STORAGE": "ftp"} {
		bad := map[string]string{}
		for kk, vv := range env {
			bad[kk] = vv
		}
		bad[k] = v
		_, err := storage.FromEnv(func(k string) string { return bad[k] })
		require.Error(t, err, k)
	}
}
