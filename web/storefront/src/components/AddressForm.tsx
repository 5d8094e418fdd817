import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Alert, AddAddressDocument, Button, SelectField, TextField, UpdateAddressDocument, appErrors, formErrors, type IndianState } from '@purra/web-shared';
import { useI18n, indianStates, stateName } from '../i18n';
import { useErrorText, useFieldErrorText } from './QueryState';

export type AddressValue = { name: string; phone: string; line1: string; line2?: string | null; landmark?: string | null; city: string; state: IndianState; pinCode: string };

const fields = ['name', 'phone', 'line1', 'line2', 'landmark', 'city', 'state', 'pinCode'] as const;

/** Add or edit an address with India's fields: the state list and a 6-digit PIN code (checked by the server). */
export function AddressForm({ id, initial, onSaved, onCancel }: { id?: string; initial?: AddressValue; onSaved: (id: string) => void; onCancel?: () => void }) {
  const { t, locale } = useI18n();
  const text = useErrorText();
  const [v, setV] = useState<AddressValue>(initial ?? { name: '', phone: '', line1: '', line2: '', landmark: '', city: '', state: 'KARNATAKA', pinCode: '' });
  const [add, addAddress] = useMutation(AddAddressDocument);
  const [upd, updateAddress] = useMutation(UpdateAddressDocument);
  const errors = appErrors(id ? upd.error : add.error);
  const set = (k: keyof AddressValue) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setV({ ...v, [k]: e.target.value });
  const fe = useFieldErrorText(errors);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { name: v.name.trim(), phone: v.phone.trim(), line1: v.line1.trim(), line2: v.line2?.trim() || null, landmark: v.landmark?.trim() || null, city: v.city.trim(), state: v.state, pinCode: v.pinCode.trim() };
    if (id) {
      const r = await updateAddress({ id, input });
      if (r.data) onSaved(r.data.updateAddress.id);
    } else {
      const r = await addAddress({ input });
      if (r.data) onSaved(r.data.addAddress.id);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={id ? t('address.edit') : t('address.add')}>
      <TextField label={t('address.name')} autoComplete="name" value={v.name} onChange={set('name')} error={fe('name')} required />
      <TextField label={t('address.phone')} type="tel" autoComplete="tel" value={v.phone} onChange={set('phone')} error={fe('phone')} required />
      <TextField label={t('address.line1')} autoComplete="address-line1" value={v.line1} onChange={set('line1')} error={fe('line1')} required className="sm:col-span-2" />
      <TextField label={t('address.line2')} autoComplete="address-line2" value={v.line2 ?? ''} onChange={set('line2')} error={fe('line2')} className="sm:col-span-2" />
      <TextField label={t('address.landmark')} value={v.landmark ?? ''} onChange={set('landmark')} error={fe('landmark')} />
      <TextField label={t('address.city')} autoComplete="address-level2" value={v.city} onChange={set('city')} error={fe('city')} required />
      <SelectField label={t('address.state')} value={v.state} onChange={set('state')} error={fe('state')} required>
        {indianStates.map((s) => <option key={s} value={s}>{stateName(s, locale)}</option>)}
      </SelectField>
      <TextField label={t('address.pinCode')} inputMode="numeric" autoComplete="postal-code" maxLength={6} value={v.pinCode} onChange={set('pinCode')} error={fe('pinCode')} hint={t('address.pinHint')} required />
      {formErrors(errors, fields).map((e, i) => <div key={i} className="sm:col-span-2"><Alert>{text(e)}</Alert></div>)}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={add.fetching || upd.fetching}>{t('address.save')}</Button>
        {onCancel && <Button type="button" variant="secondary" onClick={onCancel}>{t('action.cancel')}</Button>}
      </div>
    </form>
  );
}
