import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, ApplyForOwnerDocument, Button, DeleteAddressDocument, MarkNotificationReadDocument, MeDocument, MyNotificationsDocument, MyOwnerApplicationDocument, SetDefaultAddressDocument, TextField, UpdateProfileDocument, appErrors } from '@purra/web-shared';
import { useI18n, stateName, type MessageKey } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState, useErrorText, useFieldErrorText } from '../components/QueryState';
import { SignInFirst } from '../components/auth';
import { AddressForm } from '../components/AddressForm';

function Profile({ name, phone, email }: { name: string; phone?: string | null; email?: string | null }) {
  const { t } = useI18n();
  const [v, setV] = useState({ name, phone: phone ?? '' });
  const [res, update] = useMutation(UpdateProfileDocument);
  const pe = useFieldErrorText(appErrors(res.error));
  const submit = (e: FormEvent) => { e.preventDefault(); update({ input: { name: v.name.trim(), phone: v.phone.trim() } }); };
  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate aria-label={t('account.profile')}>
      <p className="text-sm sm:col-span-2">{t('auth.email')}: {email}</p>
      <TextField label={t('auth.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={pe('name')} />
      <TextField label={t('auth.phone')} value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} error={pe('phone')} />
      {res.data && <div className="sm:col-span-2"><Alert kind="success">{t('account.saved')}</Alert></div>}
      <div><Button type="submit" busy={res.fetching}>{t('address.save')}</Button></div>
    </form>
  );
}

function Addresses() {
  const { t, locale } = useI18n();
  const [me, run] = useQuery({ query: MeDocument });
  const [editing, setEditing] = useState<string | null>(null);
  const [, del] = useMutation(DeleteAddressDocument);
  const [, setDefault] = useMutation(SetDefaultAddressDocument);
  const refetch = () => run({ requestPolicy: 'network-only' });
  const list = me.data?.me?.addresses ?? [];
  return (
    <div className="flex flex-col gap-2">
      {list.map((a) => editing === a.id ? (
        <AddressForm key={a.id} id={a.id} initial={a} onSaved={() => { setEditing(null); refetch(); }} onCancel={() => setEditing(null)} />
      ) : (
        <div key={a.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-200 p-2 text-sm">
          <span>{a.name}, {a.line1}, {a.city}, {stateName(a.state, locale)} {a.pinCode} {a.isDefault && <strong>({t('address.default')})</strong>}</span>
          <span className="flex gap-1">
            <Button variant="ghost" onClick={() => setEditing(a.id)}>{t('address.edit')}</Button>
            {!a.isDefault && <Button variant="ghost" onClick={async () => { await setDefault({ id: a.id }); refetch(); }}>{t('address.makeDefault')}</Button>}
            <Button variant="ghost" onClick={async () => { await del({ id: a.id }); refetch(); }}>{t('cart.remove')}</Button>
          </span>
        </div>
      ))}
      {editing === 'new' ? <AddressForm onSaved={() => { setEditing(null); refetch(); }} onCancel={() => setEditing(null)} /> : <div><Button variant="secondary" onClick={() => setEditing('new')}>{t('address.add')}</Button></div>}
    </div>
  );
}

function Inbox() {
  const { t, date } = useI18n();
  const [res, run] = useQuery({ query: MyNotificationsDocument, variables: { first: 20 }, requestPolicy: 'cache-and-network' });
  const [, markRead] = useMutation(MarkNotificationReadDocument);
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) => d.myNotifications.edges.length === 0 ? <p className="text-sm">{t('account.noNotifications')}</p> : (
        <ul className="flex flex-col gap-2">
          {d.myNotifications.edges.filter((e) => e.node.channel === 'IN_APP').map(({ node: n }) => (
            <li key={n.id} className={`rounded border p-2 text-sm ${n.readAt ? 'border-slate-200' : 'border-indigo-400 bg-indigo-50'}`}>
              <p className="font-semibold">{n.title}</p>
              <p className="whitespace-pre-line">{n.body}</p>
              <p className="text-xs text-slate-700">{date(n.createdAt)}</p>
              {!n.readAt && <Button variant="ghost" onClick={() => markRead({ id: n.id })}>{t('account.markRead')}</Button>}
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}

function SellerApplication() {
  const { t } = useI18n();
  const text = useErrorText();
  const [mine, run] = useQuery({ query: MyOwnerApplicationDocument });
  const [v, setV] = useState({ businessName: '', gstin: '', pan: '' });
  const [res, apply] = useMutation(ApplyForOwnerDocument);
  const err = appErrors(res.error);
  const app = res.data?.applyForOwner ?? mine.data?.myOwnerApplication;
  if (app) return <p className="text-sm">{t('seller.status', { name: app.businessName, status: t(`seller.${app.status}` as MessageKey) })}</p>;
  const fe = useFieldErrorText(err);
  return (
    <QueryState {...mine} retry={() => run({ requestPolicy: 'network-only' })}>
      {() => (
        <form onSubmit={(e) => { e.preventDefault(); apply({ input: { businessName: v.businessName.trim(), gstin: v.gstin.trim().toUpperCase(), pan: v.pan.trim().toUpperCase() } }); }} className="grid gap-3 sm:grid-cols-3" noValidate aria-label={t('seller.title')}>
          <TextField label={t('seller.business')} value={v.businessName} onChange={(e) => setV({ ...v, businessName: e.target.value })} error={fe('businessName')} />
          <TextField label={t('seller.gstin')} value={v.gstin} onChange={(e) => setV({ ...v, gstin: e.target.value })} error={fe('gstin')} maxLength={15} />
          <TextField label={t('seller.pan')} value={v.pan} onChange={(e) => setV({ ...v, pan: e.target.value })} error={fe('pan')} maxLength={10} />
          {err.filter((e) => !['businessName', 'gstin', 'pan'].includes(e.field ?? '')).map((e, i) => <div key={i} className="sm:col-span-3"><Alert>{text(e)}</Alert></div>)}
          <div><Button type="submit" busy={res.fetching}>{t('seller.apply')}</Button></div>
        </form>
      )}
    </QueryState>
  );
}

export default function Account() {
  const { t } = useI18n();
  const s = useSession();
  useHead(t('account.title'), t('account.title'));
  const [me, run] = useQuery({ query: MeDocument, pause: !s });
  if (!s) return <SignInFirst title={t('account.title')} />;
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={id} className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id={id} className="mb-3 text-lg font-bold">{title}</h2>
      {body}
    </section>
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('account.title')}</h1>
      <QueryState {...me} retry={() => run({ requestPolicy: 'network-only' })}>
        {(d) => d.me && (
          <>
            {section('profile', t('account.profile'), <Profile name={d.me.name} phone={d.me.phone} email={d.me.email} />)}
            {section('addresses', t('account.addresses'), <Addresses />)}
            {section('inbox', t('account.notifications'), <Inbox />)}
            {s.user.role === 'CUSTOMER' || s.user.role === 'RETAILER' ? section('seller', t('seller.title'), <SellerApplication />) : null}
          </>
        )}
      </QueryState>
    </div>
  );
}
