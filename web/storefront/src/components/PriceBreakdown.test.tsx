import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../i18n';
import { PriceBreakdown, type Breakdown } from './PriceBreakdown';
import { VariantPicker } from './VariantPicker';

const m = (paise: number) => ({ paise });
const base: Breakdown = {
  subtotal: m(31980000),
  automaticDiscount: m(0),
  couponDiscount: m(100000),
  gst: { cgst: m(2424000), sgst: m(2424000), igst: m(0), total: m(4848000) },
  shipping: m(0),
  total: m(31880000),
};

afterEach(cleanup);

describe('PriceBreakdown', () => {
  it('shows CGST and SGST within the seller’s state', () => {
    render(<I18nProvider initial="en"><PriceBreakdown b={base} couponCode="WELCOME10" /></I18nProvider>);
    expect(screen.getByTestId('subtotal').textContent).toContain('₹3,19,800.00');
    expect(screen.getByTestId('coupon-discount').textContent).toBe('Coupon WELCOME10−₹1,000.00');
    expect(screen.getByTestId('cgst').textContent).toContain('₹24,240.00');
    expect(screen.getByTestId('sgst').textContent).toContain('₹24,240.00');
    expect(screen.queryByTestId('igst')).toBeNull();
    expect(screen.getByTestId('shipping').textContent).toContain('Free');
    expect(screen.getByTestId('total').textContent).toContain('₹3,18,800.00');
    expect(screen.queryByTestId('automatic-discount')).toBeNull();
  });
  it('shows IGST across states, in Hindi', () => {
    const b = { ...base, gst: { cgst: m(0), sgst: m(0), igst: m(4848000), total: m(4848000) }, shipping: m(4900) };
    render(<I18nProvider initial="hi"><PriceBreakdown b={b} /></I18nProvider>);
    expect(screen.getByTestId('igst').textContent).toBe('IGST₹48,480.00');
    expect(screen.queryByTestId('cgst')).toBeNull();
    expect(screen.getByTestId('shipping').textContent).toBe('डिलीवरी₹49.00');
    expect(screen.getByText('₹48,480.00 GST शामिल')).toBeTruthy();
  });
});

describe('VariantPicker', () => {
  const v = (id: string, colour: string, storage: string, inStock = true) => ({
    id,
    inStock,
    attributes: [
      { attribute: { slug: 'colour', name: 'Colour' }, value: { value: colour } },
      { attribute: { slug: 'storage', name: 'Storage' }, value: { value: storage } },
    ],
  });
  it('disables the combinations that cannot be bought', () => {
    const variants = [v('a', 'Black', '128 GB'), v('b', 'Blue', '128 GB', false), v('c', 'Blue', '256 GB')];
    render(<I18nProvider initial="en"><VariantPicker variants={variants} selected={variants[0]} onSelect={() => {}} /></I18nProvider>);
    const colour = screen.getByRole('group', { name: /Colour/ });
    expect((within(colour).getByLabelText(/^Black/) as HTMLInputElement).checked).toBe(true);
    expect((within(colour).getByLabelText(/^Blue/) as HTMLInputElement).disabled).toBe(true); // Blue 128 GB is sold out
    const storage = screen.getByRole('group', { name: /Storage/ });
    expect((within(storage).getByLabelText(/^256 GB/) as HTMLInputElement).disabled).toBe(true); // no Black 256 GB
  });
});
