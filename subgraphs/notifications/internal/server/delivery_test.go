package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/subgraphs/notifications/internal/channel"
	"github.com/purra/supergraph/tools/smtpsink"
)

// With the SMTP server down, the email is retried with backoff (attempts and
// last error kept); once the server is back it is sent, once.
func TestEmail_retriesUntilSMTPIsBack(t *testing.T) {
	t.Parallel()
	port := freePort(t)
	e := newEnv(t, map[string]string{"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port})
	user := e.register("Rahul", "rahul@example.in")

	for attempt := 1; attempt <= 2; attempt++ {
		time.Sleep(10 * time.Millisecond) // the test backoff (1ms, 2ms) is over
		n, err := e.w.Sender.SendDue(t.Context())
		require.NoError(t, err)
		require.Equal(t, 1, n)
		assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND channel = 'EMAIL'
			AND status = 'QUEUED' AND attempts = $2 AND last_error LIKE '%smtp%'`, user, attempt))
	}

	sink, err := smtpsink.Start("127.0.0.1:"+port, "")
	require.NoError(t, err)
	t.Cleanup(sink.Close)
	e.send()
	require.Len(t, sink.Messages("rahul@example.in"), 1)
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND channel = 'EMAIL'
		AND status = 'SENT' AND attempts = 3 AND last_error = '' AND sent_at IS NOT NULL`, user))
	e.send()
	assert.Len(t, sink.Messages(""), 1, "sent once")
}

// After the maximum number of attempts a message is FAILED and left alone.
func TestEmail_failsAfterMaxAttempts(t *testing.T) {
	t.Parallel()
	e := newEnv(t, map[string]string{"SMTP_HOST": "127.0.0.1", "SMTP_PORT": freePort(t), "NOTIFY_MAX_ATTEMPTS": "2"})
	user := e.register("Rahul", "rahul@example.in")
	e.send()
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE user_id = $1 AND channel = 'EMAIL'
		AND status = 'FAILED' AND attempts = 2`, user))
	n, err := e.w.Sender.SendDue(t.Context())
	require.NoError(t, err)
	assert.Zero(t, n)
}

// A worker that died after claiming leaves the row SENDING; after the lease
// it is reclaimed and sent. A stale worker cannot mark a row it lost.
func TestSender_reclaimsExpiredClaims(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	e.register("Rahul", "rahul@example.in")
	claimed, err := e.st.Claim(t.Context(), 10)
	require.NoError(t, err)
	require.Len(t, claimed, 1)
	e.send()
	assert.Empty(t, e.sink.Messages(""), "claimed by the dead worker, lease not over")

	_, err = e.d.DB.Exec(t.Context(), `UPDATE notifications SET claimed_at = now() - interval '1 hour' WHERE status = 'SENDING'`)
	require.NoError(t, err)
	e.send()
	require.Len(t, e.sink.Messages(""), 1)

	marked, err := e.st.MarkSent(t.Context(), claimed[0], "x", "y", e.d.Topic)
	require.NoError(t, err)
	assert.False(t, marked, "the dead worker's claim is void")
}

type smsRequest struct {
	path, user, pass, contentType string
	form                          url.Values
}

// fakeTwilio records requests and answers like Twilio's Messages API.
func fakeTwilio(t *testing.T, status int) (*httptest.Server, func() []smsRequest) {
	var mu sync.Mutex
	var got []smsRequest
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		user, pass, _ := r.BasicAuth()
		mu.Lock()
		got = append(got, smsRequest{r.Method + " " + r.URL.Path, user, pass, r.Header.Get("Content-Type"), form})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if status >= 400 {
			_, _ = io.WriteString(w, `{"code": 21211, "message": "The 'To' number is not a valid phone number.", "status": 400}`)
			return
		}
		_, _ = io.WriteString(w, `{"sid": "SM123", "status": "queued"}`)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []smsRequest { mu.Lock(); defer mu.Unlock(); return append([]smsRequest(nil), got...) }
}

// The SMS adapter posts Twilio's exact request: form fields To, From, Body
// to /2010-04-01/Accounts/{sid}/Messages.json with basic auth.
func TestSMS_requestShape(t *testing.T) {
	t.Parallel()
	srv, got := fakeTwilio(t, http.StatusCreated)
	sms := channel.TwilioSMS{BaseURL: srv.URL + "/", AccountSID: "AC0123", AuthToken: "secret", From: "+15005550006"}
	require.NoError(t, sms.Send(context.Background(), channel.Message{To: "+919876543210", Body: "नमस्ते & hello"}))
	reqs := got()
	require.Len(t, reqs, 1)
	r := reqs[0]
	assert.Equal(t, "POST /2010-04-01/Accounts/AC0123/Messages.json", r.path)
	assert.Equal(t, "AC0123", r.user)
	assert.Equal(t, "secret", r.pass)
	assert.Equal(t, "application/x-www-form-urlencoded", r.contentType)
	assert.Equal(t, url.Values{"To": {"+919876543210"}, "From": {"+15005550006"}, "Body": {"नमस्ते & hello"}}, r.form)

	bad, _ := fakeTwilio(t, http.StatusBadRequest)
	sms.BaseURL = bad.URL
	err := sms.Send(context.Background(), channel.Message{To: "123", Body: "x"})
	require.ErrorContains(t, err, "not a valid phone number")
}

// With SMS configured, a user with a phone gets order messages by SMS too
// (text template), once.
func TestSMS_endToEnd(t *testing.T) {
	t.Parallel()
	srv, got := fakeTwilio(t, http.StatusCreated)
	e := newEnv(t, map[string]string{"SMS_BASE_URL": srv.URL, "SMS_ACCOUNT_SID": "AC9", "SMS_AUTH_TOKEN": "tok", "SMS_FROM": "PURRA"})
	user := e.register("Rahul", "rahul@example.in")
	e.deliver(uuid.NewString(), "user.updated", map[string]any{"userId": user, "name": "Rahul", "email": "rahul@example.in", "phone": "+919876543210"})
	event := uuid.NewString()
	status := map[string]any{"orderId": uuid.NewString(), "orderNumber": "PUR-5", "userId": user, "from": "PACKED", "to": "SHIPPED"}
	e.deliver(event, "order.status_changed", status)
	e.deliver(event, "order.status_changed", status)
	e.send()
	reqs := got()
	require.Len(t, reqs, 1)
	assert.Equal(t, "+919876543210", reqs[0].form.Get("To"))
	assert.Equal(t, "PURRA", reqs[0].form.Get("From"))
	assert.Equal(t, "Hi Rahul, your order PUR-5 is on its way.", reqs[0].form.Get("Body"))
	assert.Len(t, e.sink.Messages("rahul@example.in"), 2, "welcome and shipped")
}
