package returns

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const (
	mobiles  = "f5b52a6b-037a-5856-a88c-cafe119ea1e5"
	android  = "01937a00-0000-7000-8000-0000000000a1"
	audio    = "01937a00-0000-7000-8000-0000000000a2"
	orderID  = "01937a00-0000-7000-8000-000000000001"
	storeID  = "01937a00-0000-7000-8000-000000000002"
	phoneID  = "01937a00-0000-7000-8000-000000000003"
	cablesID = "01937a00-0000-7000-8000-000000000004"
)

var delivered = time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

func windows() Windows {
	return Windows{ByCategory: map[string]int{mobiles: 7, audio: 15}, DefaultDays: 10}
}

func TestWindowNearestConfiguredCategoryWins(t *testing.T) {
	t.Parallel()
	w := windows()
	for _, tc := range []struct {
		cats []string
		want int
	}{
		{[]string{mobiles}, 7},
		{[]string{android, mobiles}, 7}, // Android has none: its parent Mobiles applies
		{[]string{audio, mobiles}, 15},  // nearest first
		{[]string{android}, 10},         // none configured: the default
		{nil, 10},
	} {
		if got := w.Days(tc.cats); got != tc.want {
			t.Errorf("Days(%v) = %d, want %d", tc.cats, got, tc.want)
		}
	}
	w.ByCategory[android] = 3
	if got := w.Days([]string{android, mobiles}); got != 3 {
		t.Errorf("own window of the nearer category: %d", got)
	}
}

func facts(now time.Time) Facts {
	return Facts{OrderUserID: "u", FulfilmentID: "f", StoreID: storeID, Delivered: true, DeliveredAt: &delivered,
		Windows: windows(), Now: now, Lines: map[string]Line{
			phoneID:  {OrderItemID: phoneID, VariantID: "v1", Quantity: 1, LineTotal: 7990000, CategoryIDs: []string{mobiles}},
			cablesID: {OrderItemID: cablesID, VariantID: "v2", Quantity: 3, LineTotal: 100, CategoryIDs: []string{android}},
		}}
}

func request(items ...RequestItem) Request {
	return Request{OrderID: orderID, StoreID: storeID, Items: items, Reason: Defective}
}

func TestNewChecksTheWindowPerLine(t *testing.T) {
	t.Parallel()
	day := 24 * time.Hour
	// Day 7 exactly: the phone (Mobiles, 7 days) still may be returned …
	if _, err := New("r", request(RequestItem{phoneID, 1}), facts(delivered.Add(7*day))); err != nil {
		t.Fatalf("within 7 days: %v", err)
	}
	// … not a second later, but the cable (default 10 days) may.
	_, err := New("r", request(RequestItem{phoneID, 1}), facts(delivered.Add(7*day+time.Second)))
	var we *WindowError
	if !errors.Is(err, ErrWindowClosed) || !errors.As(err, &we) || we.OrderItemID != phoneID {
		t.Fatalf("after 7 days: %v", err)
	}
	if _, err := New("r", request(RequestItem{cablesID, 1}), facts(delivered.Add(10*day))); err != nil {
		t.Fatalf("cable on day 10: %v", err)
	}
	if _, err := New("r", request(RequestItem{cablesID, 1}), facts(delivered.Add(10*day+time.Second))); !errors.Is(err, ErrWindowClosed) {
		t.Fatalf("cable after 10 days: %v", err)
	}
}

func TestNewRefusesWhatCannotBeReturned(t *testing.T) {
	t.Parallel()
	now := delivered.Add(time.Hour)
	f := facts(now)
	f.Delivered = false
	if _, err := New("r", request(RequestItem{phoneID, 1}), f); !errors.Is(err, ErrNotDelivered) {
		t.Fatalf("undelivered: %v", err)
	}
	var ie *InputError
	if _, err := New("r", request(RequestItem{"01937a00-0000-7000-8000-0000000000ff", 1}), facts(now)); !errors.As(err, &ie) || ie.Field != "items.orderItemId" {
		t.Fatalf("another store's item: %v", err)
	}
	if _, err := New("r", request(RequestItem{cablesID, 4}), facts(now)); !errors.As(err, &ie) || ie.Reason != "QUANTITY_EXCEEDED" {
		t.Fatalf("more than bought: %v", err)
	}
	f = facts(now)
	l := f.Lines[cablesID]
	l.Returned, l.Refunded = 2, 67
	f.Lines[cablesID] = l
	if _, err := New("r", request(RequestItem{cablesID, 2}), f); !errors.As(err, &ie) || ie.Field != "items.quantity" {
		t.Fatalf("beyond what is left: %v", err)
	}
	r, err := New("r", request(RequestItem{cablesID, 1}), f)
	if err != nil || r.Refund != 33 {
		t.Fatalf("the last cable: %v %+v", err, r)
	}
}

// Every way of returning a line in parts refunds exactly its total.
func TestRefundSplitIsExact(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		total int64
		qty   int
		parts []int
	}{
		{100, 3, []int{1, 1, 1}},
		{100, 3, []int{2, 1}},
		{100, 3, []int{3}},
		{7990001, 7, []int{3, 2, 2}},
		{5, 9, []int{4, 5}},
		{0, 2, []int{1, 1}},
		{1999999, 13, []int{1, 5, 6, 1}},
	} {
		l := Line{LineTotal: tc.total, Quantity: tc.qty}
		var sum int64
		for _, n := range tc.parts {
			got := l.RefundFor(n)
			if got < 0 {
				t.Fatalf("%+v: negative refund", tc)
			}
			l.Returned += n
			l.Refunded += got
			sum += got
		}
		if sum != tc.total {
			t.Errorf("%+v: refunds add up to %d", tc, sum)
		}
	}
	// Largest remainder: 100 over 3 units is 34 + 33 + 33.
	l := Line{LineTotal: 100, Quantity: 3}
	if a := l.RefundFor(1); a != 34 {
		t.Errorf("first unit: %d", a)
	}
	if a := l.RefundFor(2); a != 67 {
		t.Errorf("two units: %d", a)
	}
	// A rejected return gives its units back: what is returned later still
	// adds up (here 33 was refunded for one unit, and two more are 67).
	l = Line{LineTotal: 100, Quantity: 3, Returned: 1, Refunded: 33}
	if a := l.RefundFor(2); a != 67 {
		t.Errorf("after a rejected return: %d", a)
	}
}

func TestNewSumsTheRefundAndRecordsTheRequest(t *testing.T) {
	t.Parallel()
	r, err := New("r1", request(RequestItem{phoneID, 1}, RequestItem{cablesID, 2}), facts(delivered.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Refund != 7990000+67 || r.Status != Requested || len(r.Items) != 2 || r.StoreID != storeID {
		t.Fatalf("return = %+v", r)
	}
	evs := r.ChangedEvents(false)
	if len(evs) != 1 || evs[0].From != nil || evs[0].To != Requested || evs[0].RefundPaise != r.Refund || evs[0].RefundTo != nil {
		t.Fatalf("events = %+v", evs)
	}
}

func TestCashOnDeliveryNeedsRefundDetails(t *testing.T) {
	t.Parallel()
	f := facts(delivered.Add(time.Hour))
	f.COD = true
	var ie *InputError
	if _, err := New("r", request(RequestItem{phoneID, 1}), f); !errors.As(err, &ie) || ie.Field != "codRefundTo" {
		t.Fatalf("COD without details: %v", err)
	}
	in := request(RequestItem{phoneID, 1})
	in.RefundTo = &RefundToInput{UPIVPA: "Rahul@okhdfc"}
	r, err := New("r", in, f)
	if err != nil || r.RefundTo == nil || r.RefundTo.UPIVPA != "rahul@okhdfc" {
		t.Fatalf("COD with a VPA: %v %+v", err, r)
	}
	f.COD = false
	if _, err := New("r", in, f); !errors.As(err, &ie) || ie.Field != "codRefundTo" {
		t.Fatalf("details for a prepaid order: %v", err)
	}
}

func TestParseRefundTo(t *testing.T) {
	t.Parallel()
	ok := []RefundToInput{
		{UPIVPA: "rahul.s@okicici"},
		{AccountName: "Rahul Sharma", AccountNumber: "50100012345678", IFSC: "hdfc0001234"},
	}
	for _, in := range ok {
		if _, err := ParseRefundTo(in); err != nil {
			t.Errorf("%+v: %v", in, err)
		}
	}
	bad := map[string]RefundToInput{
		"codRefundTo":               {},
		"codRefundTo.upiVpa":        {UPIVPA: "no-at-sign"},
		"codRefundTo.accountNumber": {AccountName: "Rahul", AccountNumber: "12AB", IFSC: "HDFC0001234"},
		"codRefundTo.ifsc":          {AccountName: "Rahul", AccountNumber: "50100012345678", IFSC: "HDFC1001234"},
		"codRefundTo.accountName":   {AccountName: "R\u202Ehul", AccountNumber: "50100012345678", IFSC: "HDFC0001234"},
	}
	for field, in := range bad {
		var ie *InputError
		if _, err := ParseRefundTo(in); !errors.As(err, &ie) || ie.Field != field {
			t.Errorf("%+v: %v, want field %s", in, err, field)
		}
	}
	if _, err := ParseRefundTo(RefundToInput{UPIVPA: "a@b", AccountNumber: "123456789"}); err == nil {
		t.Error("both a VPA and an account accepted")
	}
	m := RefundTo{Kind: BankAccount, AccountNumber: "50100012345678"}.Masked()
	if m.AccountNumber != "XXXXXXXXXX5678" {
		t.Errorf("masked = %s", m.AccountNumber)
	}
}

func TestParseRequest(t *testing.T) {
	t.Parallel()
	good := request(RequestItem{phoneID, 1})
	if _, err := ParseRequest(good); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(*Request){
		"orderId":           func(r *Request) { r.OrderID = "x" },
		"fulfilmentId":      func(r *Request) { r.StoreID = "" },
		"storeId":           func(r *Request) { r.StoreID = strings.ToUpper(storeID) },
		"items":             func(r *Request) { r.Items = nil },
		"items.orderItemId": func(r *Request) { r.Items = append(r.Items, r.Items[0]) },
		"items.quantity":    func(r *Request) { r.Items[0].Quantity = 0 },
		"reason":            func(r *Request) { r.Reason = "BORED" },
		"comment":           func(r *Request) { r.Comment = strings.Repeat("c", MaxComment+1) },
	}
	for field, edit := range cases {
		in := request(RequestItem{phoneID, 1})
		edit(&in)
		var ie *InputError
		if _, err := ParseRequest(in); !errors.As(err, &ie) || ie.Field != field {
			t.Errorf("%s: %v", field, err)
		}
	}
}

func TestStatusMachine(t *testing.T) {
	t.Parallel()
	allowed := map[[2]Status]bool{
		{Requested, Approved}: true, {Requested, Rejected}: true, {Requested, Closed}: true,
		{Approved, Received}: true, {Approved, Closed}: true, {Received, Refunded}: true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			if got := CanTransition(from, to); got != allowed[[2]Status{from, to}] {
				t.Errorf("%s → %s: %v", from, to, got)
			}
		}
	}
}

func TestReceiveNamesEveryItem(t *testing.T) {
	t.Parallel()
	now := delivered.Add(time.Hour)
	r, err := New("r1", request(RequestItem{phoneID, 1}, RequestItem{cablesID, 2}), facts(now))
	if err != nil {
		t.Fatal(err)
	}
	var te *TransitionError
	if err := r.Receive(map[string]bool{phoneID: true, cablesID: false}, now); !errors.As(err, &te) {
		t.Fatalf("receive before approval: %v", err)
	}
	if err := r.Approve(now); err != nil {
		t.Fatal(err)
	}
	var ie *InputError
	if err := r.Receive(map[string]bool{phoneID: true}, now); !errors.As(err, &ie) {
		t.Fatalf("an item left out: %v", err)
	}
	if err := r.Receive(map[string]bool{phoneID: true, "other": false}, now); !errors.As(err, &ie) {
		t.Fatalf("a stranger named: %v", err)
	}
	if r.Status != Approved || r.Items[0].Resaleable != nil {
		t.Fatalf("a refused receipt changed the return: %+v", r)
	}
	if err := r.Receive(map[string]bool{phoneID: true, cablesID: false}, now); err != nil {
		t.Fatal(err)
	}
	evs := r.ChangedEvents(true)
	last := evs[len(evs)-1]
	if last.To != Received || !last.OrderFullyReturned || !last.Items[0].Resaleable || last.Items[1].Resaleable {
		t.Fatalf("received event = %+v", last)
	}
	if evs[0].OrderFullyReturned {
		t.Fatal("the request itself cannot return the order")
	}
	if err := r.MarkRefunded(now); err != nil || r.Status != Refunded {
		t.Fatalf("refunded: %v %s", err, r.Status)
	}
	n := len(r.Changes())
	if err := r.MarkRefunded(now); err != nil || len(r.Changes()) != n {
		t.Fatal("a repeated refund moved the return again")
	}
}
