package server_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type page struct {
	Edges []struct {
		Cursor string
		Node   struct {
			ID, Channel, Event, Title, Status string
			ReadAt                            *string
		}
	}
	PageInfo struct {
		HasNextPage bool
		EndCursor   *string
	}
}

const myNotifications = `query($first: Int, $after: String, $unread: Boolean) {
	myNotifications(first: $first, after: $after, unreadOnly: $unread) {
		edges { cursor node { id channel event title status readAt } } pageInfo { hasNextPage endCursor } } }`

// myNotifications pages the caller's in-app messages newest first;
// markNotificationRead works on the caller's own only.
func TestMyNotifications_andMarkRead(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	rahul := e.register("Rahul", "rahul@example.in")
	priya := e.register("Priya", "priya@example.in")
	order := uuid.NewString()
	e.deliver(uuid.NewString(), "order.placed", map[string]any{"orderId": order, "orderNumber": "PUR-9", "userId": rahul, "totalPaise": 100})
	e.deliver(uuid.NewString(), "order.status_changed", map[string]any{"orderId": order, "orderNumber": "PUR-9", "userId": rahul, "from": "CONFIRMED", "to": "CANCELLED"})
	me := e.token(rahul, "CUSTOMER")

	var out struct{ MyNotifications page }
	ok(t, e.do(me, myNotifications, map[string]any{"first": 2}, &out))
	p := out.MyNotifications
	require.Len(t, p.Edges, 2)
	assert.Equal(t, "ORDER_CANCELLED", p.Edges[0].Node.Event)
	assert.Equal(t, "Order PUR-9 cancelled", p.Edges[0].Node.Title)
	assert.Equal(t, "IN_APP", p.Edges[0].Node.Channel)
	assert.Equal(t, "SENT", p.Edges[0].Node.Status)
	assert.Equal(t, "ORDER_PLACED", p.Edges[1].Node.Event)
	assert.True(t, p.PageInfo.HasNextPage)
	ok(t, e.do(me, myNotifications, map[string]any{"first": 2, "after": *p.PageInfo.EndCursor}, &out))
	require.Len(t, out.MyNotifications.Edges, 1)
	assert.Equal(t, "USER_REGISTERED", out.MyNotifications.Edges[0].Node.Event)
	assert.False(t, out.MyNotifications.PageInfo.HasNextPage)

	id := p.Edges[0].Node.ID
	var read struct{ MarkNotificationRead struct{ ID, ReadAt string } }
	ok(t, e.do(me, `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`, map[string]any{"id": id}, &read))
	assert.Equal(t, id, read.MarkNotificationRead.ID)
	assert.NotEmpty(t, read.MarkNotificationRead.ReadAt)
	ok(t, e.do(me, myNotifications, map[string]any{"unread": true}, &out))
	assert.Len(t, out.MyNotifications.Edges, 2, "the read one is left out")

	// Someone else's, unknown and malformed ids are all NOT_FOUND; nothing changes.
	for _, other := range []string{id, uuid.NewString(), "nope"} {
		wantErr(t, e.do(e.token(priya, "CUSTOMER"), `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`,
			map[string]any{"id": other}, nil), "NOT_FOUND", "")
	}
	assert.Equal(t, 1, e.count(`SELECT count(*) FROM notifications WHERE read_at IS NOT NULL`))

	wantErr(t, e.do("", myNotifications, nil, nil), "UNAUTHENTICATED", "")
	wantErr(t, e.do(me, myNotifications, map[string]any{"first": 0}, nil), "BAD_USER_INPUT", "first")
	wantErr(t, e.do(me, myNotifications, map[string]any{"first": 101}, nil), "BAD_USER_INPUT", "first")
	wantErr(t, e.do(me, myNotifications, map[string]any{"after": "garbage!"}, nil), "BAD_USER_INPUT", "after")
	wantErr(t, e.do("", `mutation { markNotificationRead(id: "x") { id } }`, nil, nil), "UNAUTHENTICATED", "")
}

// User.notifications through _entities: N users cost one SQL query at most
// (only the caller's own list is loaded; everyone else's is null).
func TestEntities_userNotifications(t *testing.T) {
	t.Parallel()
	e := newEnv(t, nil)
	me := e.register("Rahul", "rahul@example.in")
	reps := []map[string]any{}
	for range 10 {
		reps = append(reps, map[string]any{"__typename": "User", "id": e.register("Other", "o@example.in")})
	}
	reps = append(reps, map[string]any{"__typename": "User", "id": me})
	query := `query($reps: [_Any!]!) { _entities(representations: $reps) {
		... on User { id notifications(first: 5) { edges { node { event } } } } } }`
	var out struct {
		Entities []struct {
			ID            string
			Notifications *page
		} `json:"_entities"`
	}
	resp, n := e.countedDo(e.token(me, "CUSTOMER"), query, map[string]any{"reps": reps}, &out)
	ok(t, resp)
	assert.Equal(t, int64(1), n, "one SQL query for the batch")
	require.Len(t, out.Entities, 11)
	for _, u := range out.Entities[:10] {
		assert.Nil(t, u.Notifications, "not the caller's")
	}
	require.NotNil(t, out.Entities[10].Notifications)
	require.Len(t, out.Entities[10].Notifications.Edges, 1)
	assert.Equal(t, "USER_REGISTERED", out.Entities[10].Notifications.Edges[0].Node.Event)

	resp, n = e.countedDo("", query, map[string]any{"reps": reps}, &out)
	ok(t, resp)
	assert.Equal(t, int64(0), n, "anonymous: nobody's list, no query")
}
