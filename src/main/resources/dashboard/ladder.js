// The order-book ladder: asks above (best nearest the middle), bids below, each level with a
// depth bar proportional to its quantity against the largest level shown.
import { $, fill, row, text } from './dom.js';

export function clearLadder() {
  fill($('asks'), []);
  fill($('bids'), []);
  for (const id of ['best-bid', 'best-ask', 'spread', 'as-of-seq']) {
    text(id, null);
  }
}

/** Shows a depth answer or stream event: {asOfSeq, bestBid, bestAsk, bids, asks}. */
export function showDepth(depth) {
  const levels = depth.bids.concat(depth.asks);
  const max = levels.reduce((m, l) => Math.max(m, l.qty), 1);
  const level = (side) => (l) => {
    const bar = document.createElement('div');
    bar.className = `bar ${side}`;
    bar.style.width = `${Math.max(1, Math.round((100 * l.qty) / max))}%`;
    const qty = document.createElement('span');
    qty.textContent = String(l.qty);
    const cell = document.createElement('div');
    cell.className = 'depth';
    cell.append(bar, qty);
    return row([l.orders, cell, { text: String(l.price), cls: `num ${side}` }],
      { 'data-side': side, 'data-price': String(l.price), 'data-qty': String(l.qty) });
  };
  fill($('asks'), depth.asks.slice().reverse().map(level('sell')));
  fill($('bids'), depth.bids.map(level('buy')));
  text('best-bid', depth.bestBid);
  text('best-ask', depth.bestAsk);
  text('spread', depth.bestBid !== null && depth.bestAsk !== null ? depth.bestAsk - depth.bestBid : null);
  text('as-of-seq', depth.asOfSeq);
}
