package cart

import (
	"time"

	"github.com/purra/supergraph/platform/errs"
)

// Errors of wishlist changes.
var (
	ErrWishlistItemNotFound = errs.Missing("wishlist item")
	ErrWishlistFull         = errs.Conflicting("a wishlist holds at most 100 items").WithReason("WISHLIST_LIMIT_REACHED")
)

// SavedItem is a variant saved in a wishlist.
type SavedItem struct {
	ID        string
	VariantID string
	AddedAt   time.Time
}

// Wishlist is a user's wishlist.
type Wishlist struct {
	ID        string
	UserID    string
	Items     []SavedItem
	CreatedAt time.Time
	UpdatedAt time.Time

	loaded map[string]bool // item ids as loaded
}

// LoadWishlist returns a wishlist as stored.
func LoadWishlist(id, userID string, items []SavedItem, createdAt, updatedAt time.Time) *Wishlist {
	w := &Wishlist{ID: id, UserID: userID, Items: items, CreatedAt: createdAt, UpdatedAt: updatedAt,
		loaded: make(map[string]bool, len(items))}
	for _, it := range items {
		w.loaded[it.ID] = true
	}
	return w
}

func (w *Wishlist) indexOf(variantID string) int {
	for i, it := range w.Items {
		if it.VariantID == variantID {
			return i
		}
	}
	return -1
}

// Save adds v (which must be purchasable) as item id; saving a variant
// that is already there changes nothing.
func (w *Wishlist) Save(rules Rules, id string, v Variant, now time.Time) error {
	if err := v.CheckPurchasable("variantId"); err != nil {
		return err
	}
	if w.indexOf(v.ID) >= 0 {
		return nil
	}
	if len(w.Items) >= rules.MaxWishlist {
		return ErrWishlistFull
	}
	w.Items = append(w.Items, SavedItem{ID: id, VariantID: v.ID, AddedAt: now})
	return nil
}

// Contains reports whether variantID is saved.
func (w *Wishlist) Contains(variantID string) bool { return w.indexOf(variantID) >= 0 }

// Remove takes variantID out of the wishlist.
func (w *Wishlist) Remove(variantID string) error {
	i := w.indexOf(variantID)
	if i < 0 {
		return ErrWishlistItemNotFound
	}
	w.Items = append(w.Items[:i], w.Items[i+1:]...)
	return nil
}

// Changes lists the items added and the ids of the items removed since load.
func (w *Wishlist) Changes() (added []SavedItem, deleted []string) {
	kept := make(map[string]bool, len(w.Items))
	for _, it := range w.Items {
		kept[it.ID] = true
		if !w.loaded[it.ID] {
			added = append(added, it)
		}
	}
	for id := range w.loaded {
		if !kept[id] {
			deleted = append(deleted, id)
		}
	}
	return added, deleted
}
