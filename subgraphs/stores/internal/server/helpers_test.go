package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/purra/supergraph/platform/india"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/kafka"
	"github.com/purra/supergraph/platform/pg"
	"github.com/purra/supergraph/platform/service"
	"github.com/purra/supergraph/platform/servicetest"

	"github.com/purra/supergraph/subgraphs/stores/internal/server"
)

// Users of the tests.
const (
	vikram   = "01937a00-0000-7000-8000-000000000003" // approved owner, PAN AABCT1234H
	neha     = "01937a00-0000-7000-8000-000000000004" // approved owner, PAN AAACX9999Q
	pending  = "01937a00-0000-7000-8000-000000000005" // OWNER role, never approved here
	rahul    = "01937a00-0000-7000-8000-000000000001" // a customer
	adminID  = "01937a00-0000-7000-8000-0000000000b1"
	vikramGS = "29AABCT1234H1ZI"
)

// nehaGSTIN is Neha's Karnataka GSTIN (PAN AAACX9999Q).
var nehaGSTIN = "29AAACX9999Q1Z" + string(india.GSTINCheckChar("29AAACX9999Q1Z"))

type env struct {
	t   *testing.T
	d   *service.Deps
	h   http.Handler
	iss *servicetest.Issuer
}

// newEnv serves the stores subgraph on a fresh database, with Vikram and
// Neha approved through owner.approved as users would publish it.
func newEnv(t *testing.T) *env {
	t.Helper()
	spec := server.Spec()
	iss := servicetest.NewIssuer(t)
	d := servicetest.Deps(t, spec, iss)
	_, h := servicetest.Serve(t, spec, d)
	e := &env{t: t, d: d, h: h, iss: iss}
	e.approve(vikram, vikramGS, "TechHub Electronics Pvt Ltd")
	e.approve(neha, nehaGSTIN, "Neha Gadgets LLP")
	return e
}

func (e *env) owner(id string) string { return e.iss.Token(e.t, id, "OWNER") }
func (e *env) customer() string       { return e.iss.Token(e.t, rahul, "CUSTOMER") }
func (e *env) admin() string          { return e.iss.Token(e.t, adminID, "ADMIN", "stores:approve") }

// do runs an operation as auth ("" for anonymous) and decodes data into out.
func (e *env) do(auth, query string, vars map[string]any, out any) servicetest.Response {
	e.t.Helper()
	return servicetest.Do(e.t, e.h, auth, query, vars, out)
}

// mustDo is do that fails the test on any GraphQL error.
func (e *env) mustDo(auth, query string, vars map[string]any, out any) {
	e.t.Helper()
	if r := e.do(auth, query, vars, out); len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
}

// requireError asserts one error with code (and field/reason when given).
func requireError(t *testing.T, r servicetest.Response, code, field, reason string) {
	t.Helper()
	require.NotEmpty(t, r.Errors, "expected %s", code)
	require.Equal(t, code, r.Code(), "%+v", r.Errors)
	if field != "" {
		require.Equal(t, field, r.Errors[0].Extensions["field"], "%+v", r.Errors)
	}
	if reason != "" {
		require.Equal(t, reason, r.Errors[0].Extensions["reason"], "%+v", r.Errors)
	}
}

// counted runs an operation with every SQL query under it counted.
func (e *env) counted(auth, query string, vars map[string]any, out any) int64 {
	e.t.Helper()
	ctx, n := pg.CountQueries(context.Background())
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	var resp servicetest.Response
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
		e.t.Fatalf("counted request: %v %s", err, rec.Body.String())
	}
	if out != nil {
		require.NoError(e.t, json.Unmarshal(resp.Data, out))
	}
	return n.Load()
}

// deliver applies an event through the registered consumer handler, as the
// Kafka consumer would, and returns its envelope (deliver it again with redeliver).
func (e *env) deliver(eventType, aggregateID string, at time.Time, payload any) kafka.Envelope {
	e.t.Helper()
	raw, err := json.Marshal(payload)
	require.NoError(e.t, err)
	env := kafka.Envelope{ID: uuid.Must(uuid.NewV7()).String(), Type: eventType, Version: 1,
		OccurredAt: at, AggregateID: aggregateID, Payload: raw}
	e.redeliver(env)
	return env
}

func (e *env) redeliver(env kafka.Envelope) {
	e.t.Helper()
	h, ok := e.d.Consumer.Handler(env.Type)
	require.True(e.t, ok, "no handler for %s", env.Type)
	require.NoError(e.t, e.d.Consumer.Apply(context.Background(), env, h))
}

// ownerEvent delivers users' owner.approved or owner.rejected for userID.
func (e *env) ownerEvent(eventType, userID, gstin, business string, at time.Time) kafka.Envelope {
	e.t.Helper()
	return e.deliver(eventType, userID, at, map[string]any{
		"ownerId": uuid.Must(uuid.NewV7()).String(), "userId": userID, "businessName": business,
		"gstin": gstin, "pan": india.PANOfGSTIN(gstin), "reason": nil,
	})
}

func (e *env) approve(userID, gstin, business string) {
	e.ownerEvent("owner.approved", userID, gstin, business, time.Now().UTC())
}

// count returns a single integer from SQL.
func (e *env) count(sql string, args ...any) int {
	e.t.Helper()
	var n int
	require.NoError(e.t, e.d.DB.QueryRow(context.Background(), sql, args...).Scan(&n), sql)
	return n
}

// events returns the payloads of the outbox events of a type keyed by key.
func (e *env) events(eventType, key string) []map[string]any {
	e.t.Helper()
	rows, err := e.d.DB.Query(context.Background(),
		`SELECT envelope->'payload' FROM outbox WHERE type = $1 AND key = $2 ORDER BY seq`, eventType, key)
	require.NoError(e.t, err)
	defer rows.Close()
	var out []map[string]any
	for rows.Next() {
		var p map[string]any
		require.NoError(e.t, rows.Scan(&p))
		out = append(out, p)
	}
	require.NoError(e.t, rows.Err())
	return out
}

const storeFields = `id name slug description logoUrl gstin status suspensionReason createdAt updatedAt
	owner { id } pickupAddress { line1 line2 city state pinCode }`

// storeOut is a Store as the tests read it.
type storeOut struct {
	ID, Name, Slug, Gstin, Status string
	Description                   *string
	LogoURL                       *string `json:"logoUrl"`
	SuspensionReason              *string
	Owner                         struct{ ID string }
	PickupAddress                 struct {
		Line1, City, State, PinCode string
		Line2                       *string
	}
}

const createQ = `mutation($in: CreateStoreInput!) { createStore(input: $in) { ` + storeFields + ` } }`

// storeInput is a valid CreateStoreInput in Karnataka; edit it per test.
func storeInput(name string) map[string]any {
	return map[string]any{"name": name, "pickupAddress": map[string]any{
		"line1": "12, 100 Feet Road", "line2": "Indiranagar", "city": "Bengaluru", "state": "KARNATAKA", "pinCode": "560038"}}
}

// create opens a store as ownerID and returns it.
func (e *env) create(ownerID string, in map[string]any) storeOut {
	e.t.Helper()
	var out struct{ CreateStore storeOut }
	e.mustDo(e.owner(ownerID), createQ, map[string]any{"in": in}, &out)
	return out.CreateStore
}

// activate creates a store as ownerID and has the admin approve it.
func (e *env) activate(ownerID, name string) storeOut {
	e.t.Helper()
	s := e.create(ownerID, storeInput(name))
	e.mustDo(e.admin(), `mutation($id: ID!) { approveStore(id: $id) { id } }`, map[string]any{"id": s.ID}, nil)
	s.Status = "ACTIVE"
	return s
}
