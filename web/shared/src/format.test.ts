import { describe, expect, it } from 'vitest';
import { discountPercent, formatCount, formatDate, formatPaise } from './format';
import { interpolate } from './i18n';

describe('formatPaise', () => {
  it('groups rupees the Indian way', () => {
    expect(formatPaise(12990000)).toBe('₹1,29,900.00');
    expect(formatPaise(99)).toBe('₹0.99');
    expect(formatPaise(100)).toBe('₹1.00');
    expect(formatPaise(1_00_00_000_00)).toBe('₹1,00,00,000.00');
  });
  it('is exact to the paisa for large amounts', () => {
    expect(formatPaise(999_999_999_999_99)).toBe('₹9,99,99,99,99,999.99');
    expect(formatPaise(-50050)).toBe('-₹500.50');
  });
  it('keeps Latin digits on Hindi pages', () => {
    expect(formatPaise(12990000, 'hi')).toBe('₹1,29,900.00');
  });
  it('refuses amounts that are not whole paise', () => {
    expect(() => formatPaise(10.5)).toThrow(RangeError);
  });
});

describe('discountPercent', () => {
  it('rounds down, never overstating a discount', () => {
    expect(discountPercent(100000, 66700)).toBe(33);
    expect(discountPercent(79900, 79900)).toBe(0);
    expect(discountPercent(0, 100)).toBe(0);
  });
});

describe('dates and counts', () => {
  it('shows times in IST whatever the device zone', () => {
    expect(formatDate('2026-12-07T20:30:00Z', 'en')).toMatch(/8 Dec 2026, 2:00\s?am/i);
    expect(formatDate('2026-12-07T20:30:00Z', 'hi')).toContain('2026');
    expect(formatDate('2026-12-07T20:30:00Z', 'en', 'date')).toBe('8 Dec 2026');
  });
  it('groups counts the Indian way', () => {
    expect(formatCount(150000)).toBe('1,50,000');
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('Coupon {code} applied.', { code: 'WELCOME10' })).toBe('Coupon WELCOME10 applied.');
    expect(interpolate('{n} of {total}', { n: 1 })).toBe('1 of {total}');
  });
});
