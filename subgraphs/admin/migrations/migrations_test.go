package migrations

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/auth"
)

// The signing_keys table is defined by platform/auth; if the platform changes
// it, this migration must change with it.
func TestSigningKeysTableMatchesPlatform(t *testing.T) {
	raw, err := fs.ReadFile(FS, "001_signing_keys.sql")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), auth.SigningKeysDDL) {
		t.Fatalf("001_signing_keys.sql does not contain auth.SigningKeysDDL:\n%s", auth.SigningKeysDDL)
	}
}
