package server

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// Persisted is the manifest router/persisted-operations.json
// ({ "<sha256 hex>": "<document>" }, built by supergraph/persisted.mjs).
type Persisted struct {
	byID      map[string]string
	documents map[string]struct{}
}

// LoadPersisted reads the manifest; a missing file is an empty manifest
// unless only persisted operations are allowed.
func LoadPersisted(path string, required bool) (*Persisted, error) {
	p := &Persisted{byID: map[string]string{}, documents: map[string]struct{}{}}
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) && !required {
		return p, nil
	}
	if err != nil {
		return nil, fmt.Errorf("persisted operations: %w", err)
	}
	var manifest map[string]string
	if err := json.Unmarshal(raw, &manifest); err != nil {
		return nil, fmt.Errorf("persisted operations %s: %w", path, err)
	}
	for id, doc := range manifest {
		p.byID[strings.ToLower(id)] = doc
		p.documents[doc] = struct{}{}
	}
	return p, nil
}

// Len is the number of operations.
func (p *Persisted) Len() int { return len(p.byID) }

// Lookup returns the document of an id (an optional "sha256:" prefix is accepted).
func (p *Persisted) Lookup(id string) (string, bool) {
	doc, ok := p.byID[normaliseID(id)]
	return doc, ok
}

// IsPersisted tells whether a document is the exact text of a persisted one.
func (p *Persisted) IsPersisted(doc string) bool {
	_, ok := p.documents[doc]
	return ok
}

func normaliseID(id string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(id)), "sha256:")
}

var (
	errPersistedNotFound = &codedError{Message: "PersistedQueryNotFound", Code: "PERSISTED_QUERY_NOT_FOUND"}
	errPersistedOnly     = &codedError{Message: "Only persisted operations are allowed for this client: send documentId or extensions.persistedQuery.sha256Hash", Code: "PERSISTED_QUERY_ONLY"}
	errPersistedRequired = &codedError{Message: "Send a query, documentId or extensions.persistedQuery.sha256Hash", Code: "PERSISTED_QUERY_ID_REQUIRED"}
)

// resolveDocument applies the persisted-operation policy: an id is looked
// up; a client that may only run persisted operations may still send the
// exact text of one; nothing at all is refused.
func (s *Server) resolveDocument(p *params, mayRunArbitrary bool) error {
	if p.DocumentID != "" {
		if doc, ok := s.persisted.Lookup(p.DocumentID); ok {
			p.Query = doc
			return nil
		}
		if p.Query == "" || !mayRunArbitrary {
			return errPersistedNotFound
		}
	}
	if p.Query == "" {
		return errPersistedRequired
	}
	if !mayRunArbitrary && !s.persisted.IsPersisted(p.Query) {
		return errPersistedOnly
	}
	return nil
}
