package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/purra/supergraph/router/internal/engine"
)

// eventWriter adapts the engine's subscription writer: each flushed event
// is masked like an HTTP response and handed to send.
type eventWriter struct {
	buf      bytes.Buffer
	send     func(payload []byte) error
	complete func()
	once     sync.Once
}

func (e *eventWriter) Write(p []byte) (int, error) { return e.buf.Write(p) }

func (e *eventWriter) Flush() error {
	if e.buf.Len() == 0 {
		return nil
	}
	payload, _ := maskErrors(bytes.Clone(e.buf.Bytes()))
	e.buf.Reset()
	return e.send(payload)
}

func (e *eventWriter) Complete()        { e.once.Do(e.complete) }
func (e *eventWriter) Heartbeat() error { return nil }
func (e *eventWriter) Error(data []byte) {
	payload, _ := maskErrors(data)
	_ = e.send(payload)
	e.Complete()
}

// serveSSE streams a subscription as Server-Sent Events (GraphQL over SSE,
// distinct connections mode): "next" events, then "complete".
func (s *Server) serveSSE(w http.ResponseWriter, r *http.Request, eng *engine.Engine, prepared *engine.Prepared, c client) {
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("Connection", "keep-alive")
	w.WriteHeader(http.StatusOK)
	_ = rc.Flush()
	var mu sync.Mutex
	write := func(event string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		if _, err := w.Write([]byte("event: " + event + "\ndata: ")); err != nil {
			return err
		}
		_, _ = w.Write(data)
		_, _ = w.Write([]byte("\n\n"))
		return rc.Flush()
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	ew := &eventWriter{send: func(p []byte) error { return write("next", p) }, complete: cancel}
	go keepAlive(ctx, func() error {
		mu.Lock()
		defer mu.Unlock()
		if _, err := w.Write([]byte(":\n\n")); err != nil {
			return err
		}
		return rc.Flush()
	})
	err := eng.Subscribe(ctx, prepared, newSubgraphHeaders(c), initialPayload(c), ew)
	if err != nil && !errors.Is(err, context.Canceled) {
		payload, _ := json.Marshal(gqlResponse{Errors: []gqlError{{Message: "Unexpected error.", Extensions: map[string]any{"code": "INTERNAL_SERVER_ERROR"}}}})
		_ = write("next", payload)
	}
	_ = write("complete", []byte("{}"))
}

func keepAlive(ctx context.Context, ping func() error) {
	t := time.NewTicker(15 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if ping() != nil {
				return
			}
		}
	}
}

// initialPayload is the connection_init payload for the subgraph websocket:
// the caller's token, as Hive sends it.
func initialPayload(c client) []byte {
	if c.authorization == "" {
		return nil
	}
	b, _ := json.Marshal(map[string]string{"Authorization": c.authorization})
	return b
}

func isWebsocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// wsMessage is a graphql-transport-ws message.
type wsMessage struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// serveWebsocket speaks graphql-transport-ws to clients: connection_init
// (connectionParams carry the token and client name), subscribe, next,
// error, complete, ping/pong. Queries and mutations work over it too.
func (s *Server) serveWebsocket(w http.ResponseWriter, r *http.Request, reqID string) {
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{
		Subprotocols:       []string{"graphql-transport-ws"},
		InsecureSkipVerify: true, // origins are checked by s.originAllowed below
	})
	if err != nil {
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && !s.originAllowed(origin) {
		conn.Close(4403, "Forbidden origin")
		return
	}
	if conn.Subprotocol() != "graphql-transport-ws" {
		conn.Close(websocket.StatusProtocolError, "Subprotocol not acceptable")
		return
	}
	conn.SetReadLimit(s.settings.MaxBodyBytes)
	ws := &wsSession{s: s, conn: conn, r: r, reqID: reqID, ops: map[string]context.CancelFunc{}}
	ws.run()
}

type wsSession struct {
	s       *Server
	conn    *websocket.Conn
	r       *http.Request
	reqID   string
	writeMu sync.Mutex
	mu      sync.Mutex
	ops     map[string]context.CancelFunc
	client  client
	acked   bool
	wg      sync.WaitGroup
}

func (ws *wsSession) send(m wsMessage) error {
	b, _ := json.Marshal(m)
	ws.writeMu.Lock()
	defer ws.writeMu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return ws.conn.Write(ctx, websocket.MessageText, b)
}

func (ws *wsSession) run() {
	ctx, cancel := context.WithCancel(ws.r.Context())
	defer func() {
		cancel()
		ws.wg.Wait()
	}()
	initTimer := time.AfterFunc(10*time.Second, func() {
		if !ws.isAcked() {
			ws.conn.Close(4408, "Connection initialisation timeout")
		}
	})
	defer initTimer.Stop()
	for {
		_, data, err := ws.conn.Read(ctx)
		if err != nil {
			return
		}
		var m wsMessage
		if json.Unmarshal(data, &m) != nil {
			ws.conn.Close(4400, "Invalid message")
			return
		}
		switch m.Type {
		case "connection_init":
			if ws.isAcked() {
				ws.conn.Close(4429, "Too many initialisation requests")
				return
			}
			ws.client = ws.clientFrom(m.Payload)
			ws.mu.Lock()
			ws.acked = true
			ws.mu.Unlock()
			_ = ws.send(wsMessage{Type: "connection_ack"})
		case "ping":
			_ = ws.send(wsMessage{Type: "pong"})
		case "pong":
		case "subscribe":
			if !ws.isAcked() {
				ws.conn.Close(4401, "Unauthorized")
				return
			}
			ws.subscribe(ctx, m)
		case "complete":
			ws.mu.Lock()
			if stop, ok := ws.ops[m.ID]; ok {
				stop()
				delete(ws.ops, m.ID)
			}
			ws.mu.Unlock()
		default:
			ws.conn.Close(4400, "Unknown message type")
			return
		}
	}
}

func (ws *wsSession) isAcked() bool {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return ws.acked
}

// clientFrom merges connectionParams over the upgrade request's headers.
func (ws *wsSession) clientFrom(payload json.RawMessage) client {
	c := ws.s.clientOf(ws.r, ws.reqID)
	var params map[string]any
	_ = json.Unmarshal(payload, &params)
	get := func(name string) string {
		for k, v := range params {
			if s, ok := v.(string); ok && s != "" && strings.EqualFold(k, name) {
				return s
			}
		}
		return ""
	}
	if v := get("authorization"); v != "" {
		c.authorization = normaliseAuthorization(v)
	} else if v := get("authToken"); v != "" {
		c.authorization = normaliseAuthorization(v)
	} else if v := get("token"); v != "" {
		c.authorization = normaliseAuthorization(v)
	}
	if v := get("x-client-name"); v != "" {
		c.name = v
	} else if v := get("apollographql-client-name"); v != "" {
		c.name, c.apolloName = v, v
	}
	if v := get("apollographql-client-version"); v != "" {
		c.version = v
	}
	return c
}

func (ws *wsSession) subscribe(parent context.Context, m wsMessage) {
	ws.mu.Lock()
	if _, dup := ws.ops[m.ID]; dup || m.ID == "" {
		ws.mu.Unlock()
		ws.conn.Close(4409, "Subscriber for "+m.ID+" already exists")
		return
	}
	ctx, cancel := context.WithCancel(parent)
	ws.ops[m.ID] = cancel
	ws.mu.Unlock()
	ws.wg.Add(1)
	go func() {
		defer ws.wg.Done()
		defer func() {
			cancel()
			ws.mu.Lock()
			delete(ws.ops, m.ID)
			ws.mu.Unlock()
		}()
		ws.runOperation(ctx, m)
	}()
}

func (ws *wsSession) runOperation(ctx context.Context, m wsMessage) {
	s := ws.s
	fail := func(err error) {
		ce := s.asCodedError(err)
		payload, _ := json.Marshal([]gqlError{{Message: ce.Message, Extensions: map[string]any{"code": ce.Code}}})
		_ = ws.send(wsMessage{Type: "error", ID: m.ID, Payload: payload})
	}
	var p params
	if err := json.Unmarshal(m.Payload, &p); err != nil {
		fail(errBadRequest)
		return
	}
	if p.DocumentID == "" && len(p.Extensions) > 0 {
		var ext extensions
		if json.Unmarshal(p.Extensions, &ext) == nil && ext.PersistedQuery != nil {
			p.DocumentID = ext.PersistedQuery.SHA256Hash
		}
	}
	if err := s.resolveDocument(&p, s.mayRunArbitrary(ws.client)); err != nil {
		fail(err)
		return
	}
	eng := s.current.Load()
	prepared, err := eng.Prepare(p.Query, p.OperationName, p.Variables, s.limits())
	if err != nil {
		fail(err)
		return
	}
	sendNext := func(payload []byte) error {
		return ws.send(wsMessage{Type: "next", ID: m.ID, Payload: payload})
	}
	if prepared.Type != engine.Subscription {
		var buf bytes.Buffer
		if err := eng.Execute(ctx, prepared, newSubgraphHeaders(ws.client), &buf); err != nil {
			fail(err)
			return
		}
		body, _ := maskErrors(buf.Bytes())
		_ = sendNext(body)
		_ = ws.send(wsMessage{Type: "complete", ID: m.ID})
		return
	}
	subCtx, stop := context.WithCancel(ctx)
	defer stop()
	ew := &eventWriter{send: sendNext, complete: stop}
	err = eng.Subscribe(subCtx, prepared, newSubgraphHeaders(ws.client), initialPayload(ws.client), ew)
	if ctx.Err() != nil {
		return // the client completed it or went away: no complete to send
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		fail(err)
		return
	}
	_ = ws.send(wsMessage{Type: "complete", ID: m.ID})
}
