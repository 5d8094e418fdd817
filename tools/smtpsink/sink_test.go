package smtpsink

import (
	"encoding/json"
	"net/http"
	"net/smtp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hindiMail is what go-mail sends for a Hindi notification: a base64 UTF-8
// subject, multipart/alternative with a quoted-printable text part and a
// base64 HTML part.
const hindiMail = "From: =?UTF-8?q?Purra?= <no-reply@purra.in>\r\n" +
	"To: <rahul@example.in>\r\n" +
	"Subject: =?UTF-8?b?4KSG4KSq4KSV4KS+IOCkueCkv+CkqOCljeCkpuClgA==?=\r\n" + // "आपका हिन्दी"
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/alternative; boundary=\"b1\"\r\n" +
	"\r\n" +
	"--b1\r\n" +
	"Content-Type: text/plain; charset=UTF-8\r\n" +
	"Content-Transfer-Encoding: quoted-printable\r\n" +
	"\r\n" +
	"=E0=A4=A8=E0=A4=AE=E0=A4=B8=E0=A5=8D=E0=A4=A4=E0=A5=87 Rahul, a long line th=\r\n" +
	"at was soft-wrapped.\r\n" +
	"--b1\r\n" +
	"Content-Type: text/html; charset=UTF-8\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"\r\n" +
	"PHA+4KSo4KSu4KS4\r\n" + // "<p>नमस" split across lines
	"4KWN4KSk4KWHPC9wPg==\r\n" + // "्ते</p>"
	"--b1--\r\n"

func start(t *testing.T) *Sink {
	t.Helper()
	s, err := Start("127.0.0.1:0", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

func TestReceivesAndDecodesHindiMultipart(t *testing.T) {
	s := start(t)
	require.NoError(t, smtp.SendMail(s.SMTPAddr(), nil, "no-reply@purra.in", []string{"rahul@example.in"}, []byte(hindiMail)))

	msgs := s.Messages("RAHUL@example.in")
	require.Len(t, msgs, 1)
	m := msgs[0]
	assert.Equal(t, "आपका हिन्दी", m.Subject)
	assert.Equal(t, "नमस्ते Rahul, a long line that was soft-wrapped.", strings.TrimSpace(m.Text))
	assert.Equal(t, "<p>नमस्ते</p>", m.HTML)
	assert.Equal(t, "Purra <no-reply@purra.in>", m.From)
	assert.Equal(t, []string{"rahul@example.in"}, m.To)
	assert.False(t, m.ReceivedAt.IsZero())
	assert.Empty(t, s.Messages("someone@else.in"))
}

func TestPlainMessageWithoutMIMEHeaders(t *testing.T) {
	s := start(t)
	raw := "Subject: Hello\r\n\r\nplain body\r\n"
	require.NoError(t, smtp.SendMail(s.SMTPAddr(), nil, "a@purra.in", []string{"b@purra.in", "c@purra.in"}, []byte(raw)))
	msgs := s.Messages("c@purra.in")
	require.Len(t, msgs, 1)
	assert.Equal(t, "Hello", msgs[0].Subject)
	assert.Equal(t, "plain body\r\n", msgs[0].Text)
	assert.Empty(t, msgs[0].HTML)
	assert.Equal(t, "a@purra.in", msgs[0].From, "envelope sender when there is no From header")
}

func TestAttachmentsAreSkipped(t *testing.T) {
	raw := "Subject: Invoice\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n" +
		"--x\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n" +
		"--x\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nsecret\r\n--x--\r\n"
	m, err := Parse([]byte(raw))
	require.NoError(t, err)
	assert.Equal(t, "see attached", m.Text)
}

func TestHTTPAPI(t *testing.T) {
	s := start(t)
	require.NoError(t, smtp.SendMail(s.SMTPAddr(), nil, "no-reply@purra.in", []string{"rahul@example.in"}, []byte(hindiMail)))
	require.NoError(t, smtp.SendMail(s.SMTPAddr(), nil, "no-reply@purra.in", []string{"priya@purra.in"}, []byte("Subject: x\r\n\r\ny\r\n")))
	base := "http://" + s.HTTPAddr() + "/messages"

	get := func(url string) []map[string]any {
		t.Helper()
		res, err := http.Get(url)
		require.NoError(t, err)
		defer res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode)
		var out []map[string]any
		require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
		return out
	}
	assert.Len(t, get(base), 2)
	only := get(base + "?to=rahul@example.in")
	require.Len(t, only, 1)
	assert.Equal(t, "आपका हिन्दी", only[0]["subject"])
	assert.Equal(t, []any{"rahul@example.in"}, only[0]["to"])
	for _, k := range []string{"from", "text", "html", "receivedAt"} {
		assert.Contains(t, only[0], k)
	}

	req, _ := http.NewRequest(http.MethodDelete, base, nil)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusNoContent, res.StatusCode)
	assert.Empty(t, get(base))
}
