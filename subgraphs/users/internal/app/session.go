package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/purra/supergraph/platform/credential"
	"github.com/purra/supergraph/platform/httpx"
	"strings"
	"time"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/subgraphs/users/internal/user"
)

// Login rate limits, attempts per minute.
const (
	LoginsPerEmailPerMinute = 10
	LoginsPerIPPerMinute    = 30
)

// maxRefreshTokenLen bounds a presented refresh token (ours are 43 characters).
const maxRefreshTokenLen = 128

// Session is a signed-in session: a short-lived access token and the
// refresh token that renews it.
type Session struct {
	AccessToken  string
	AccessExpiry time.Time
	RefreshToken string
	// RefreshExpiry is when RefreshToken stops being exchangeable.
	RefreshExpiry time.Time
	User          user.User
}

// Register creates an account, publishes user.registered in the same
// transaction, and signs the new user in.
func (a *App) Register(ctx context.Context, r user.Registration) (Session, error) {
	r, err := r.Normalize()
	if err != nil {
		return Session{}, err
	}
	hash, err := a.hashPassword(ctx, r.Password)
	if err != nil {
		return Session{}, err
	}
	now := a.now()
	u := user.New(newID(), r, hash, now)
	plain, rt, err := user.NewRefreshToken(newID(), newID(), u.ID, now)
	if err != nil {
		return Session{}, err
	}
	msg, err := kafka.NewMessage(ctx, a.topic, u.ID, u.ID, user.RegisteredEvent(u))
	if err != nil {
		return Session{}, err
	}
	created, err := a.store.CreateUser(ctx, u, &rt, msg)
	if err != nil {
		return Session{}, err
	}
	if !created {
		return Session{}, fmt.Errorf("register: user id %s already exists", u.ID)
	}
	return a.session(u, plain, rt)
}

// Login checks email and password. Both a wrong password and an unknown
// email answer user.ErrInvalidCredentials after the same amount of hashing,
// so the answer does not reveal which emails have accounts. Attempts are
// limited per email and per client IP.
func (a *App) Login(ctx context.Context, email, password string) (Session, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if len(email) > credential.MaxEmailLen {
		return Session{}, errs.BadInput("email", "must be at most %d characters", credential.MaxEmailLen)
	}
	if len(password) > 4*credential.MaxPasswordLen {
		return Session{}, errs.BadInput("password", "must be at most %d characters", credential.MaxPasswordLen)
	}
	if ip := httpx.ClientIP(ctx); ip != "" {
		if err := a.limiter.Allow(ctx, "login:ip:"+ip, LoginsPerIPPerMinute); err != nil {
			return Session{}, err
		}
	}
	// The key holds a hash, not the address: no personal data in Redis.
	sum := sha256.Sum256([]byte(email))
	if err := a.limiter.Allow(ctx, "login:email:"+hex.EncodeToString(sum[:16]), LoginsPerEmailPerMinute); err != nil {
		return Session{}, err
	}
	u, err := a.store.UserByEmail(ctx, email)
	hash := u.PasswordHash
	if errors.Is(err, user.ErrUserNotFound) {
		hash = a.dummyHash
	} else if err != nil {
		return Session{}, err
	}
	ok, err := a.checkPassword(ctx, hash, password)
	if err != nil {
		return Session{}, err
	}
	if !ok || u.ID == "" {
		return Session{}, user.ErrInvalidCredentials
	}
	if u.Banned() { // only now: a ban is no oracle for guessing passwords
		return Session{}, user.ErrBanned
	}
	plain, rt, err := user.NewRefreshToken(newID(), newID(), u.ID, a.now())
	if err != nil {
		return Session{}, err
	}
	if err := a.store.AddRefreshToken(ctx, rt); err != nil {
		return Session{}, err
	}
	return a.session(u, plain, rt)
}

// Refresh exchanges a refresh token for a new session in the same family.
// The new access token carries the user's current role (an owner approved
// since the last sign-in becomes OWNER here).
func (a *App) Refresh(ctx context.Context, token string) (Session, error) {
	if token == "" || len(token) > maxRefreshTokenLen {
		return Session{}, user.ErrRefreshTokenInvalid
	}
	now := a.now()
	plain, next, err := user.NewRefreshToken(newID(), "", "", now)
	if err != nil {
		return Session{}, err
	}
	u, next, err := a.store.RotateRefreshToken(ctx, user.HashRefreshToken(token), next, now)
	if err != nil {
		return Session{}, err
	}
	return a.session(u, plain, next)
}

// Logout ends the session (token family) of a refresh token. Like OAuth
// token revocation (RFC 7009), an unknown or already ended token is not an
// error: there is nothing to reveal and nothing left to do.
func (a *App) Logout(ctx context.Context, token string) error {
	if token == "" || len(token) > maxRefreshTokenLen {
		return nil
	}
	return a.store.RevokeRefreshFamily(ctx, user.HashRefreshToken(token), a.now())
}

// session signs an access token for u; its sid is the refresh token family,
// so a later revocation check can end access tokens of a logged-out session.
func (a *App) session(u user.User, refresh string, rt user.RefreshToken) (Session, error) {
	access, exp, err := a.signer.Issue(u.ID, string(u.Role), nil, rt.FamilyID)
	if err != nil {
		return Session{}, err
	}
	return Session{AccessToken: access, AccessExpiry: exp, RefreshToken: refresh, RefreshExpiry: rt.ExpiresAt, User: u}, nil
}
