// The trade tape, newest first, the aggressor's side coloured.
import { $, row } from './dom.js';

const KEEP = 50;

export function clearTape() {
  shownSeq = 0;
  $('tape').replaceChildren();
}

let shownSeq = 0;

/** Replaces the tape with a trades answer (newest first) that reflects commands up to asOfSeq. */
export function showTrades(trades, asOfSeq) {
  shownSeq = asOfSeq;
  $('tape').replaceChildren(...trades.slice(0, KEEP).map(tradeRow));
}

/** Adds one streamed trade at the top, unless the last answer already had it. */
export function addTrade(trade) {
  if (trade.seq <= shownSeq) {
    return;
  }
  const tape = $('tape');
  tape.prepend(tradeRow(trade));
  while (tape.children.length > KEEP) {
    tape.lastElementChild.remove();
  }
}

function tradeRow(t) {
  const side = t.takerSide === 'BUY' ? 'buy' : 'sell';
  return row([new Date(t.timestamp).toLocaleTimeString(), { text: String(t.price), cls: `num ${side}` },
    { text: String(t.qty), cls: 'num' }, { text: t.takerSide, cls: side }],
  { 'data-seq': String(t.seq), 'data-side': side });
}
