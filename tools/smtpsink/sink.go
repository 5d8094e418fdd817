// Package smtpsink is the local mail catcher for `make run` and the tests: an
// SMTP server (github.com/emersion/go-smtp) that accepts every message, keeps
// it in memory decoded (subject, text and HTML parts, whatever the transfer
// encoding and header charset) and serves the messages as JSON over HTTP:
//
//	GET    /messages[?to=addr]  → [{from, to, subject, text, html, receivedAt}]
//	DELETE /messages            → forget every message
//
// It never relays anything anywhere.
package smtpsink

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// maxMessages bounds the memory of a long-running `make run`: the oldest
// messages are dropped first.
const maxMessages = 10000

// Message is one received mail, decoded.
type Message struct {
	From       string    `json:"from"`
	To         []string  `json:"to"` // envelope recipients (RCPT TO)
	Subject    string    `json:"subject"`
	Text       string    `json:"text"`
	HTML       string    `json:"html"`
	ReceivedAt time.Time `json:"receivedAt"`
}

// Sink is a running SMTP server plus its HTTP API.
type Sink struct {
	smtp     *smtp.Server
	smtpLn   net.Listener
	http     *http.Server
	httpLn   net.Listener
	mu       sync.Mutex
	messages []Message
	wg       sync.WaitGroup
}

// Start listens for SMTP on smtpAddr ("127.0.0.1:1025") and for HTTP on
// httpAddr ("127.0.0.1:8025"); port 0 picks a free port (see SMTPAddr,
// HTTPAddr). An empty httpAddr starts no HTTP API (tests use Messages).
func Start(smtpAddr, httpAddr string) (*Sink, error) {
	s := &Sink{}
	ln, err := net.Listen("tcp", smtpAddr)
	if err != nil {
		return nil, fmt.Errorf("smtp sink: listen %s: %w", smtpAddr, err)
	}
	s.smtpLn = ln
	if httpAddr != "" {
		hl, err := net.Listen("tcp", httpAddr)
		if err != nil {
			ln.Close()
			return nil, fmt.Errorf("smtp sink: listen %s: %w", httpAddr, err)
		}
		s.httpLn = hl
		s.http = &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
		s.wg.Go(func() { _ = s.http.Serve(hl) })
	}

	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{sink: s}, nil
	}))
	srv.Domain = "localhost"
	srv.MaxMessageBytes = 10 << 20
	srv.MaxRecipients = 100
	srv.AllowInsecureAuth = true
	srv.EnableSMTPUTF8 = true
	srv.ReadTimeout = time.Minute
	srv.WriteTimeout = time.Minute
	s.smtp = srv
	s.wg.Go(func() { _ = srv.Serve(ln) })
	return s, nil
}

// SMTPAddr is the address the SMTP server listens on ("127.0.0.1:1025").
func (s *Sink) SMTPAddr() string { return s.smtpLn.Addr().String() }

// HTTPAddr is the address of the HTTP API, "" when it was not started.
func (s *Sink) HTTPAddr() string {
	if s.httpLn == nil {
		return ""
	}
	return s.httpLn.Addr().String()
}

// Messages returns the received messages, oldest first; a non-empty to keeps
// only those with that envelope recipient (case-insensitive).
func (s *Sink) Messages(to string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Message, 0, len(s.messages))
	for _, m := range s.messages {
		if to == "" || hasRecipient(m, to) {
			m.To = append([]string(nil), m.To...)
			out = append(out, m)
		}
	}
	return out
}

// Reset forgets every message.
func (s *Sink) Reset() {
	s.mu.Lock()
	s.messages = nil
	s.mu.Unlock()
}

// Close stops both servers and waits for them.
func (s *Sink) Close() {
	if s.http != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		_ = s.http.Shutdown(ctx)
		cancel()
	}
	if err := s.smtp.Close(); err != nil && !errors.Is(err, smtp.ErrServerClosed) {
		_ = s.smtpLn.Close()
	}
	s.wg.Wait()
}

func (s *Sink) add(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = append(s.messages, m)
	if over := len(s.messages) - maxMessages; over > 0 {
		s.messages = append([]Message(nil), s.messages[over:]...)
	}
}

func hasRecipient(m Message, to string) bool {
	to = strings.TrimSpace(to)
	for _, r := range m.To {
		if strings.EqualFold(r, to) {
			return true
		}
	}
	return false
}
