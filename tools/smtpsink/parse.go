package smtpsink

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
)

// wordDecoder decodes RFC 2047 encoded words ("=?UTF-8?b?...?=") in headers.
// UTF-8 and US-ASCII are native; ISO-8859-1 is mapped byte for byte; any
// other charset is kept as is rather than refused.
var wordDecoder = &mime.WordDecoder{CharsetReader: func(charset string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1":
		b, err := io.ReadAll(input)
		if err != nil {
			return nil, err
		}
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return strings.NewReader(string(r)), nil
	default:
		return input, nil
	}
}}

// Parse decodes a raw RFC 5322 message: From and Subject headers (RFC 2047
// words decoded), and the first text/plain and text/html parts found in any
// multipart nesting (quoted-printable and base64 decoded). Attachments are
// skipped.
func Parse(raw []byte) (Message, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Message{}, err
	}
	var m Message
	if subject, err := wordDecoder.DecodeHeader(msg.Header.Get("Subject")); err == nil {
		m.Subject = subject
	} else {
		m.Subject = msg.Header.Get("Subject")
	}
	if from := msg.Header.Get("From"); from != "" {
		if addr, err := (&mail.AddressParser{WordDecoder: wordDecoder}).Parse(from); err == nil {
			m.From = addr.String()
			if addr.Name != "" {
				m.From = fmt.Sprintf("%s <%s>", addr.Name, addr.Address)
			}
		} else {
			m.From = from
		}
	}
	err = walk(&m, msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), "", msg.Body)
	return m, err
}

// walk fills m.Text / m.HTML from one entity, recursing into multiparts.
func walk(m *Message, contentType, encoding, disposition string, body io.Reader) error {
	if contentType == "" {
		contentType = "text/plain"
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType = "text/plain"
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("multipart: %w", err)
			}
			if err := walk(m, p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p.Header.Get("Content-Disposition"), p); err != nil {
				return err
			}
		}
	}
	if strings.HasPrefix(strings.ToLower(disposition), "attachment") {
		return nil
	}
	if mediaType != "text/plain" && mediaType != "text/html" {
		return nil
	}
	text, err := io.ReadAll(decode(body, encoding))
	if err != nil {
		return fmt.Errorf("%s body: %w", mediaType, err)
	}
	switch {
	case mediaType == "text/plain" && m.Text == "":
		m.Text = string(text)
	case mediaType == "text/html" && m.HTML == "":
		m.HTML = string(text)
	}
	return nil
}

func decode(body io.Reader, encoding string) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(body)
	case "base64":
		// Line breaks inside base64 bodies are legal; the decoder skips them.
		return base64.NewDecoder(base64.StdEncoding, body)
	default:
		return body
	}
}
