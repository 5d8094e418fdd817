import { useState } from 'react';
import { useQuery } from 'urql';
import { Button, ProductReviewsDocument } from '@purra/web-shared';
import { useI18n } from '../i18n';
import { Stars } from './Stars';

type Review = { id: string; rating: number; title: string; text: string; verified: boolean; createdAt: string; author: { name: string } };

export function RatingSummary({ rating }: { rating: { average: number; count: number; distribution: readonly { stars: number; count: number }[] } }) {
  const { t } = useI18n();
  if (rating.count === 0) return <p className="text-sm text-slate-700">{t('reviews.none')}</p>;
  return (
    <div className="flex flex-col gap-1">
      <Stars average={rating.average} count={rating.count} />
      <table className="text-xs">
        <caption className="sr-only">{t('reviews.distribution')}</caption>
        <tbody>
          {[...rating.distribution].sort((a, b) => b.stars - a.stars).map((b) => (
            <tr key={b.stars}>
              <th scope="row" className="pr-2 text-left font-normal">{t('reviews.stars', { n: b.stars })}</th>
              <td className="w-40"><div className="h-2 rounded bg-slate-200"><div className="h-2 rounded bg-amber-500" style={{ width: `${(b.count * 100) / rating.count}%` }} /></div></td>
              <td className="pl-2">{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReviewItem({ r }: { r: Review }) {
  const { t, date } = useI18n();
  return (
    <li className="border-b border-slate-200 py-3">
      <Stars average={r.rating} count={1} />
      <p className="font-semibold">{r.title}</p>
      <p className="whitespace-pre-line text-sm">{r.text}</p>
      <p className="text-xs text-slate-700">
        {r.author.name} · {date(r.createdAt, 'date')} {r.verified && <span className="font-semibold text-green-800">· {t('reviews.verified')}</span>}
      </p>
    </li>
  );
}

function MoreReviews({ productId, after, onMore }: { productId: string; after: string; onMore: (c: string | null) => void }) {
  const { t } = useI18n();
  const [res] = useQuery({ query: ProductReviewsDocument, variables: { id: productId, after, first: 5 } });
  const page = res.data?.product?.reviews;
  if (!page) return null;
  return (
    <>
      {page.edges.map((e) => <ReviewItem key={e.node.id} r={e.node} />)}
      {page.pageInfo.hasNextPage && <li><Button variant="ghost" onClick={() => onMore(page.pageInfo.endCursor ?? null)}>{t('reviews.more')}</Button></li>}
    </>
  );
}

export function ReviewList({ productId, first }: { productId: string; first: { edges: readonly { node: Review }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } }) {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<string[]>([]);
  const firstMore = first.pageInfo.hasNextPage && first.pageInfo.endCursor && cursors.length === 0;
  return (
    <ul>
      {first.edges.map((e) => <ReviewItem key={e.node.id} r={e.node} />)}
      {cursors.map((c, i) => (
        <MoreReviews key={c} productId={productId} after={c} onMore={(n) => (i === cursors.length - 1 && n ? setCursors([...cursors, n]) : undefined)} />
      ))}
      {firstMore && <li><Button variant="ghost" onClick={() => setCursors([first.pageInfo.endCursor!])}>{t('reviews.more')}</Button></li>}
    </ul>
  );
}
