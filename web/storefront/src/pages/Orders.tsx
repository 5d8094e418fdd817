import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Button, MyOrdersDocument } from '@purra/web-shared';
import { useI18n, type MessageKey } from '../i18n';
import { useHead } from '../head';
import { useSession } from '../session';
import { QueryState } from '../components/QueryState';
import { SignInFirst } from '../components/auth';

function OrdersPage({ after, last, onMore }: { after: string | null; last: boolean; onMore: (c: string) => void }) {
  const { t, money, date } = useI18n();
  const [res, run] = useQuery({ query: MyOrdersDocument, variables: { first: 10, after }, requestPolicy: 'cache-and-network' });
  return (
    <QueryState {...res} retry={() => run({ requestPolicy: 'network-only' })}>
      {(d) => (
        <ul className="flex flex-col gap-2">
          {after === null && d.myOrders.totalCount === 0 && <li>{t('orders.empty')}</li>}
          {d.myOrders.edges.map(({ node: o }) => (
            <li key={o.id} className="rounded border border-slate-300 bg-white p-3">
              <Link to={`/orders/${o.id}`} className="flex flex-wrap justify-between gap-2">
                <span className="font-semibold underline">{o.orderNumber}</span>
                <span>{t(`status.${o.status}` as MessageKey)}</span>
                <span>{date(o.placedAt)}</span>
                <span className="font-semibold">{money(o.total.paise)}</span>
              </Link>
              <p className="text-sm text-slate-700">{o.items.map((i) => `${i.quantity} × ${i.title}`).join(', ')}</p>
            </li>
          ))}
          {last && d.myOrders.pageInfo.hasNextPage && d.myOrders.pageInfo.endCursor && (
            <li><Button variant="secondary" onClick={() => onMore(d.myOrders.pageInfo.endCursor!)}>{t('listing.more')}</Button></li>
          )}
        </ul>
      )}
    </QueryState>
  );
}

export default function Orders() {
  const { t } = useI18n();
  const s = useSession();
  useHead(t('orders.title'), t('orders.title'));
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  if (!s) return <SignInFirst title={t('orders.title')} />;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t('orders.title')}</h1>
      <div className="flex flex-col gap-2">
        {cursors.map((c, i) => <OrdersPage key={c ?? 'first'} after={c} last={i === cursors.length - 1} onMore={(n) => setCursors([...cursors, n])} />)}
      </div>
    </div>
  );
}
