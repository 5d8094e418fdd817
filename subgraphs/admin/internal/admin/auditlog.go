package admin

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/purra/supergraph/platform/errs"
)

// LogEntry is one row of the audit log: an admin.action event from any subgraph.
type LogEntry struct {
	ID         string // the event id
	AdminID    string
	SessionID  string
	Permission string
	Action     string
	TargetType string
	TargetID   string
	Before     json.RawMessage
	After      json.RawMessage
	IP         string
	RequestID  string
	Service    string
	At         time.Time
}

// LogFilter narrows the audit log; zero fields match everything.
type LogFilter struct {
	AdminID, Action, TargetType, TargetID string
	From, To                              *time.Time
}

// maxFilterLen bounds the string filters (ids and action names are short).
const maxFilterLen = 200

// Validate checks the filter's lengths and range.
func (f LogFilter) Validate() error {
	for field, v := range map[string]string{
		"filter.adminId": f.AdminID, "filter.action": f.Action,
		"filter.targetType": f.TargetType, "filter.targetId": f.TargetID,
	} {
		if len(v) > maxFilterLen {
			return errs.BadInput(field, "must be at most %d characters", maxFilterLen)
		}
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		return errs.BadInput("filter.to", "must be after from")
	}
	return nil
}

// MaxPage is the largest page of audit entries.
const MaxPage = 100

// Page is a validated request for a page, newest first.
type Page struct {
	First int
	// After is the position of the last entry of the previous page (nil for the first).
	After *Position
}

// Position orders entries: by time, then id, newest first.
type Position struct {
	At time.Time
	ID string
}

// ParsePage validates first and the opaque cursor after.
func ParsePage(first *int, after *string) (Page, error) {
	p := Page{First: 20}
	if first != nil {
		p.First = *first
	}
	if p.First < 1 || p.First > MaxPage {
		return p, errs.BadInput("first", "must be 1–%d", MaxPage)
	}
	if after == nil || *after == "" {
		return p, nil
	}
	bad := errs.BadInput("after", "invalid cursor")
	if len(*after) > 128 {
		return p, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(*after)
	if err != nil {
		return p, bad
	}
	at, id, ok := strings.Cut(string(raw), "|")
	t, terr := time.Parse(time.RFC3339Nano, at)
	if _, ierr := uuid.Parse(id); !ok || terr != nil || ierr != nil || len(id) != 36 {
		return p, bad
	}
	p.After = &Position{At: t, ID: id}
	return p, nil
}

// Cursor returns the opaque cursor of e.
func (e LogEntry) Cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte(e.At.UTC().Format(time.RFC3339Nano) + "|" + e.ID))
}
