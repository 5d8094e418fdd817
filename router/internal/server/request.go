package server

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// params are the GraphQL-over-HTTP request parameters.
type params struct {
	Query         string          `json:"query"`
	OperationName string          `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
	DocumentID    string          `json:"documentId"`
}

type extensions struct {
	PersistedQuery *struct {
		SHA256Hash string `json:"sha256Hash"`
	} `json:"persistedQuery"`
}

var errBadRequest = &codedError{Message: "Request body is not a GraphQL request", Code: "BAD_REQUEST", Status: http.StatusBadRequest}

// readParams decodes a GET query string or a JSON POST body.
func readParams(r *http.Request) (*params, error) {
	var p params
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		p.Query = q.Get("query")
		p.OperationName = q.Get("operationName")
		p.DocumentID = q.Get("documentId")
		if v := q.Get("variables"); v != "" {
			p.Variables = json.RawMessage(v)
		}
		if v := q.Get("extensions"); v != "" {
			p.Extensions = json.RawMessage(v)
		}
	case http.MethodPost:
		ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		body, err := io.ReadAll(r.Body)
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				return nil, &codedError{Message: "Request body too large", Code: "PAYLOAD_TOO_LARGE", Status: http.StatusRequestEntityTooLarge}
			}
			return nil, errBadRequest
		}
		switch ct {
		case "application/graphql":
			p.Query = string(body)
		case "application/x-www-form-urlencoded":
			q, err := url.ParseQuery(string(body))
			if err != nil {
				return nil, errBadRequest
			}
			p.Query, p.OperationName, p.DocumentID = q.Get("query"), q.Get("operationName"), q.Get("documentId")
			if v := q.Get("variables"); v != "" {
				p.Variables = json.RawMessage(v)
			}
		default:
			if err := json.Unmarshal(body, &p); err != nil {
				return nil, errBadRequest
			}
		}
	default:
		return nil, &codedError{Message: "GraphQL only supports GET and POST requests.", Code: "METHOD_NOT_ALLOWED", Status: http.StatusMethodNotAllowed}
	}
	if p.DocumentID == "" && len(p.Extensions) > 0 {
		var ext extensions
		if json.Unmarshal(p.Extensions, &ext) == nil && ext.PersistedQuery != nil {
			p.DocumentID = ext.PersistedQuery.SHA256Hash
		}
	}
	return &p, nil
}
