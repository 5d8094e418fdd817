package user

import (
	"encoding/base64"
	"errors"
	"testing"
	"time"
)

func TestNewRefreshToken(t *testing.T) {
	t.Parallel()
	plain, rt, err := NewRefreshToken("t1", "f1", "u1", now())
	if err != nil {
		t.Fatal(err)
	}
	raw, err := base64.RawURLEncoding.DecodeString(plain)
	if err != nil || len(raw) != 32 {
		t.Fatalf("token %q is not 32 bytes of base64url: %v", plain, err)
	}
	if string(rt.Hash) == plain || len(rt.Hash) != 32 || string(rt.Hash) != string(HashRefreshToken(plain)) {
		t.Fatal("stored form is not the SHA-256 of the token")
	}
	if !rt.ExpiresAt.Equal(now().Add(30 * 24 * time.Hour)) {
		t.Fatalf("expires %v", rt.ExpiresAt)
	}
	other, _, _ := NewRefreshToken("t2", "f1", "u1", now())
	if other == plain {
		t.Fatal("two tokens are equal")
	}
}

func TestExchangeable(t *testing.T) {
	t.Parallel()
	_, rt, _ := NewRefreshToken("t1", "f1", "u1", now())
	if err := rt.Exchangeable(now()); err != nil {
		t.Fatal(err)
	}
	if err := rt.Exchangeable(rt.ExpiresAt); !errors.Is(err, ErrRefreshTokenExpired) {
		t.Fatalf("expired: %v", err)
	}
	at := now()
	revoked := rt
	revoked.RevokedAt = &at
	if err := revoked.Exchangeable(now()); !errors.Is(err, ErrRefreshTokenRevoked) {
		t.Fatalf("revoked: %v", err)
	}
	used := revoked
	used.UsedAt = &at // a used token is a replay, even in a revoked family
	if err := used.Exchangeable(now()); !errors.Is(err, ErrRefreshTokenReused) {
		t.Fatalf("used: %v", err)
	}
}
