package shop_test

import (
	"github.com/purra/supergraph/platform/india"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/purra/supergraph/platform/errs"
	"github.com/purra/supergraph/subgraphs/stores/internal/shop"
)

func gstin(first14 string) string { return first14 + string(india.GSTINCheckChar(first14)) }

func TestGSTIN(t *testing.T) {
	t.Parallel()
	// Known-good GSTINs (published examples and the seed's).
	for _, g := range []string{"27AAPFU0939F1ZV", "29AABCT1234H1ZI", "24ABCPP1234F1Z6", " 29aabct1234h1zi "} {
		got, err := india.NormalizeGSTIN("gstin", g)
		require.NoError(t, err, g)
		require.Equal(t, strings.ToUpper(strings.TrimSpace(g)), got)
	}
	for name, g := range map[string]string{
		"checksum":   "27AAPFU0939F1ZW",
		"short":      "27AAPFU0939F1Z",
		"pattern":    "27AAPFU0939F1YV",
		"state 00":   gstin("00AAPFU0939F1Z"),
		"state 40":   gstin("40AAPFU0939F1Z"),
		"huge":       strings.Repeat("2", 10000),
		"empty":      "",
		"lower junk": "hello",
	} {
		_, err := india.NormalizeGSTIN("gstin", g)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "gstin"}, name)
	}
	_, err := india.NormalizeGSTIN("gstin", "27AAPFU0939F1ZW")
	require.ErrorIs(t, err, errs.BadInput("", "").WithReason("GSTIN_CHECKSUM"))
	require.Equal(t, "AABCT1234H", india.PANOfGSTIN("29AABCT1234H1ZI"))
}

func TestSlug(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"TechHub":                  "techhub",
		"  Tech Hub — Bengaluru! ": "tech-hub-bengaluru",
		"A&B Mobiles, Pune":        "a-b-mobiles-pune",
		"टेक हब":                   "store",
		"X":                        "store",
		strings.Repeat("abc ", 40): strings.TrimRight(strings.Repeat("abc-", 14), "-"),
	} {
		got := shop.SlugOf(in)
		require.Equal(t, want, got, in)
		_, err := shop.Slug("slug", got)
		require.NoError(t, err, "derived slugs are valid: %q", got)
	}
	for _, bad := range []string{"a", "Tech", "tech--hub", "-tech", "tech-", "tech hub", "téch", strings.Repeat("a", 61), strings.Repeat("a", 5000)} {
		_, err := shop.Slug("slug", bad)
		require.Error(t, err, bad)
		require.Equal(t, errs.BadUserInput, errs.CodeOf(err))
	}
}

func TestLogoURL(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"", "https://cdn.purra.in/logo.png", "https://x.io/a?b=c"} {
		_, err := shop.LogoURL("logoUrl", ok)
		require.NoError(t, err, ok)
	}
	for _, bad := range []string{"http://cdn.purra.in/logo.png", "javascript:alert(1)", "https://", "//cdn.purra.in/x",
		"https://user:pw@cdn.purra.in/x", "https://cdn.purra.in/a b", "https://cdn.purra.in/" + strings.Repeat("a", 2100)} {
		_, err := shop.LogoURL("logoUrl", bad)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: "logoUrl"}, bad)
	}
}

var vikram = shop.Owner{UserID: "u1", OwnerID: "o1", BusinessName: "TechHub Electronics Pvt Ltd",
	GSTIN: "29AABCT1234H1ZI", PAN: "AABCT1234H", Approved: true}

func validInput() shop.CreateInput {
	return shop.CreateInput{Name: "TechHub Indiranagar", Pickup: shop.AddressInput{
		Line1: "12, 100 Feet Road", City: "Bengaluru", State: "KARNATAKA", PinCode: "560038"}}
}

func ptr(s string) *string { return &s }

func TestNew(t *testing.T) {
	t.Parallel()
	now := time.Now()
	s, given, err := shop.New("s1", vikram, validInput(), now)
	require.NoError(t, err)
	require.False(t, given)
	require.Equal(t, "techhub-indiranagar", s.Slug)
	require.Equal(t, vikram.GSTIN, s.GSTIN, "defaults to the owner's GSTIN")
	require.Equal(t, shop.Pending, s.Status)
	require.Equal(t, "u1", s.OwnerID)

	in := validInput()
	in.Slug = ptr("th-blr")
	in.GSTIN = ptr("29aabct1234h1zi")
	s, given, err = shop.New("s1", vikram, in, now)
	require.NoError(t, err)
	require.True(t, given)
	require.Equal(t, "th-blr", s.Slug)

	mh := gstin("27AABCT1234H1Z") // Vikram's business, registered in Maharashtra
	other := gstin("29AAACX9999Q1Z")
	cases := map[string]struct {
		edit   func(*shop.CreateInput)
		field  string
		reason string
	}{
		"short name":                 {func(i *shop.CreateInput) { i.Name = "A" }, "name", ""},
		"long name":                  {func(i *shop.CreateInput) { i.Name = strings.Repeat("n", 81) }, "name", ""},
		"10 KB name":                 {func(i *shop.CreateInput) { i.Name = strings.Repeat("n", 10240) }, "name", ""},
		"control":                    {func(i *shop.CreateInput) { i.Name = "Tech\x00Hub" }, "name", ""},
		"bidi":                       {func(i *shop.CreateInput) { i.Name = "Tech\u202eHub" }, "name", ""},
		"bad slug":                   {func(i *shop.CreateInput) { i.Slug = ptr("Tech Hub") }, "slug", ""},
		"long desc":                  {func(i *shop.CreateInput) { i.Description = ptr(strings.Repeat("d", 2001)) }, "description", ""},
		"http logo":                  {func(i *shop.CreateInput) { i.LogoURL = ptr("http://x.in/l.png") }, "logoUrl", ""},
		"bad gstin":                  {func(i *shop.CreateInput) { i.GSTIN = ptr("29AABCT1234H1ZJ") }, "gstin", "GSTIN_CHECKSUM"},
		"other business":             {func(i *shop.CreateInput) { i.GSTIN = ptr(other) }, "gstin", "GSTIN_PAN_MISMATCH"},
		"other state":                {func(i *shop.CreateInput) { i.GSTIN = ptr(mh) }, "gstin", "GSTIN_STATE_MISMATCH"},
		"default gstin, other state": {func(i *shop.CreateInput) { i.Pickup.State = "MAHARASHTRA" }, "gstin", "GSTIN_STATE_MISMATCH"},
		"no line1":                   {func(i *shop.CreateInput) { i.Pickup.Line1 = " " }, "pickupAddress.line1", ""},
		"bad state":                  {func(i *shop.CreateInput) { i.Pickup.State = "Karnataka" }, "pickupAddress.state", ""},
		"bad pin":                    {func(i *shop.CreateInput) { i.Pickup.PinCode = "060001" }, "pickupAddress.pinCode", ""},
		"long city":                  {func(i *shop.CreateInput) { i.Pickup.City = strings.Repeat("c", 101) }, "pickupAddress.city", ""},
	}
	for name, c := range cases {
		in := validInput()
		c.edit(&in)
		_, _, err := shop.New("s1", vikram, in, now)
		require.ErrorIs(t, err, &errs.Error{Code: errs.BadUserInput, Field: c.field, Reason: c.reason}, name)
	}
	// A Maharashtra pickup with the business's Maharashtra GSTIN is fine.
	in = validInput()
	in.Pickup.State, in.Pickup.PinCode, in.GSTIN = "MAHARASHTRA", "400001", ptr(mh)
	_, _, err = shop.New("s1", vikram, in, now)
	require.NoError(t, err)
}

func TestUpdate(t *testing.T) {
	t.Parallel()
	now := time.Now()
	s, _, err := shop.New("s1", vikram, validInput(), now)
	require.NoError(t, err)
	orig := s

	changed, err := s.Update(vikram, shop.UpdateInput{Name: ptr(s.Name)}, now.Add(time.Second))
	require.NoError(t, err)
	require.False(t, changed, "same values change nothing")
	require.Equal(t, orig, s)

	_, err = s.Update(vikram, shop.UpdateInput{Name: ptr("New name"), Slug: ptr("BAD SLUG")}, now)
	require.Error(t, err)
	require.Equal(t, orig, s, "a failed update leaves the store unchanged")

	changed, err = s.Update(vikram, shop.UpdateInput{Name: ptr("New name"), Description: ptr("Hello\nworld"),
		LogoURL: ptr("https://cdn.purra.in/l.png")}, now.Add(time.Second))
	require.NoError(t, err)
	require.True(t, changed)
	require.Equal(t, "New name", s.Name)
	require.Equal(t, "techhub-indiranagar", s.Slug, "the slug does not follow the name")
	require.Equal(t, "Hello\nworld", s.Description)

	changed, err = s.Update(vikram, shop.UpdateInput{Description: ptr(""), LogoURL: ptr("")}, now.Add(2*time.Second))
	require.NoError(t, err)
	require.True(t, changed)
	require.Empty(t, s.Description)
	require.Empty(t, s.LogoURL)

	// Moving the pickup to another state needs a GSTIN registered there.
	_, err = s.Update(vikram, shop.UpdateInput{Pickup: &shop.AddressInput{Line1: "1 Marine Drive", City: "Mumbai",
		State: "MAHARASHTRA", PinCode: "400002"}}, now)
	require.ErrorIs(t, err, errs.BadInput("gstin", "").WithReason("GSTIN_STATE_MISMATCH"))
	_, err = s.Update(vikram, shop.UpdateInput{GSTIN: ptr(gstin("27AABCT1234H1Z")), Pickup: &shop.AddressInput{
		Line1: "1 Marine Drive", City: "Mumbai", State: "MAHARASHTRA", PinCode: "400002"}}, now)
	require.NoError(t, err)
	require.Equal(t, shop.State("MAHARASHTRA"), s.Pickup.State)
}

func TestTransitions(t *testing.T) {
	t.Parallel()
	now := time.Now()
	conflict := &errs.Error{Code: errs.Conflict}
	s := shop.Store{Status: shop.Pending}
	require.ErrorIs(t, s.Reactivate(now), conflict)
	require.NoError(t, s.Approve(now))
	require.Equal(t, shop.Active, s.Status)
	require.ErrorIs(t, s.Approve(now), conflict)
	require.ErrorIs(t, s.Reactivate(now), conflict)
	require.ErrorIs(t, s.Suspend(" ", now), &errs.Error{Code: errs.BadUserInput, Field: "reason"})
	require.Equal(t, shop.Active, s.Status)
	require.NoError(t, s.Suspend("Counterfeit listings", now))
	require.Equal(t, shop.Suspended, s.Status)
	require.Equal(t, "Counterfeit listings", s.SuspensionReason)
	require.ErrorIs(t, s.Suspend("again", now), conflict)
	require.ErrorIs(t, s.Approve(now), conflict)
	require.NoError(t, s.Reactivate(now))
	require.Equal(t, shop.Active, s.Status)
	require.Empty(t, s.SuspensionReason)
	// A pending application can be refused by suspending it.
	p := shop.Store{Status: shop.Pending}
	require.NoError(t, p.Suspend("Incomplete documents", now))
}

func TestStateCodes(t *testing.T) {
	t.Parallel()
	require.True(t, shop.State("KARNATAKA").RegisteredIn("29AABCT1234H1ZI"))
	require.False(t, shop.State("KERALA").RegisteredIn("29AABCT1234H1ZI"))
	require.True(t, shop.State("ANDHRA_PRADESH").RegisteredIn(gstin("37AABCT1234H1Z")))
	require.True(t, shop.State("ANDHRA_PRADESH").RegisteredIn(gstin("28AABCT1234H1Z")))
	require.False(t, shop.State("Karnataka").Valid())
}
