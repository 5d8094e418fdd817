package engine

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// hb is a fixed SubgraphHeadersBuilder.
type hb struct {
	h http.Header
	n uint64
}

func (x hb) HeadersForSubgraph(string) (http.Header, uint64) { return x.h, x.n }
func (x hb) HashAll() uint64                                 { return x.n }

// TestPlansSurviveDocumentReuse: cached plans must not point into the
// pooled request document. Replaying the storefront's sequence (product
// page, login, refused mutations, product page, login) once lost the
// variables and mangled field names of later requests.
func TestPlansSurviveDocumentReuse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s := string(b)
		switch {
		case strings.Contains(s, "null"):
			w.Write([]byte(`{"errors":[{"message":"cannot be null"}],"data":null}`))
		case strings.Contains(s, "login"):
			w.Write([]byte(`{"data":{"login":{"accessToken":"t","expiresAt":"x","refreshToken":"r","refreshTokenExpiresAt":"y","user":{"id":"1","name":"n","email":"e","phone":null,"gstin":null,"role":"CUSTOMER","createdAt":"z"}}}}`))
		case strings.Contains(s, "updateVariant"):
			w.Write([]byte(`{"errors":[{"message":"sign in required","path":["updateVariant"],"extensions":{"code":"UNAUTHENTICATED"}}],"data":null}`))
		default:
			w.Write([]byte(`{"data":{"product":null}}`))
		}
	}))
	defer srv.Close()
	raw, err := os.ReadFile("../../../supergraph/supergraph.graphql")
	require.NoError(t, err)
	e, err := New(raw, Config{SubgraphURL: func(string, string) string { return srv.URL }})
	require.NoError(t, err)
	defer e.Close()
	login, _ := os.ReadFile("../../../operations/storefront/Login.graphql")
	pbs, _ := os.ReadFile("../../../operations/storefront/ProductBySlug.graphql")
	m := "mutation($input: UpdateVariantInput!) {\n  updateVariant(input: $input) { variant { id price { paise formatted } } }\n}"
	for i, qv := range [][2]string{
		{string(pbs), `{"slug":"x"}`},
		{string(login), `{"input":{"email":"a","password":"b"}}`},
		{m, `{"input":{"id":"x","price":1}}`},
		{m, `{"input":{"id":"x","price":1}}`},
		{string(pbs), `{"slug":"x"}`},
		{string(login), `{"input":{"email":"c","password":"d"}}`},
	} {
		p, err := e.Prepare(qv[0], "", []byte(qv[1]), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		h := hb{h: http.Header{"Authorization": []string{"Bearer x"}}, n: 7}
		if i == 3 {
			h = hb{h: http.Header{}, n: 9}
		}
		require.NoError(t, e.Execute(context.Background(), p, h, &buf))
		require.NotContains(t, buf.String(), "cannot be null", "request %d lost its variables", i)
		require.NotContains(t, buf.String(), "formatt\"", "request %d", i)
	}
}
