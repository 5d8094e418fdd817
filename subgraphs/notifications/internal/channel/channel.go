// Package channel delivers rendered messages: EMAIL over SMTP (go-mail) and
// SMS through a Twilio-style REST API. IN_APP needs no sender: storing the
// notification delivers it.
package channel

import "context"

// Message is one rendered message to one recipient.
type Message struct {
	To      string // email address or phone number
	Name    string // recipient's display name
	Subject string
	Body    string // HTML for email, plain text for SMS
}

// Sender delivers messages of one channel.
type Sender interface {
	Send(ctx context.Context, m Message) error
}
