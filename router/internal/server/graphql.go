package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/google/uuid"

	"github.com/purra/supergraph/router/internal/engine"
)

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// serveGraphQL is /graphql: Playground, websocket upgrade, SSE, GET and POST.
func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	reqID := r.Header.Get("X-Request-Id")
	if reqID == "" || len(reqID) > 128 {
		reqID = uuid.NewString()
	}
	w.Header().Set("X-Request-Id", reqID)
	if !s.cors(w, r) {
		return
	}
	if isWebsocket(r) {
		s.serveWebsocket(w, r, reqID)
		return
	}
	if r.Method == http.MethodGet && s.settings.Playground && wantsHTML(r) && r.URL.Query().Get("query") == "" && r.URL.Query().Get("documentId") == "" {
		s.servePlayground(w)
		return
	}
	if s.settings.CSRFPrevention && csrfSuspect(r) {
		writeErrors(w, http.StatusForbidden, errCSRF)
		return
	}
	rec := &accessRecord{start: start, method: r.Method, path: r.URL.Path, requestID: reqID, status: http.StatusOK}
	defer s.logAccess(rec)
	c := s.clientOf(r, reqID)
	rec.client = c.name
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, s.settings.MaxBodyBytes)
	}
	p, err := readParams(r)
	if err != nil {
		rec.status = s.fail(w, err)
		return
	}
	rec.documentID = p.DocumentID
	rec.operationName = p.OperationName
	if err := s.resolveDocument(p, s.mayRunArbitrary(c)); err != nil {
		rec.status = s.fail(w, err)
		return
	}
	eng := s.current.Load()
	prepared, err := eng.Prepare(p.Query, p.OperationName, p.Variables, s.limits())
	if err != nil {
		rec.status = s.fail(w, err)
		return
	}
	rec.operationType = prepared.Type.String()
	if rec.operationName == "" {
		rec.operationName = operationNameOf(p.Query)
	}
	if r.Method == http.MethodGet && prepared.Type != engine.Query {
		rec.status = s.fail(w, &codedError{Message: "Can only perform a " + prepared.Type.String() + " operation from a POST request.", Code: "BAD_REQUEST", Status: http.StatusMethodNotAllowed})
		return
	}
	if prepared.Type == engine.Subscription {
		if !acceptsEventStream(r) {
			rec.status = s.fail(w, &codedError{Message: "Subscriptions need a websocket (graphql-transport-ws) or Accept: text/event-stream", Code: "BAD_REQUEST", Status: http.StatusBadRequest})
			return
		}
		s.serveSSE(w, r, eng, prepared, c)
		return
	}
	rec.status = s.execute(w, r, eng, prepared, c, p)
}

// execute runs a query or mutation, through the response cache when the
// caller is anonymous.
func (s *Server) execute(w http.ResponseWriter, r *http.Request, eng *engine.Engine, prepared *engine.Prepared, c client, p *params) int {
	var cacheKey string
	useCache := s.cache != nil && prepared.Type == engine.Query && c.authorization == ""
	if useCache {
		cacheKey = strconv.FormatUint(prepared.Hash, 16) + ":" + strconv.FormatUint(xxhash.Sum64(p.Variables), 16)
		if body, ok := s.cache.get(r.Context(), cacheKey); ok {
			s.metrics.responseCache.WithLabelValues("hit").Inc()
			return writeJSON(w, r, http.StatusOK, body)
		}
		s.metrics.responseCache.WithLabelValues("miss").Inc()
	}
	ctx, state := withState(r.Context())
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if err := eng.Execute(ctx, prepared, newSubgraphHeaders(c), buf); err != nil {
		if errors.Is(err, context.Canceled) {
			return 499
		}
		s.log.Error("execute", "err", err, "request_id", c.requestID)
		return s.fail(w, &codedError{Message: "Unexpected error.", Code: "INTERNAL_SERVER_ERROR", Status: http.StatusInternalServerError})
	}
	body, timedOut := maskErrors(buf.Bytes())
	status := http.StatusOK
	if timedOut || state.timedOut.Load() {
		status = http.StatusGatewayTimeout
	}
	if useCache && status == http.StatusOK && !bytes.Contains(body, []byte(`"errors"`)) {
		if ttl, ok := state.cacheable(s.settings.ResponseCacheTTL); ok {
			stored := bytes.Clone(body)
			s.cache.set(r.Context(), cacheKey, stored, ttl, entityIDs(stored))
		}
	}
	if prepared.Type == engine.Mutation && s.cache != nil {
		if ids := entityIDs(body); len(ids) > 0 {
			s.cache.evict(r.Context(), ids)
			s.metrics.responseCache.WithLabelValues("eviction").Add(float64(len(ids)))
		}
	}
	return writeJSON(w, r, status, body)
}

func (s *Server) limits() engine.Limits {
	return engine.Limits{MaxDepth: s.settings.MaxDepth, MaxTokens: s.settings.MaxTokens,
		MaxAliases: s.settings.MaxAliases, MaxCost: s.settings.MaxCost, DefaultListSize: s.settings.DefaultListSize}
}

// clientOf reads the caller's identity from the request headers.
func (s *Server) clientOf(r *http.Request, reqID string) client {
	h := r.Header
	c := client{
		authorization: normaliseAuthorization(h.Get("Authorization")),
		apolloName:    h.Get("Apollographql-Client-Name"),
		version:       h.Get("Apollographql-Client-Version"),
		requestID:     reqID,
		ip:            clientIP(r, s.settings.TrustedProxyHops),
		serviceToken:  s.serviceSigner.Token,
	}
	c.name = h.Get("X-Client-Name")
	if c.name == "" {
		c.name = c.apolloName
	}
	return c
}

// asCodedError gives any error of a request its client form: router and
// engine errors keep their code, anything else is an unexpected error.
func (s *Server) asCodedError(err error) *codedError {
	var ce *codedError
	var ee *engine.Error
	switch {
	case errors.As(err, &ce):
		return ce
	case errors.As(err, &ee):
		return &codedError{Message: ee.Message, Code: ee.Code, Status: ee.Status, Extensions: ee.Extensions}
	}
	s.log.Error("request failed", "err", err)
	return &codedError{Message: "Unexpected error.", Code: "INTERNAL_SERVER_ERROR", Status: http.StatusInternalServerError}
}

// fail writes a router error and returns the HTTP status.
func (s *Server) fail(w http.ResponseWriter, err error) int {
	ce := s.asCodedError(err)
	status := ce.Status
	if status == 0 {
		status = http.StatusOK
	}
	writeErrors(w, status, ce)
	return status
}

func writeJSON(w http.ResponseWriter, r *http.Request, status int, body []byte) int {
	ct := "application/json; charset=utf-8"
	if strings.Contains(r.Header.Get("Accept"), "application/graphql-response+json") {
		ct = "application/graphql-response+json; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body)
	return status
}

func wantsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

func acceptsEventStream(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/event-stream")
}

// operationNameOf finds the first operation's name for the access log.
func operationNameOf(doc string) string {
	for _, kw := range []string{"query", "mutation", "subscription"} {
		i := strings.Index(doc, kw+" ")
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(doc[i+len(kw):], " \t\r\n")
		end := strings.IndexFunc(rest, func(r rune) bool {
			return !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		})
		if end > 0 {
			return rest[:end]
		}
		if end < 0 && rest != "" {
			return rest
		}
	}
	return ""
}

// accessRecord is one access-log line.
type accessRecord struct {
	start                                                         time.Time
	method, path, requestID, client, operationName, operationType string
	documentID                                                    string
	status                                                        int
}

func (s *Server) logAccess(rec *accessRecord) {
	d := time.Since(rec.start)
	op := rec.operationType
	if op == "" {
		op = "none"
	}
	s.metrics.requests.WithLabelValues(op, strconv.Itoa(rec.status)).Observe(d.Seconds())
	if !s.settings.AccessLog {
		return
	}
	attrs := []any{"method", rec.method, "path", rec.path, "status", rec.status,
		"durationMs", float64(d.Microseconds()) / 1000, "requestId", rec.requestID}
	if rec.operationName != "" {
		attrs = append(attrs, "operationName", rec.operationName)
	}
	if rec.documentID != "" {
		attrs = append(attrs, "documentId", rec.documentID)
	}
	if rec.client != "" {
		attrs = append(attrs, "client", rec.client)
	}
	s.log.Info("request", attrs...)
}
