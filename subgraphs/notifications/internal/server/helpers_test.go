package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"
	"github.com/purra/supergraph/subgraphs/notifications/internal/server"
	"github.com/purra/supergraph/subgraphs/notifications/internal/store"
	"github.com/purra/supergraph/subgraphs/notifications/seed"
	"github.com/purra/supergraph/tools/smtpsink"
)

// env is one subgraph on a fresh database with a real SMTP sink.
type env struct {
	t    *testing.T
	iss  *servicetest.Issuer
	d    *service.Deps
	h    http.Handler
	sink *smtpsink.Sink
	w    server.Workers
	st   *store.Store
	vars map[string]string
}

// newEnv starts the sink and the subgraph; extra overrides the environment.
func newEnv(t *testing.T, extra map[string]string) *env {
	t.Helper()
	sink, err := smtpsink.Start("127.0.0.1:0", "")
	require.NoError(t, err)
	t.Cleanup(sink.Close)
	host, port, _ := net.SplitHostPort(sink.SMTPAddr())
	vars := map[string]string{"SMTP_HOST": host, "SMTP_PORT": port, "NOTIFY_RETRY_BACKOFF": "1ms"}
	for k, v := range extra {
		vars[k] = v
	}
	e := &env{t: t, iss: servicetest.NewIssuer(t), sink: sink, vars: vars}
	e.d = servicetest.Deps(t, server.Spec(), e.iss)
	e.d.Getenv = func(k string) string {
		if v, ok := vars[k]; ok {
			return v
		}
		return os.Getenv(k)
	}
	_, e.h = servicetest.Serve(t, server.Spec(), e.d)
	_, e.w, err = server.Wire(e.d)
	require.NoError(t, err)
	e.st = store.New(e.d.DB)
	require.NoError(t, seed.Run(context.Background(), e.st, e.d.Log))
	return e
}

// deliver applies an event through its registered handler, like Kafka would.
func (e *env) deliver(eventID, eventType string, payload any) {
	e.t.Helper()
	h, ok := e.d.Consumer.Handler(eventType)
	require.True(e.t, ok, "no handler for %s", eventType)
	raw, err := json.Marshal(payload)
	require.NoError(e.t, err)
	env := kafka.Envelope{ID: eventID, Type: eventType, Version: 1, OccurredAt: time.Now().UTC(), Payload: raw}
	require.NoError(e.t, e.d.Consumer.Apply(context.Background(), env, h))
}

// register makes a shopper known (user.registered) and returns their id.
func (e *env) register(name, email string) string {
	e.t.Helper()
	id := uuid.Must(uuid.NewV7()).String()
	e.deliver(uuid.NewString(), "user.registered", map[string]any{"userId": id, "name": name, "email": email, "role": "CUSTOMER"})
	return id
}

// send runs the sender until no email or SMS is queued any more (each sent
// or FAILED), waiting out the short test backoff between attempts.
func (e *env) send() {
	e.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		n, err := e.w.Sender.SendDue(context.Background())
		require.NoError(e.t, err)
		if n == 0 && e.count(`SELECT count(*) FROM notifications WHERE status = 'QUEUED' AND channel <> 'IN_APP'`) == 0 {
			return
		}
		if n == 0 {
			time.Sleep(5 * time.Millisecond)
		}
	}
	e.t.Fatal("sender did not finish")
}

func (e *env) token(subject, role string, scopes ...string) string {
	return e.iss.Token(e.t, subject, role, scopes...)
}

func (e *env) admin() string {
	return e.token("01937a00-0000-7000-8000-0000000000b4", "ADMIN", "notifications:send")
}

func (e *env) do(authz, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, e.h, authz, query, vars, out)
}

// count runs a count(*) query.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n))
	return n
}

func (e *env) outbox(eventType string) int {
	return e.count(`SELECT count(*) FROM outbox WHERE type = $1`, eventType)
}

// countedDo posts a query under pg.CountQueries and returns the response
// and how many SQL queries it ran.
func (e *env) countedDo(authz, query string, vars map[string]any, out any) (servicetest.Response, int64) {
	e.t.Helper()
	ctx, n := pg.CountQueries(context.Background())
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", authz)
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var resp servicetest.Response
	require.NoError(e.t, json.Unmarshal(rec.Body.Bytes(), &resp), rec.Body.String())
	if out != nil && len(resp.Data) > 0 {
		require.NoError(e.t, json.Unmarshal(resp.Data, out))
	}
	return resp, n.Load()
}

func ok(t *testing.T, r servicetest.Response) {
	t.Helper()
	require.Empty(t, r.Errors, "unexpected errors: %+v", r.Errors)
}

func wantErr(t *testing.T, r servicetest.Response, code, field string) {
	t.Helper()
	require.NotEmpty(t, r.Errors, "want %s", code)
	require.Equal(t, code, r.Code(), "%+v", r.Errors)
	if field != "" {
		require.Equal(t, field, r.Errors[0].Extensions["field"], "%+v", r.Errors)
	}
}

// freePort returns a port nothing listens on (an SMTP server that is down).
func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	return strconv.Itoa(port)
}
