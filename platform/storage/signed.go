package storage

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// Query parameters of a locally signed URL.
const (
	ExpiresParam   = "expires"   // Unix seconds after which the URL is refused
	SignatureParam = "signature" // base64url HMAC-SHA256 of the key and expires
)

// MinSigningKey is the shortest MEDIA_SIGNING_KEY accepted: an HMAC-SHA256
// key shorter than its output weakens it.
const MinSigningKey = 32

// ErrBadSignature is returned by VerifySigned for a URL that is unsigned,
// expired, altered or signed with another key.
var ErrBadSignature = errors.New("storage: bad or expired signature")

// signature binds the key and the expiry together, with a version prefix so
// a later format cannot be confused with this one.
func signature(secret []byte, key string, expires int64) string {
	m := hmac.New(sha256.New, secret)
	fmt.Fprintf(m, "purra-media-v1\n%s\n%d", key, expires)
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// signQuery is the query string that lets key be downloaded until expires.
func signQuery(secret []byte, key string, expires time.Time) string {
	exp := expires.Unix()
	return url.Values{
		ExpiresParam:   {strconv.FormatInt(exp, 10)},
		SignatureParam: {signature(secret, key, exp)},
	}.Encode()
}

// VerifySigned checks the query of a request for key, as the media origin
// receives it: the signature must be the one secret makes for this key and
// this expiry, and the expiry must not have passed at now.
func VerifySigned(secret []byte, key string, q url.Values, now time.Time) error {
	if len(secret) < MinSigningKey {
		return ErrBadSignature // no key configured: nothing can be verified
	}
	exp, err := strconv.ParseInt(q.Get(ExpiresParam), 10, 64)
	if err != nil {
		return ErrBadSignature
	}
	want := signature(secret, key, exp)
	if !hmac.Equal([]byte(q.Get(SignatureParam)), []byte(want)) {
		return ErrBadSignature
	}
	if !now.Before(time.Unix(exp, 0)) {
		return ErrBadSignature
	}
	return nil
}
