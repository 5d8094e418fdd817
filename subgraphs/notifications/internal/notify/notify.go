// Package notify is the notifications domain: channels, events, templates
// and their rendering, recipients, notifications and bulk jobs. No SQL, no
// GraphQL.
package notify

import (
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Channel is how a message reaches its recipient.
type Channel string

const (
	Email Channel = "EMAIL"
	SMS   Channel = "SMS"
	InApp Channel = "IN_APP"
)

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return c == Email || c == SMS || c == InApp }

// Status is where a notification is in its delivery. SENDING is internal:
// a worker claimed the row and is talking to the channel.
type Status string

const (
	Queued  Status = "QUEUED"
	Sending Status = "SENDING"
	Sent    Status = "SENT"
	Failed  Status = "FAILED"
)

// Language of a recipient's messages.
type Language string

const (
	English Language = "en"
	Hindi   Language = "hi"
)

// Languages lists the supported languages, the default first.
var Languages = []Language{English, Hindi}

// Valid reports whether l is supported.
func (l Language) Valid() bool { return l == English || l == Hindi }

// RecipientKind separates shoppers from admins (admins get stock.low; bulk
// announcements go to shoppers).
type RecipientKind string

const (
	Shopper RecipientKind = "USER"
	Admin   RecipientKind = "ADMIN"
)

// Recipient is the projection of a user or admin that notifications keeps
// from users.events and admin.events.
type Recipient struct {
	ID       string
	Kind     RecipientKind
	Name     string
	Email    string
	Phone    string
	Language Language
}

// Channels returns the channels recipient r receives event messages on:
// IN_APP always, EMAIL when r has an address, SMS when SMS is configured and
// r has a phone number.
func (r Recipient) Channels(smsEnabled bool) []Channel {
	out := []Channel{InApp}
	if r.Email != "" {
		out = append(out, Email)
	}
	if smsEnabled && r.Phone != "" {
		out = append(out, SMS)
	}
	return out
}

// Notification is one message to one user on one channel.
type Notification struct {
	ID        string
	UserID    string
	Channel   Channel
	Event     Event
	Language  Language
	Status    Status
	EventID   string // the source event (or bulk job) id: unique with channel and user
	Data      map[string]any
	Title     string
	Body      string
	Attempts  int
	LastError string
	ReadAt    *time.Time
	CreatedAt time.Time
	SentAt    *time.Time
}

// NotFound is what a caller gets for a notification that is not theirs.
var NotFound = errs.Missing("notification")

// Now is the current time in UTC, as stored.
func Now() time.Time { return time.Now().UTC() }
