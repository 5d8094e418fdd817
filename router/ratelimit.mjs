// Rate limits per client IP and per credential, counted in Redis so every
// router replica shares the buckets (fixed windows: one INCR per bucket per
// request). Redis trouble lets requests through (logged): the subgraphs have
// their own limits on logins and other sensitive operations.
import { createHash } from 'node:crypto';
import Redis from 'ioredis';

export function createRateLimiter({ url, prefix, perIp, perClient, windowMs, log }) {
  if (!(perIp > 0) && !(perClient > 0)) return null;
  const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000 });
  let warned = 0;
  redis.on('error', (err) => {
    if (Date.now() - warned > 30_000) {
      warned = Date.now();
      log.warn({ err: String(err?.message ?? err) }, 'rate limit Redis unavailable: not limiting');
    }
  });
  return {
    /** Counts one request; resolves { limited, retryAfterS, bucket } */
    async hit({ ip, credential }) {
      const now = Date.now();
      const win = Math.floor(now / windowMs);
      const retryAfterS = Math.max(1, Math.ceil(((win + 1) * windowMs - now) / 1000));
      const buckets = [];
      if (perIp > 0 && ip) buckets.push(['ip', ip, perIp]);
      if (perClient > 0 && credential) buckets.push(['client', createHash('sha256').update(credential).digest('hex').slice(0, 32), perClient]);
      if (buckets.length === 0) return { limited: false };
      try {
        const m = redis.multi();
        for (const [kind, id] of buckets) {
          const key = `${prefix}${kind}:${id}:${win}`;
          m.incr(key).pexpire(key, windowMs * 2);
        }
        const res = await m.exec();
        for (let i = 0; i < buckets.length; i++) {
          const [err, count] = res[i * 2];
          if (!err && count > buckets[i][2]) return { limited: true, retryAfterS, bucket: buckets[i][0] };
        }
      } catch (err) {
        if (Date.now() - warned > 30_000) {
          warned = Date.now();
          log.warn({ err: String(err?.message ?? err) }, 'rate limit Redis unavailable: not limiting');
        }
      }
      return { limited: false };
    },
    close: () => redis.disconnect(),
  };
}
