package channel

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// TwilioSMS sends text messages through a Twilio-style REST API: a form
// POST to {BaseURL}/2010-04-01/Accounts/{AccountSID}/Messages.json with
// basic auth (account SID, auth token) and the fields To, From, Body.
type TwilioSMS struct {
	BaseURL    string // "https://api.twilio.com"
	AccountSID string
	AuthToken  string
	From       string // sender number or id
	Client     *http.Client
}

// Send posts m; any answer but 2xx is an error carrying the provider's message.
func (t TwilioSMS) Send(ctx context.Context, m Message) error {
	endpoint := strings.TrimSuffix(t.BaseURL, "/") + "/2010-04-01/Accounts/" + url.PathEscape(t.AccountSID) + "/Messages.json"
	form := url.Values{"To": {m.To}, "From": {t.From}, "Body": {m.Body}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("sms request: %w", err)
	}
	req.SetBasicAuth(t.AccountSID, t.AuthToken)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	client := t.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	res, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("sms send: %w", err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if res.StatusCode/100 == 2 {
		return nil
	}
	var apiErr struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &apiErr) == nil && apiErr.Message != "" {
		return fmt.Errorf("sms provider %d: %s (code %d)", res.StatusCode, apiErr.Message, apiErr.Code)
	}
	return fmt.Errorf("sms provider answered %d", res.StatusCode)
}
