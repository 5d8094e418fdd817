package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
)

// codedError is an error of the router itself, for the client.
type codedError struct {
	Message    string
	Code       string
	Status     int            // HTTP status when it is the only error; 0: 200
	Extensions map[string]any // besides the code
}

func (e *codedError) Error() string { return e.Message }

// clientErrorCodes are the codes subgraphs give for the client's own
// mistakes: their message is meant for the client (platform/errs), so it is
// passed through; any other subgraph error is masked.
var clientErrorCodes = map[string]bool{
	"BAD_USER_INPUT": true, "UNAUTHENTICATED": true, "FORBIDDEN": true, "NOT_FOUND": true, "CONFLICT": true,
	"RATE_LIMITED": true, "SERVICE_UNAVAILABLE": true, "GRAPHQL_VALIDATION_FAILED": true, "GRAPHQL_PARSE_FAILED": true,
	"PERSISTED_QUERY_NOT_FOUND": true, "PERSISTED_QUERY_ONLY": true, "PERSISTED_QUERY_ID_REQUIRED": true, "GATEWAY_TIMEOUT": true,
	"ALIAS_LIMIT_EXCEEDED": true, "COST_LIMIT_EXCEEDED": true,
}

type gqlError struct {
	Message    string          `json:"message"`
	Locations  json.RawMessage `json:"locations,omitempty"`
	Path       json.RawMessage `json:"path,omitempty"`
	Extensions map[string]any  `json:"extensions,omitempty"`
}

type gqlResponse struct {
	Errors     []gqlError      `json:"errors,omitempty"`
	Data       json.RawMessage `json:"data,omitempty"`
	Extensions json.RawMessage `json:"extensions,omitempty"`
}

// maskErrors rewrites the errors of an engine response: an error keeps its
// message only with a client error code (and only code, field, reason of
// its extensions); anything else becomes "Unexpected error." so no internal
// detail (SQL, hosts, stack) leaks. The engine's null-in-non-null-field
// errors pass unchanged.
func maskErrors(body []byte) ([]byte, bool) {
	if !bytes.Contains(body, []byte(`"errors"`)) {
		return body, false
	}
	var resp gqlResponse
	if err := json.Unmarshal(body, &resp); err != nil || len(resp.Errors) == 0 {
		return body, false
	}
	timeout := false
	for i, e := range resp.Errors {
		code, _ := e.Extensions["code"].(string)
		if code == "GATEWAY_TIMEOUT" {
			timeout = true
		}
		if clientErrorCodes[code] {
			ext := map[string]any{"code": code}
			for _, k := range []string{"field", "reason", "retryable", "subgraph"} {
				if v, ok := e.Extensions[k]; ok {
					ext[k] = v
				}
			}
			resp.Errors[i] = gqlError{Message: e.Message, Locations: e.Locations, Path: e.Path, Extensions: ext}
			continue
		}
		if strings.HasPrefix(e.Message, "Cannot return null for non-nullable field") {
			continue // the engine's own, about the response shape
		}
		resp.Errors[i] = gqlError{Message: "Unexpected error.", Path: e.Path, Extensions: map[string]any{"code": "INTERNAL_SERVER_ERROR"}}
	}
	out, err := json.Marshal(resp)
	if err != nil {
		return body, timeout
	}
	return out, timeout
}

// writeErrors answers with router errors only (no data).
func writeErrors(w http.ResponseWriter, status int, errs ...*codedError) {
	resp := gqlResponse{}
	for _, e := range errs {
		ext := map[string]any{"code": e.Code}
		for k, v := range e.Extensions {
			ext[k] = v
		}
		resp.Errors = append(resp.Errors, gqlError{Message: e.Message, Extensions: ext})
	}
	body, _ := json.Marshal(resp)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
