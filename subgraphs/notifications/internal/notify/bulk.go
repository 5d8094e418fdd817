package notify

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/purra/supergraph/platform/errs"
)

// BulkBatch is how many recipients one fan-out step covers.
const BulkBatch = 500

// Bulk input limits.
const (
	MaxBulkTitle = 150
	MaxBulkBody  = 5000
)

// JobStatus is where a bulk job is.
type JobStatus string

const (
	JobRunning JobStatus = "RUNNING"
	JobDone    JobStatus = "DONE"
)

// Job is an announcement fanned out to every shopper. Cursor is the id of
// the last recipient covered: a restarted worker resumes after it.
type Job struct {
	ID             string
	Title          string
	Body           string
	Channels       []Channel
	Status         JobStatus
	Cursor         string
	RecipientCount int
	CreatedBy      string
	CreatedAt      time.Time
	FinishedAt     *time.Time
}

// NewJob validates an announcement. smsEnabled says whether SMS may be asked for.
func NewJob(title, body string, channels []Channel, smsEnabled bool) (Job, error) {
	title, body = strings.TrimSpace(title), strings.TrimSpace(body)
	switch {
	case title == "":
		return Job{}, errs.BadInput("title", "required")
	case !utf8.ValidString(title) || utf8.RuneCountInString(title) > MaxBulkTitle:
		return Job{}, errs.BadInput("title", "at most %d characters", MaxBulkTitle)
	case body == "":
		return Job{}, errs.BadInput("body", "required")
	case !utf8.ValidString(body) || utf8.RuneCountInString(body) > MaxBulkBody:
		return Job{}, errs.BadInput("body", "at most %d characters", MaxBulkBody)
	case len(channels) == 0:
		return Job{}, errs.BadInput("channels", "at least one channel")
	}
	var uniq []Channel
	for _, c := range channels {
		if !c.Valid() {
			return Job{}, errs.BadInput("channels", "unknown channel")
		}
		if c == SMS && !smsEnabled {
			return Job{}, errs.BadInput("channels", "SMS is not configured")
		}
		if !containsChannel(uniq, c) {
			uniq = append(uniq, c)
		}
	}
	return Job{Title: title, Body: body, Channels: uniq, Status: JobRunning}, nil
}

// Data is the template data of the job's message to recipient r.
func (j Job) Data(r Recipient) map[string]any {
	return map[string]any{"Name": r.Name, "Title": j.Title, "Body": j.Body}
}

func containsChannel(cs []Channel, c Channel) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}
