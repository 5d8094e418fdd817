// The product page's variant picker: which attribute values exist, which one
// a shopper may pick given the others already picked, and which variant a
// pick leads to. Pure functions, so the rules are unit-tested.
export type PickerVariant = {
  id: string;
  inStock: boolean;
  attributes: readonly { attribute: { slug: string; name: string }; value: { value: string } }[];
};

export type Axis = { slug: string; name: string; values: string[] };
export type Selection = Record<string, string>;

/** Every attribute the variants vary by, with its values in first-seen order. */
export function axesOf(variants: readonly PickerVariant[]): Axis[] {
  const axes = new Map<string, Axis>();
  for (const v of variants) {
    for (const a of v.attributes) {
      const axis = axes.get(a.attribute.slug) ?? { slug: a.attribute.slug, name: a.attribute.name, values: [] };
      if (!axis.values.includes(a.value.value)) axis.values.push(a.value.value);
      axes.set(a.attribute.slug, axis);
    }
  }
  return [...axes.values()];
}

export function selectionOf(v: PickerVariant | undefined): Selection {
  return Object.fromEntries((v?.attributes ?? []).map((a) => [a.attribute.slug, a.value.value]));
}

const matches = (v: PickerVariant, sel: Selection) => Object.entries(sel).every(([slug, value]) => v.attributes.some((a) => a.attribute.slug === slug && a.value.value === value));

export type OptionState = 'available' | 'soldOut' | 'none';

/**
 * What picking `value` for `slug` would give with the other picks kept:
 * a variant in stock (available), only sold-out variants (soldOut), or no such
 * combination at all (none). The picker disables soldOut and none.
 */
export function optionState(variants: readonly PickerVariant[], current: Selection, slug: string, value: string): OptionState {
  const sel = { ...current, [slug]: value };
  const found = variants.filter((v) => matches(v, sel));
  if (!found.length) return 'none';
  return found.some((v) => v.inStock) ? 'available' : 'soldOut';
}

/** The variant a pick leads to: the exact combination, else the first in-stock variant with the picked value. */
export function pick(variants: readonly PickerVariant[], current: Selection, slug: string, value: string): PickerVariant | undefined {
  const sel = { ...current, [slug]: value };
  return (
    variants.find((v) => matches(v, sel)) ??
    variants.find((v) => v.inStock && matches(v, { [slug]: value })) ??
    variants.find((v) => matches(v, { [slug]: value }))
  );
}

/** The variant shown first: the one asked for (URL), else the first in stock, else the first. */
export function initialVariant<V extends PickerVariant>(variants: readonly V[], wanted?: string | null): V | undefined {
  return variants.find((v) => v.id === wanted) ?? variants.find((v) => v.inStock) ?? variants[0];
}
