package notify

// wording is one event's message in one language: the subject (email
// subject, in-app title), a short text (SMS and in-app body) and the email's
// HTML body.
type wording struct{ subject, text, html string }

// defaults are the built-in templates: the seed stores them, and they stand
// in for any template missing from the database.
var defaults = map[Event]map[Language]wording{
	UserRegistered: {
		English: {"Welcome to Purra, {{.Name}}!",
			"Hi {{.Name}}, welcome to Purra. Explore the best electronics in India.",
			`<p>Hi {{.Name}},</p><p>Welcome to <b>Purra</b>! Your account ({{.Email}}) is ready. Explore the best electronics in India.</p>`},
		Hindi: {"Purra में आपका स्वागत है, {{.Name}}!",
			"नमस्ते {{.Name}}, Purra में आपका स्वागत है। भारत के सबसे अच्छे इलेक्ट्रॉनिक्स देखें।",
			`<p>नमस्ते {{.Name}},</p><p><b>Purra</b> में आपका स्वागत है! आपका खाता ({{.Email}}) तैयार है।</p>`},
	},
	OrderPlaced: {
		English: {"Order {{.OrderNumber}} placed",
			"Hi {{.Name}}, we received your order {{.OrderNumber}} of {{.Total}}.",
			`<p>Hi {{.Name}},</p><p>We received your order <b>{{.OrderNumber}}</b> of {{.Total}}. We will tell you when it ships.</p>`},
		Hindi: {"ऑर्डर {{.OrderNumber}} प्राप्त हुआ",
			"नमस्ते {{.Name}}, हमें आपका {{.Total}} का ऑर्डर {{.OrderNumber}} मिल गया है।",
			`<p>नमस्ते {{.Name}},</p><p>हमें आपका {{.Total}} का ऑर्डर <b>{{.OrderNumber}}</b> मिल गया है।</p>`},
	},
	OrderPaid: {
		English: {"Payment received for order {{.OrderNumber}}",
			"Hi {{.Name}}, your payment of {{.Total}} for order {{.OrderNumber}} was received.",
			`<p>Hi {{.Name}},</p><p>Your payment of {{.Total}} for order <b>{{.OrderNumber}}</b> was received.</p>`},
		Hindi: {"ऑर्डर {{.OrderNumber}} का भुगतान प्राप्त हुआ",
			"नमस्ते {{.Name}}, ऑर्डर {{.OrderNumber}} के लिए आपका {{.Total}} का भुगतान प्राप्त हुआ।",
			`<p>नमस्ते {{.Name}},</p><p>ऑर्डर <b>{{.OrderNumber}}</b> के लिए आपका {{.Total}} का भुगतान प्राप्त हुआ।</p>`},
	},
	OrderShipped: {
		English: {"Order {{.OrderNumber}} has shipped",
			"Hi {{.Name}}, your order {{.OrderNumber}} is on its way.",
			`<p>Hi {{.Name}},</p><p>Your order <b>{{.OrderNumber}}</b> is on its way.</p>`},
		Hindi: {"ऑर्डर {{.OrderNumber}} भेज दिया गया है",
			"नमस्ते {{.Name}}, आपका ऑर्डर {{.OrderNumber}} रास्ते में है।",
			`<p>नमस्ते {{.Name}},</p><p>आपका ऑर्डर <b>{{.OrderNumber}}</b> रास्ते में है।</p>`},
	},
	FulfilmentShipped: {
		English: {"Your {{.Title}} has shipped",
			"Hi {{.Name}}, your {{.Title}} from order {{.OrderNumber}} has shipped with {{.Carrier}} ({{.TrackingNumber}}).",
			`<p>Hi {{.Name}},</p><p>Your <b>{{.Title}}</b> from order <b>{{.OrderNumber}}</b> has shipped with {{.Carrier}}, tracking number {{.TrackingNumber}}.</p>`},
		Hindi: {"आपका {{.Title}} भेज दिया गया है",
			"नमस्ते {{.Name}}, ऑर्डर {{.OrderNumber}} का आपका {{.Title}} {{.Carrier}} ({{.TrackingNumber}}) से भेज दिया गया है।",
			`<p>नमस्ते {{.Name}},</p><p>ऑर्डर <b>{{.OrderNumber}}</b> का आपका <b>{{.Title}}</b> {{.Carrier}} से भेज दिया गया है, ट्रैकिंग नंबर {{.TrackingNumber}}।</p>`},
	},
	OrderDelivered: {
		English: {"Order {{.OrderNumber}} delivered",
			"Hi {{.Name}}, your order {{.OrderNumber}} was delivered. Enjoy!",
			`<p>Hi {{.Name}},</p><p>Your order <b>{{.OrderNumber}}</b> was delivered. Enjoy, and tell others what you think in a review.</p>`},
		Hindi: {"ऑर्डर {{.OrderNumber}} डिलीवर हो गया",
			"नमस्ते {{.Name}}, आपका ऑर्डर {{.OrderNumber}} डिलीवर हो गया है।",
			`<p>नमस्ते {{.Name}},</p><p>आपका ऑर्डर <b>{{.OrderNumber}}</b> डिलीवर हो गया है।</p>`},
	},
	OrderCancelled: {
		English: {"Order {{.OrderNumber}} cancelled",
			"Hi {{.Name}}, your order {{.OrderNumber}} was cancelled. Any payment will be refunded.",
			`<p>Hi {{.Name}},</p><p>Your order <b>{{.OrderNumber}}</b> was cancelled. Any payment will be refunded.</p>`},
		Hindi: {"ऑर्डर {{.OrderNumber}} रद्द हो गया",
			"नमस्ते {{.Name}}, आपका ऑर्डर {{.OrderNumber}} रद्द कर दिया गया है। कोई भी भुगतान वापस कर दिया जाएगा।",
			`<p>नमस्ते {{.Name}},</p><p>आपका ऑर्डर <b>{{.OrderNumber}}</b> रद्द कर दिया गया है। कोई भी भुगतान वापस कर दिया जाएगा।</p>`},
	},
	PaymentRefunded: {
		English: {"Refund of {{.Amount}} for order {{.OrderNumber}}",
			"Hi {{.Name}}, we refunded {{.Amount}} for order {{.OrderNumber}}.",
			`<p>Hi {{.Name}},</p><p>We refunded {{.Amount}} for order <b>{{.OrderNumber}}</b>. It reaches your account in 5–7 working days.</p>`},
		Hindi: {"ऑर्डर {{.OrderNumber}} के लिए {{.Amount}} का रिफ़ंड",
			"नमस्ते {{.Name}}, ऑर्डर {{.OrderNumber}} के लिए {{.Amount}} वापस कर दिए गए हैं।",
			`<p>नमस्ते {{.Name}},</p><p>ऑर्डर <b>{{.OrderNumber}}</b> के लिए {{.Amount}} वापस कर दिए गए हैं।</p>`},
	},
	StockLow: {
		English: {"Low stock: variant {{.VariantID}}",
			"Variant {{.VariantID}} has {{.Available}} available ({{.OnHand}} on hand, alert at {{.Threshold}}).",
			`<p>Hi {{.Name}},</p><p>Variant <code>{{.VariantID}}</code> has {{.Available}} available ({{.OnHand}} on hand; alert at {{.Threshold}}).</p>`},
		Hindi: {"कम स्टॉक: वैरिएंट {{.VariantID}}",
			"वैरिएंट {{.VariantID}} के {{.Available}} उपलब्ध हैं ({{.OnHand}} स्टॉक में, सीमा {{.Threshold}})।",
			`<p>नमस्ते {{.Name}},</p><p>वैरिएंट <code>{{.VariantID}}</code> के {{.Available}} उपलब्ध हैं ({{.OnHand}} स्टॉक में, सीमा {{.Threshold}})।</p>`},
	},
	BulkAnnouncement: {
		English: {"{{.Title}}", "{{.Body}}", `<p>Hi {{.Name}},</p><h2>{{.Title}}</h2><p>{{.Body}}</p>`},
		Hindi:   {"{{.Title}}", "{{.Body}}", `<p>नमस्ते {{.Name}},</p><h2>{{.Title}}</h2><p>{{.Body}}</p>`},
	},
}

// Default returns the built-in template for k.
func Default(k Key) (Template, bool) {
	w, ok := defaults[k.Event][k.Language]
	if !ok {
		return Template{}, false
	}
	t := Template{Event: k.Event, Channel: k.Channel, Language: k.Language, Subject: w.subject, Body: w.text}
	switch k.Channel {
	case Email:
		t.Body = w.html
	case SMS:
		t.Subject = ""
	}
	return t, true
}

// Defaults returns every built-in template: each event, channel and language.
func Defaults() []Template {
	var out []Template
	for _, e := range Events {
		for _, ch := range []Channel{Email, SMS, InApp} {
			for _, l := range Languages {
				if t, ok := Default(Key{e, ch, l}); ok {
					out = append(out, t)
				}
			}
		}
	}
	return out
}
