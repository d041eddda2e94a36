// Wiring: the key form starts a session (GET /me checks the key); a session follows one symbol's
// stream (ladder, tape, last candle), polls the engine panel and the account panel, and after a
// lost connection reconnects and reloads what it shows. The key lives only in this page's memory.
import { Api, ApiError } from './api.js';
import { AccountPanel } from './account.js';
import { CandleChart } from './candles.js';
import { $, text } from './dom.js';
import { showStats, showStatsError } from './engine.js';
import { clearLadder, showDepth } from './ladder.js';
import { addTrade, clearTape, showTrades } from './tape.js';

const STATS_EVERY_MS = 1000;
const ACCOUNT_EVERY_MS = 3000;
/** Streamed trades kept to replay over a fresh answer that was computed before they happened. */
const RECENT_TRADES = 500;
let session = null;
let chart = null;

function setConnection(state, label) {
  const badge = $('conn');
  badge.dataset.state = state;
  badge.textContent = label;
}

async function connect(key) {
  stop();
  $('key-error').textContent = '';
  if (!key) {
    $('key-error').textContent = 'enter an API key';
    return;
  }
  const api = new Api(key);
  let me;
  let stats;
  try {
    me = (await api.get('me')).body;
    stats = (await api.get('engine/stats')).body;
  } catch (e) {
    $('key-error').textContent = e.message;
    setConnection('error', e.status === 401 ? 'key refused' : 'not connected');
    return;
  }
  $('panels').hidden = false;
  chart = chart || new CandleChart($('chart'));
  session = { api, role: me.role, account: me.account, readOnly: stats.role === 'projection', timers: [] };
  $('who').textContent = me.role === 'account' ? `account ${me.account}` : me.role;
  session.account = me.account;
  session.panel = new AccountPanel(session, () => $('symbol').value);
  showStats(stats);
  session.timers.push(setInterval(pollStats, STATS_EVERY_MS));
  session.timers.push(setInterval(() => session && session.panel.refresh(), ACCOUNT_EVERY_MS));
  session.panel.refresh();
  await loadSymbols();
}

/** Ends the session: stops the stream and timers and forgets the key. */
function stop() {
  if (!session) {
    return;
  }
  if (session.stopStream) {
    session.stopStream();
  }
  session.timers.forEach(clearInterval);
  session.panel.dispose();
  session = null;
  clearLadder();
  clearTape();
  if (chart) {
    chart.clear();
  }
  $('panels').hidden = true;
  $('symbol').replaceChildren();
  $('symbol').disabled = true;
  $('who').textContent = '';
  setConnection('idle', 'not connected');
}

async function loadSymbols() {
  const current = $('symbol').value;
  const symbols = (await session.api.get('symbols')).body.symbols;
  const select = $('symbol');
  select.replaceChildren(...symbols.map((s) => new Option(s, s)));
  select.disabled = symbols.length === 0;
  const wanted = symbols.includes(current) ? current : symbols[0];
  if (wanted) {
    select.value = wanted;
    follow(wanted);
  } else {
    setConnection('idle', 'no symbols yet');
    session.timers.push(setTimeout(() => session && loadSymbols().catch(() => {}), 2000));
  }
}

/** Follows one symbol: its stream, and a fresh load of tape and candles each time the stream (re)opens. */
function follow(symbol) {
  const s = session;
  if (s.stopStream) {
    s.stopStream();
  }
  clearLadder();
  clearTape();
  chart.clear();
  s.recent = [];
  setConnection('connecting', 'connecting…');
  s.stopStream = s.api.stream(symbol, {
    onOpen: () => {
      setConnection('live', 'live');
      reload(s, symbol);
    },
    onEvent: (type, data) => {
      if (type === 'depth') {
        showDepth(data);
      } else if (type === 'trade') {
        s.recent.push(data);
        if (s.recent.length > RECENT_TRADES) {
          s.recent.shift();
        }
        addTrade(data);
        chart.addTrade(data);
        refreshAccountSoon(s);
      }
    },
    onDown: (message) => setConnection('down', `reconnecting (${message})`),
    onFatal: (error) => {
      setConnection('error', error.message);
      $('key-error').textContent = error.message;
    },
  });
}

/** Shows a candles answer, then folds in the streamed trades it does not hold yet. */
function showCandles(s, answer) {
  chart.show(answer.candles, answer.asOfSeq);
  for (const trade of s.recent) {
    chart.addTrade(trade);
  }
}

/** A trade may have filled the account's orders: refresh it, at most once per quarter second. */
function refreshAccountSoon(s) {
  if (s.accountDue) {
    return;
  }
  s.accountDue = setTimeout(() => {
    s.accountDue = null;
    if (session === s) {
      s.panel.refresh();
    }
  }, 250);
}

/** After (re)connecting: everything the stream does not replay. */
async function reload(s, symbol) {
  try {
    const [trades, candles] = await Promise.all([
      s.api.get(`symbols/${encodeURIComponent(symbol)}/trades?limit=50`),
      s.api.get(`symbols/${encodeURIComponent(symbol)}/candles?interval=${chart.interval}&limit=300`),
    ]);
    if (session !== s || $('symbol').value !== symbol) {
      return;
    }
    showTrades(trades.body.trades, trades.body.asOfSeq);
    showCandles(s, candles.body);
    // Trades streamed while the answers were on their way may be newer than they are.
    s.recent.forEach(addTrade);
    s.panel.resync();
  } catch (e) {
    setConnection('down', `reload failed (${e.message})`);
  }
}

async function pollStats() {
  const s = session;
  if (!s) {
    return;
  }
  try {
    showStats((await s.api.get('engine/stats')).body);
  } catch (e) {
    showStatsError(e.message);
    if (e instanceof ApiError && e.status === 401) {
      $('key-error').textContent = e.message;
    }
  }
}

$('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  connect($('api-key').value.trim());
});

$('symbol').addEventListener('change', () => {
  if (session) {
    follow($('symbol').value);
  }
});

$('intervals').addEventListener('click', async (e) => {
  const button = e.target.closest('button[data-interval]');
  if (!button || !chart) {
    return;
  }
  for (const b of $('intervals').querySelectorAll('button')) {
    b.classList.toggle('active', b === button);
  }
  chart.interval = button.dataset.interval;
  if (session) {
    const symbol = $('symbol').value;
    try {
      const answer = await session.api.get(`symbols/${encodeURIComponent(symbol)}/candles?interval=${chart.interval}&limit=300`);
      showCandles(session, answer.body);
    } catch (err) {
      text('last-candle', err.message);
    }
  }
});
