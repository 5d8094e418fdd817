package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// wsConn is one shopper's graphql-transport-ws connection to the router, the
// way the storefront holds its subscriptions (web/shared/src/client.ts: the
// token in connectionParams), multiplexing subscriptions by id.
type wsConn struct {
	c      *websocket.Conn
	nextID atomic.Int64
	mu     sync.Mutex
	subs   map[string]chan wsMessage
}

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func dialWS(ctx context.Context, httpURL, token string) (*wsConn, error) {
	url := "ws" + strings.TrimPrefix(httpURL, "http")
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		return nil, fmt.Errorf("websocket: %w", err)
	}
	c.SetReadLimit(1 << 20)
	init, _ := json.Marshal(map[string]any{"type": "connection_init", "payload": map[string]any{"Authorization": "Bearer " + token}})
	if err := c.Write(ctx, websocket.MessageText, init); err != nil {
		return nil, err
	}
	actx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, b, err := c.Read(actx)
	var ack wsMessage
	if err != nil || json.Unmarshal(b, &ack) != nil || ack.Type != "connection_ack" {
		c.CloseNow()
		return nil, fmt.Errorf("websocket: no connection_ack (%v, %s)", err, b)
	}
	w := &wsConn{c: c, subs: map[string]chan wsMessage{}}
	go w.read(context.WithoutCancel(ctx))
	return w, nil
}

// read dispatches messages to their subscription and answers pings.
func (w *wsConn) read(ctx context.Context) {
	defer func() {
		w.mu.Lock()
		for id, ch := range w.subs {
			close(ch)
			delete(w.subs, id)
		}
		w.mu.Unlock()
	}()
	for {
		_, b, err := w.c.Read(ctx)
		if err != nil {
			return
		}
		var m wsMessage
		if json.Unmarshal(b, &m) != nil {
			continue
		}
		if m.Type == "ping" {
			_ = w.c.Write(ctx, websocket.MessageText, []byte(`{"type":"pong"}`))
			continue
		}
		w.mu.Lock()
		ch := w.subs[m.ID]
		w.mu.Unlock()
		if ch != nil {
			select {
			case ch <- m:
			default: // nobody is listening any more
			}
		}
	}
}

// subscribe starts a subscription; its next/error/complete messages arrive on
// the channel until unsubscribe.
func (w *wsConn) subscribe(ctx context.Context, query string, vars map[string]any) (string, <-chan wsMessage, error) {
	id := strconv.FormatInt(w.nextID.Add(1), 10)
	ch := make(chan wsMessage, 8)
	w.mu.Lock()
	w.subs[id] = ch
	w.mu.Unlock()
	b, _ := json.Marshal(map[string]any{"id": id, "type": "subscribe", "payload": map[string]any{"query": query, "variables": vars}})
	if err := w.c.Write(ctx, websocket.MessageText, b); err != nil {
		w.forget(id)
		return "", nil, err
	}
	return id, ch, nil
}

func (w *wsConn) unsubscribe(ctx context.Context, id string) {
	w.forget(id)
	b, _ := json.Marshal(map[string]any{"id": id, "type": "complete"})
	_ = w.c.Write(ctx, websocket.MessageText, b)
}

func (w *wsConn) forget(id string) {
	w.mu.Lock()
	delete(w.subs, id)
	w.mu.Unlock()
}

func (w *wsConn) close() { _ = w.c.Close(websocket.StatusNormalClosure, "") }
