package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// TestBanAndUnban: Priya bans a shopper; the shopper's existing token stops
// working everywhere and login is refused; unbanning restores access; both
// actions are in the audit log.
func TestBanAndUnban(t *testing.T) {
	shopper, reg := newShopper(t)
	shopper.must(t, `{ me { id } }`, nil, nil)
	priya := adminLogin(t, priyaEmail)
	priya.must(t, `mutation($id: ID!) { banUser(id: $id, reason: "Fraudulent chargebacks") { id } }`, map[string]any{"id": reg.User.ID}, nil)

	require.Eventually(t, func() bool {
		return shopper.do(t, `{ me { id } }`, nil, nil).code() == "UNAUTHENTICATED"
	}, 60*time.Second, 250*time.Millisecond, "the existing token stops working within a minute")
	r := shopper.do(t, `{ myCart { id } }`, nil, nil)
	require.Equal(t, "UNAUTHENTICATED", r.code(), "in every subgraph, not just users")
	r = client{}.do(t, op(t, "Login"), map[string]any{"input": map[string]any{"email": reg.User.Email, "password": "Sunrise2026x"}}, nil)
	require.Equal(t, "FORBIDDEN", r.code())
	require.Equal(t, "BANNED", r.Errors[0].Extensions["reason"])

	priya.must(t, `mutation($id: ID!) { unbanUser(id: $id) { id } }`, map[string]any{"id": reg.User.ID}, nil)
	again, _ := login(t, reg.User.Email, "Sunrise2026x")
	again.must(t, `{ me { id } }`, nil, nil)
	require.Eventually(t, func() bool {
		return len(shopper.do(t, `{ me { id } }`, nil, nil).Errors) == 0
	}, 60*time.Second, 250*time.Millisecond, "the old token works again")

	ban := awaitAudit(t, reg.User.ID, "user.ban", 1)[0]
	require.Equal(t, "users:ban", ban.Permission)
	require.Equal(t, "01937a00-0000-7000-8000-0000000000b1", ban.AdminID, "Priya")
	awaitAudit(t, reg.User.ID, "user.unban", 1)
}

// TestReviewFlow: Rahul cannot review a phone he has not received; once his
// order is delivered he can; after moderation the rating changes through the router.
func TestReviewFlow(t *testing.T) {
	rahul, _ := login(t, rahulEmail, seedPassword)
	vikram, _ := login(t, vikramEmail, seedPassword)
	const slug = "apple-iphone-15-pro-max"
	var page struct {
		Product struct {
			ID     string
			Rating struct {
				Average float64
				Count   int
			}
			Variants []struct{ ID string }
		}
	}
	ratingQuery := `query($s: String!) { product(slug: $s) { id rating { average count } variants { id } } }`
	rahul.must(t, ratingQuery, map[string]any{"s": slug}, &page)
	before := page.Product.Rating

	submit := `mutation($in: SubmitReviewInput!) { submitReview(input: $in) { id status } }`
	review := map[string]any{"in": map[string]any{"productId": page.Product.ID, "rating": 5,
		"title": "Superb camera", "text": "Battery lasts two days. <script>alert(1)</script>Worth it."}}
	r := rahul.do(t, submit, review, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "not received yet: %+v", r.Errors)

	rahul.must(t, `mutation { clearCart { id } }`, nil, nil)
	rahul.must(t, addToCart, map[string]any{"v": page.Product.Variants[0].ID, "q": 1}, nil)
	order, r := checkout(t, rahul, defaultAddress(t, rahul), "", "UPI", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, rahul, order.ID, "CONFIRMED")
	for _, step := range []string{
		`mutation($id: ID!) { markOrderPacked(id: $id) { status } }`,
		`mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "XB-99", carrier: "Xpressbees") { status } }`,
	} {
		vikram.must(t, step, map[string]any{"id": order.ID}, nil)
	}
	r = rahul.do(t, submit, review, nil)
	require.Equal(t, "FORBIDDEN", r.code(), "shipped is not received")
	vikram.must(t, `mutation($id: ID!) { markOrderDelivered(id: $id) { status } }`, map[string]any{"id": order.ID}, nil)

	var submitted struct {
		SubmitReview struct{ ID, Status string }
	}
	require.Eventually(t, func() bool {
		return len(rahul.do(t, submit, review, &submitted).Errors) == 0
	}, 15*time.Second, 200*time.Millisecond, "a delivered purchase may be reviewed")
	require.Equal(t, "PENDING", submitted.SubmitReview.Status)
	var text struct{ Review struct{ Text string } }
	rahul.must(t, `query($id: ID!) { review(id: $id) { text } }`, map[string]any{"id": submitted.SubmitReview.ID}, &text)
	require.NotContains(t, text.Review.Text, "<script>", "HTML is removed")

	adminLogin(t, arjunEmail).must(t, `mutation($id: ID!) { approveReview(id: $id) { status } }`, map[string]any{"id": submitted.SubmitReview.ID}, nil)
	rahul.must(t, ratingQuery, map[string]any{"s": slug}, &page)
	require.Equal(t, before.Count+1, page.Product.Rating.Count, "the count moves after approval")
	require.Greater(t, page.Product.Rating.Average, 0.0)
	awaitAudit(t, submitted.SubmitReview.ID, "review.approve", 1)
}

// TestStorePageAndSuspension: TechHub's page lists its products; suspending
// the store hides them from search; reactivating brings them back.
func TestStorePageAndSuspension(t *testing.T) {
	const techHub = "01937a00-0000-7000-8000-0000000000a1"
	var page struct {
		Store struct {
			Name     string
			Products struct{ TotalCount int }
		}
	}
	client{}.must(t, `{ store(slug: "techhub") { name products(first: 5) { totalCount } } }`, nil, &page)
	require.Equal(t, "TechHub", page.Store.Name)
	require.GreaterOrEqual(t, page.Store.Products.TotalCount, 200)

	// Each poll asks for a page size no earlier request used, so no answer
	// cached by the router can hide the change.
	polls := 0
	iphones := func() int {
		polls++
		var found struct{ Products struct{ TotalCount int } }
		client{}.must(t, `query($n: Int!) { products(filter: { query: "iphone 15" }, first: $n) { totalCount } }`,
			map[string]any{"n": 1 + polls%100}, &found)
		return found.Products.TotalCount
	}
	require.Positive(t, iphones())

	priya := adminLogin(t, priyaEmail)
	priya.must(t, `mutation($id: ID!) { suspendStore(id: $id, reason: "GST filings overdue") { status } }`, map[string]any{"id": techHub}, nil)
	t.Cleanup(func() { // leave TechHub open for the other tests, whatever happened
		priya.do(t, `mutation($id: ID!) { reactivateStore(id: $id) { status } }`, map[string]any{"id": techHub}, nil)
	})
	require.Eventually(t, func() bool { return iphones() == 0 }, 15*time.Second, 200*time.Millisecond,
		"a suspended store's products disappear from search")
	awaitAudit(t, techHub, "store.suspend", 1)

	priya.must(t, `mutation($id: ID!) { reactivateStore(id: $id) { status } }`, map[string]any{"id": techHub}, nil)
	require.Eventually(t, func() bool { return iphones() > 0 }, 15*time.Second, 200*time.Millisecond, "reactivated")
}

// TestScheduledBanner: a banner appears only inside its window.
func TestScheduledBanner(t *testing.T) {
	kavya := adminLogin(t, kavyaEmail)
	start := time.Now().Add(3 * time.Second).UTC()
	end := start.Add(4 * time.Second)
	title := "Flash sale " + uuid.NewString()[:6]
	var created struct {
		CreateBanner struct{ Banner struct{ ID string } }
	}
	kavya.must(t, `mutation($in: CreateBannerInput!) { createBanner(input: $in) { banner { id } } }`, map[string]any{"in": map[string]any{
		"title": title, "imageUrl": "https://cdn.purra.in/banners/flash.webp", "linkUrl": "/sale",
		"placement": "HOME_STRIP", "priority": 900, "startsAt": start.Format(time.RFC3339Nano), "endsAt": end.Format(time.RFC3339Nano),
	}}, &created)
	live := func() bool {
		var out struct{ ActiveBanners []struct{ Title string } }
		client{}.must(t, `{ activeBanners(placement: HOME_STRIP) { title } }`, nil, &out)
		for _, b := range out.ActiveBanners {
			if b.Title == title {
				return true
			}
		}
		return false
	}
	require.False(t, live(), "not before its window")
	require.Eventually(t, live, 8*time.Second, 100*time.Millisecond, "live inside its window")
	require.True(t, time.Now().After(start.Add(-1500*time.Millisecond)), "not shown early")
	require.Eventually(t, func() bool { return !live() }, 8*time.Second, 100*time.Millisecond, "gone after its window")
	require.True(t, time.Now().After(end.Add(-1500*time.Millisecond)), "not removed early")
	awaitAudit(t, created.CreateBanner.Banner.ID, "banner.create", 1)
}

// TestShippedNotificationExactlyOnce: when an order ships the buyer gets one
// email in the local SMTP sink and one in-app notification, even when the
// event is delivered twice.
func TestShippedNotificationExactlyOnce(t *testing.T) {
	vikram, _ := login(t, vikramEmail, seedPassword)
	c, reg := newShopper(t)
	c.must(t, addToCart, map[string]any{"v": variantBySlug(t, "apple-iphone-15-silicone-case-with-magsafe").ID, "q": 1}, nil)
	order, r := checkout(t, c, defaultAddress(t, c), "", "UPI", "")
	require.Empty(t, r.Errors)
	awaitStatus(t, c, order.ID, "CONFIRMED")
	vikram.must(t, `mutation($id: ID!) { markOrderPacked(id: $id) { status } }`, map[string]any{"id": order.ID}, nil)
	vikram.must(t, `mutation($id: ID!) { markOrderShipped(id: $id, trackingNumber: "DEL-42", carrier: "Delhivery") { status } }`, map[string]any{"id": order.ID}, nil)

	shippedMails := func() int {
		n := 0
		for _, m := range sys.Mailbox().Messages(reg.User.Email) {
			if strings.Contains(m.Text+m.HTML+m.Subject, order.OrderNumber) && strings.Contains(strings.ToLower(m.Subject), "shipped") {
				n++
			}
		}
		return n
	}
	require.Eventually(t, func() bool { return shippedMails() == 1 }, 20*time.Second, 100*time.Millisecond, "one shipped email")

	// Deliver the very same event again, as Kafka may.
	redeliver(t, "orders.events", order.ID, func(env envelope) bool {
		return env.Type == "order.status_changed" && strings.Contains(string(env.Payload), `"to":"SHIPPED"`)
	})
	time.Sleep(2 * time.Second)
	require.Equal(t, 1, shippedMails(), "still exactly one email")
	var mine struct {
		MyNotifications struct {
			Edges []struct {
				Node struct{ Event, Channel string }
			}
		}
	}
	c.must(t, `{ myNotifications(first: 50) { edges { node { event channel } } } }`, nil, &mine)
	inApp := 0
	for _, e := range mine.MyNotifications.Edges {
		if e.Node.Event == "ORDER_SHIPPED" && e.Node.Channel == "IN_APP" {
			inApp++
		}
	}
	require.Equal(t, 1, inApp, "one in-app notification")
}
