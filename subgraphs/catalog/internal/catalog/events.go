package catalog

// Events published on catalog.events, keyed by product id so that one
// product's events (its variants' included) keep their order.

// ProductCreated: a store listed a product.
type ProductCreated struct {
	ProductID  string `json:"productId"`
	StoreID    string `json:"storeId"`
	Slug       string `json:"slug"`
	Title      string `json:"title"`
	BrandID    string `json:"brandId"`
	CategoryID string `json:"categoryId"`
	HSNCode    string `json:"hsnCode"`
	Status     Status `json:"status"`
	CreatedBy  string `json:"createdBy"`
}

func (ProductCreated) EventType() string { return "product.created" }
func (ProductCreated) EventVersion() int { return 1 }

// ProductUpdated: product fields or media changed; Changed names the fields.
type ProductUpdated struct {
	ProductID string   `json:"productId"`
	StoreID   string   `json:"storeId"`
	Slug      string   `json:"slug"`
	Title     string   `json:"title"`
	Status    Status   `json:"status"`
	Changed   []string `json:"changed"`
}

func (ProductUpdated) EventType() string { return "product.updated" }
func (ProductUpdated) EventVersion() int { return 1 }

// ProductArchived: a product was withdrawn from sale.
type ProductArchived struct {
	ProductID string `json:"productId"`
	StoreID   string `json:"storeId"`
}

func (ProductArchived) EventType() string { return "product.archived" }
func (ProductArchived) EventVersion() int { return 1 }

// VariantCreated: a product got a new SKU. InitialStock is the stock the
// store starts with; inventory, which owns stock, creates the stock level from it.
type VariantCreated struct {
	VariantID          string `json:"variantId"`
	ProductID          string `json:"productId"`
	StoreID            string `json:"storeId"`
	SKU                string `json:"sku"`
	Title              string `json:"title"`
	MRPPaise           int64  `json:"mrpPaise"`
	PricePaise         int64  `json:"pricePaise"`
	RetailerPricePaise *int64 `json:"retailerPricePaise"`
	MinOrderQuantity   int    `json:"minOrderQuantity"`
	InitialStock       int    `json:"initialStock"`
}

func (VariantCreated) EventType() string { return "variant.created" }
func (VariantCreated) EventVersion() int { return 1 }

// VariantPriceChanged: any of a variant's MRP, price or retailer price changed.
type VariantPriceChanged struct {
	VariantID             string `json:"variantId"`
	ProductID             string `json:"productId"`
	SKU                   string `json:"sku"`
	OldMRPPaise           int64  `json:"oldMrpPaise"`
	NewMRPPaise           int64  `json:"newMrpPaise"`
	OldPricePaise         int64  `json:"oldPricePaise"`
	NewPricePaise         int64  `json:"newPricePaise"`
	OldRetailerPricePaise *int64 `json:"oldRetailerPricePaise"`
	NewRetailerPricePaise *int64 `json:"newRetailerPricePaise"`
}

func (VariantPriceChanged) EventType() string { return "variant.price_changed" }
func (VariantPriceChanged) EventVersion() int { return 1 }

// VariantUpdated: a variant's title, minimum order quantity or media changed.
type VariantUpdated struct {
	VariantID        string   `json:"variantId"`
	ProductID        string   `json:"productId"`
	SKU              string   `json:"sku"`
	Title            string   `json:"title"`
	MinOrderQuantity int      `json:"minOrderQuantity"`
	Changed          []string `json:"changed"`
}

func (VariantUpdated) EventType() string { return "variant.updated" }
func (VariantUpdated) EventVersion() int { return 1 }

// GSTRateChanged: an admin set the GST rate of an HSN code (keyed by the HSN
// code). OldRatePercent is null when the code had no rate of its own before.
type GSTRateChanged struct {
	HSNCode        string   `json:"hsnCode"`
	OldRatePercent *float64 `json:"oldRatePercent"`
	NewRatePercent float64  `json:"newRatePercent"`
}

func (GSTRateChanged) EventType() string { return "gst_rate.changed" }
func (GSTRateChanged) EventVersion() int { return 1 }

// Events consumed by the catalogue.

// StockChanged is inventory's stock.changed (topic inventory.events): sent
// when a variant's inStock flips and on its first stock. Only the fields the
// catalogue reads.
type StockChanged struct {
	VariantID string `json:"variantId"`
	Available int    `json:"available"`
	InStock   bool   `json:"inStock"`
}
