package user

import (
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Ban reason length, in characters.
const (
	MinBanReasonLen = 3
	MaxBanReasonLen = 500
)

var (
	// ErrBanned refuses sign-in and token refresh to a banned account. It is
	// returned only after the password (or refresh token) proved to be right,
	// so it tells nothing to someone guessing.
	ErrBanned        = errs.Denied("this account is banned").WithReason("BANNED")
	ErrAlreadyBanned = errs.Conflicting("the user is already banned").WithReason("ALREADY_BANNED")
	ErrNotBanned     = errs.Conflicting("the user is not banned").WithReason("NOT_BANNED")
)

// Banned reports whether the account is banned.
func (u User) Banned() bool { return u.BannedAt != nil }

// BanReason validates an admin's reason for a ban (3–500 characters).
func BanReason(field, reason string) (string, error) {
	return Text(field, reason, MinBanReasonLen, MaxBanReasonLen)
}

// Ban bans u with an already validated reason (BanReason).
func (u *User) Ban(reason string, now time.Time) error {
	if u.Banned() {
		return ErrAlreadyBanned
	}
	u.BannedAt, u.BanReason, u.UpdatedAt = &now, reason, now
	return nil
}

// Unban lifts u's ban.
func (u *User) Unban(now time.Time) error {
	if !u.Banned() {
		return ErrNotBanned
	}
	u.BannedAt, u.BanReason, u.UnbannedAt, u.UpdatedAt = nil, "", &now, now
	return nil
}

// BanChanged is the payload of user.banned and user.unbanned (topic
// users.events, key = user id). Reason is empty for an unban.
type BanChanged struct {
	UserID string `json:"userId"`
	Reason string `json:"reason"`
	banned bool
}

func (e BanChanged) EventType() string {
	if e.banned {
		return "user.banned"
	}
	return "user.unbanned"
}
func (BanChanged) EventVersion() int { return 1 }

// BannedEvent describes u's ban.
func BannedEvent(u User) BanChanged {
	return BanChanged{UserID: u.ID, Reason: u.BanReason, banned: true}
}

// UnbannedEvent describes the lifting of u's ban.
func UnbannedEvent(u User) BanChanged { return BanChanged{UserID: u.ID} }
