// Candlesticks with volume (TradingView Lightweight Charts, vendored). Candles come from the
// candles read model; streamed trades extend the last candle (or open the next one) in between.
import { createChart } from './vendor/lightweight-charts-4.2.3/lightweight-charts.standalone.production.mjs';
import { $ } from './dom.js';

const WIDTH_MS = { '1s': 1000, '1m': 60000, '5m': 300000, '1h': 3600000 };
const UP = '#26a69a';
const DOWN = '#ef5350';

export class CandleChart {
  constructor(element) {
    this.chart = createChart(element, {
      autoSize: true,
      layout: { background: { color: '#11151c' }, textColor: '#c9d1d9' },
      grid: { vertLines: { color: '#1f2630' }, horzLines: { color: '#1f2630' } },
      timeScale: { timeVisible: true, secondsVisible: true, barSpacing: 14, rightOffset: 4 },
      rightPriceScale: { scaleMargins: { top: 0.1, bottom: 0.3 } },
    });
    // Prices are whole ticks.
    this.price = this.chart.addCandlestickSeries({ upColor: UP, downColor: DOWN, wickUpColor: UP,
      wickDownColor: DOWN, borderVisible: false, priceFormat: { type: 'price', precision: 0, minMove: 1 } });
    this.volume = this.chart.addHistogramSeries({ priceFormat: { type: 'volume' }, priceScaleId: 'volume' });
    this.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.75, bottom: 0 } });
    this.interval = '1s';
    this.last = null;
    this.asOfSeq = 0;
  }

  /** Replaces the chart with a candles answer (oldest first, start in ms) that reflects commands up to asOfSeq. */
  show(candles, asOfSeq) {
    this.asOfSeq = asOfSeq;
    this.price.setData(candles.map(bar));
    this.volume.setData(candles.map(volumeBar));
    this.last = candles.length ? { ...candles[candles.length - 1] } : null;
    this.#describe();
    this.chart.timeScale().scrollToRealTime();
  }

  clear() {
    this.show([], 0);
  }

  /** Folds one streamed trade into the last candle of the current interval. */
  addTrade(trade) {
    if (trade.seq <= this.asOfSeq) {
      return; // Already in the answer the chart was loaded from.
    }
    const width = WIDTH_MS[this.interval];
    const start = Math.floor(trade.timestamp / width) * width;
    const c = this.last;
    if (c && c.start === start) {
      c.high = Math.max(c.high, trade.price);
      c.low = Math.min(c.low, trade.price);
      c.close = trade.price;
      c.volume += trade.qty;
      c.trades += 1;
    } else if (!c || start > c.start) {
      this.last = { start, open: trade.price, high: trade.price, low: trade.price, close: trade.price,
        volume: trade.qty, trades: 1 };
    } else {
      return; // Older than the last candle (cannot happen: timestamps never go back).
    }
    this.price.update(bar(this.last));
    this.volume.update(volumeBar(this.last));
    this.#describe();
  }

  #describe() {
    const c = this.last;
    const out = $('last-candle');
    if (!c) {
      out.textContent = 'no trades yet';
      delete out.dataset.close;
      return;
    }
    out.textContent = `${this.interval} ${new Date(c.start).toLocaleTimeString()}  ` +
      `O ${c.open}  H ${c.high}  L ${c.low}  C ${c.close}  V ${c.volume}  (${c.trades} trades)`;
    out.dataset.close = String(c.close);
    out.dataset.volume = String(c.volume);
  }
}

function bar(c) {
  return { time: c.start / 1000, open: c.open, high: c.high, low: c.low, close: c.close };
}

function volumeBar(c) {
  return { time: c.start / 1000, value: c.volume, color: c.close >= c.open ? UP : DOWN };
}
