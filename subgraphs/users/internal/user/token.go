package user

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// RefreshTokenTTL is how long a refresh token can be exchanged. Each
// exchange issues a new one, so an active session never expires.
const RefreshTokenTTL = 30 * 24 * time.Hour

var (
	ErrRefreshTokenInvalid = errs.Unauthorized("invalid refresh token").WithReason("REFRESH_TOKEN_INVALID")
	ErrRefreshTokenExpired = errs.Unauthorized("refresh token expired, sign in again").WithReason("REFRESH_TOKEN_EXPIRED")
	ErrRefreshTokenRevoked = errs.Unauthorized("session ended, sign in again").WithReason("REFRESH_TOKEN_REVOKED")
	// ErrRefreshTokenReused means a token was presented after it had been
	// exchanged: someone else holds a copy, so the whole session is ended.
	ErrRefreshTokenReused = errs.Unauthorized("refresh token already used; session ended, sign in again").WithReason("REFRESH_TOKEN_REUSED")
)

// RefreshToken is a stored refresh token. Only the SHA-256 of the token is
// kept: a database leak gives nobody a usable session. Tokens of one sign-in
// share a family; rotation chains them.
type RefreshToken struct {
	ID, FamilyID, UserID string
	Hash                 []byte
	CreatedAt, ExpiresAt time.Time
	UsedAt, RevokedAt    *time.Time
}

// NewRefreshToken returns a fresh opaque token (32 random bytes, base64url)
// and its stored form. familyID is the sign-in it belongs to.
func NewRefreshToken(id, familyID, userID string, now time.Time) (plain string, t RefreshToken, err error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", RefreshToken{}, fmt.Errorf("refresh token: %w", err)
	}
	plain = base64.RawURLEncoding.EncodeToString(raw)
	return plain, RefreshToken{
		ID: id, FamilyID: familyID, UserID: userID, Hash: HashRefreshToken(plain),
		CreatedAt: now, ExpiresAt: now.Add(RefreshTokenTTL),
	}, nil
}

// HashRefreshToken is the stored form of a presented token.
func HashRefreshToken(plain string) []byte {
	h := sha256.Sum256([]byte(plain))
	return h[:]
}

// Exchangeable says whether t may be exchanged now. A used token means a
// replay (ErrRefreshTokenReused): the caller must end the whole family.
func (t RefreshToken) Exchangeable(now time.Time) error {
	switch {
	case t.UsedAt != nil:
		return ErrRefreshTokenReused
	case t.RevokedAt != nil:
		return ErrRefreshTokenRevoked
	case !now.Before(t.ExpiresAt):
		return ErrRefreshTokenExpired
	}
	return nil
}
