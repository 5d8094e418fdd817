package review

import (
	"errors"
	"strings"
	"testing"

	"github.com/purra/supergraph/platform/errs"
)

func TestPlainText(t *testing.T) {
	c := NewCleaner()
	for _, tc := range []struct {
		name, in, want string
		multiline      bool
	}{
		{"tags removed", "<b>Great</b> <i>phone</i>", "Great phone", false},
		{"script and its content removed", `<script>alert("x")</script>Works well`, "Works well", true},
		{"event handlers gone", `<img src=x onerror="alert(1)">Nice`, "Nice", false},
		{"entities decoded to text", "Sound &amp; battery, 5 > 3 and a < b", "Sound & battery, 5 > 3 and a < b", false},
		{"escaped markup is markup", "&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok", false},
		{"heart stays", "<3 love it", "<3 love it", false},
		{"control characters removed", "Good\x00 bat\x07tery\x1b[31m", "Good battery[31m", false},
		{"bidi override removed", "abc\u202Edef\u200B", "abcdef", false},
		{"emoji with joiner kept", "👨‍👩‍👧 family phone", "👨‍👩‍👧 family phone", false},
		{"line breaks kept in text", "line one\r\nline two\n\ttabbed", "line one\nline two\n\ttabbed", true},
		{"line breaks become spaces in a title", "line one\nline two", "line one line two", false},
		{"trimmed", "  \n spaced \t ", "spaced", false},
		{"invalid utf-8 dropped", "ok\xff\xfe", "ok", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := c.Plain(tc.in, tc.multiline)
			if !ok || got != tc.want {
				t.Fatalf("Plain(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
	if _, ok := c.Plain("&amp;amp;amp;amp;lt;b&amp;amp;amp;amp;gt;x", false); ok {
		t.Fatal("deeply entity-encoded markup accepted")
	}
}

func TestContentValidation(t *testing.T) {
	c := NewCleaner()
	for _, tc := range []struct {
		name        string
		rating      int
		title, text string
		field       string
	}{
		{"rating 0", 0, "t", "x", "rating"},
		{"rating 6", 6, "t", "x", "rating"},
		{"empty title", 5, "  ", "x", "title"},
		{"title of markup only", 5, "<b></b>", "x", "title"},
		{"title too long", 5, strings.Repeat("a", MaxTitle+1), "x", "title"},
		{"text of a script only", 5, "t", "<script>x</script>", "text"},
		{"text too long", 5, "t", strings.Repeat("é", MaxText+1), "text"},
		{"10 KB text", 5, "t", strings.Repeat("ab", 5*1024), "text"},
		{"huge markup", 5, "t", strings.Repeat("<b>", 30000), "text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Content(tc.rating, tc.title, tc.text)
			if !errors.Is(err, &errs.Error{Code: errs.BadUserInput, Field: tc.field}) {
				t.Fatalf("err = %v, want BAD_USER_INPUT on %s", err, tc.field)
			}
		})
	}
	got, err := c.Content(4, strings.Repeat("t", MaxTitle), "<p>"+strings.Repeat("é", MaxText)+"</p>")
	if err != nil || got.Rating != 4 || len([]rune(got.Text)) != MaxText {
		t.Fatalf("content at the limits: %v", err)
	}
	if _, _, err := c.NewReview("not-a-uuid", 5, "t", "x"); !errors.Is(err, &errs.Error{Code: errs.BadUserInput, Field: "productId"}) {
		t.Fatalf("bad product id: %v", err)
	}
}

func TestReason(t *testing.T) {
	c := NewCleaner()
	for _, bad := range []string{"", "ab", " <b>ab</b> ", strings.Repeat("x", MaxReason+1)} {
		if _, err := c.Reason(bad); !errors.Is(err, &errs.Error{Code: errs.BadUserInput, Field: "reason"}) {
			t.Fatalf("Reason(%q) = %v", bad, err)
		}
	}
	if r, err := c.Reason(" Off-topic <i>spam</i> "); err != nil || r != "Off-topic spam" {
		t.Fatalf("Reason = %q, %v", r, err)
	}
}
