import { describe, expect, it } from 'vitest';
import { axesOf, initialVariant, optionState, pick, selectionOf, type PickerVariant } from './variants';

const v = (id: string, colour: string, storage: string, inStock = true): PickerVariant => ({
  id,
  inStock,
  attributes: [
    { attribute: { slug: 'colour', name: 'Colour' }, value: { value: colour } },
    { attribute: { slug: 'storage', name: 'Storage' }, value: { value: storage } },
  ],
});

// Black in 128/256, Blue in 128 (256 sold out), Pink only in 512.
const variants = [v('b128', 'Black', '128 GB'), v('b256', 'Black', '256 GB'), v('u128', 'Blue', '128 GB'), v('u256', 'Blue', '256 GB', false), v('p512', 'Pink', '512 GB')];

describe('variant picker', () => {
  it('lists each attribute once with its values in order', () => {
    expect(axesOf(variants)).toEqual([
      { slug: 'colour', name: 'Colour', values: ['Black', 'Blue', 'Pink'] },
      { slug: 'storage', name: 'Storage', values: ['128 GB', '256 GB', '512 GB'] },
    ]);
  });
  it('disables values that do not exist or are sold out with the other picks', () => {
    const sel = selectionOf(variants[1]); // Black, 256 GB
    expect(optionState(variants, sel, 'colour', 'Black')).toBe('available');
    expect(optionState(variants, sel, 'colour', 'Blue')).toBe('soldOut');
    expect(optionState(variants, sel, 'colour', 'Pink')).toBe('none');
    expect(optionState(variants, sel, 'storage', '128 GB')).toBe('available');
    expect(optionState(variants, sel, 'storage', '512 GB')).toBe('none');
  });
  it('picks the exact combination, else an in-stock variant with the picked value', () => {
    const sel = selectionOf(variants[0]); // Black, 128 GB
    expect(pick(variants, sel, 'colour', 'Blue')?.id).toBe('u128');
    expect(pick(variants, sel, 'storage', '512 GB')?.id).toBe('p512');
    expect(pick(variants, selectionOf(variants[2]), 'storage', '256 GB')?.id).toBe('u256');
  });
  it('starts from the variant in the URL, else the first in stock', () => {
    expect(initialVariant(variants, 'u128')?.id).toBe('u128');
    expect(initialVariant([v('x', 'Red', '1 TB', false), v('y', 'Red', '2 TB')], null)?.id).toBe('y');
  });
});
