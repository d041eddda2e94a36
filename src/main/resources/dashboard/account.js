// The account panel: balances, open orders with cancel, and the order form. Every command
// carries a fresh requestId and its button stays disabled while it is in flight, so a double
// click sends it once. Errors are the server's own, shown next to the field it names.
import { ApiError, jsonBody, newOrderId, newRequestId } from './api.js';
import { $, fill, row } from './dom.js';

export class AccountPanel {
  /** @param session {api, role, account, readOnly} @param symbol () => the selected symbol */
  constructor(session, symbol) {
    this.session = session;
    this.symbol = symbol;
    this.placing = false;
    this.shownAccount = null;
    this.shownSeq = 0;
    // The operator and the admin both read every account (the admin's orders are refused: it only corrects).
    this.operator = session.role === 'operator' || session.role === 'admin';
    $('operator-account').hidden = !this.operator;
    $('account-label').textContent = this.operator ? `(${session.role} key: choose an account)` : `#${session.account}`;
    $('place').disabled = session.readOnly;
    $('order-result').textContent = session.readOnly ? 'read-only projection: send orders to the engine' : '';
    this.#clearErrors();
    fill($('balances'), []);
    fill($('open-orders'), []);
    this.onSubmit = (e) => {
      e.preventDefault();
      this.place();
    };
    this.onType = () => {
      $('price').disabled = $('type').value === 'MARKET';
      if ($('type').value === 'MARKET' && $('tif').value === 'GTC') {
        $('tif').value = 'IOC';
      }
    };
    this.onAccount = () => this.refresh();
    $('order-form').addEventListener('submit', this.onSubmit);
    $('type').addEventListener('change', this.onType);
    $('account').addEventListener('change', this.onAccount);
  }

  dispose() {
    $('order-form').removeEventListener('submit', this.onSubmit);
    $('type').removeEventListener('change', this.onType);
    $('account').removeEventListener('change', this.onAccount);
  }

  /** The account shown: the key's own, or the one the operator typed (null while none is valid). */
  account() {
    if (!this.operator) {
      return this.session.account;
    }
    const text = $('account').value.trim();
    return /^\d+$/.test(text) ? text : null;
  }

  /** After a reconnect: the server may have restarted from another state, so accept whatever it answers next. */
  resync() {
    this.shownSeq = 0;
    return this.refresh();
  }

  /** Reloads balances and open orders; after a command, as of at least its seq (read your own write). */
  async refresh(minSeq = 0) {
    const account = this.account();
    if (account === null) {
      fill($('balances'), []);
      fill($('open-orders'), []);
      return;
    }
    const wait = minSeq > 0 ? `?minSeq=${minSeq}` : '';
    try {
      const [balances, orders] = await Promise.all([
        this.session.api.get(`accounts/${account}/balances${wait}`),
        this.session.api.get(`accounts/${account}/orders${wait}`),
      ]);
      $('account-error').textContent = '';
      const asOf = Math.min(balances.body.asOfSeq, orders.body.asOfSeq);
      if (account === this.shownAccount && asOf < this.shownSeq) {
        return; // An answer overtaken by a newer one (requests may finish out of order).
      }
      this.shownAccount = account;
      this.shownSeq = asOf;
      fill($('balances'), balances.body.balances.map((b) =>
        row([b.asset, { text: String(b.available), cls: 'num' }, { text: String(b.reserved), cls: 'num' }],
          { 'data-asset': b.asset })));
      fill($('open-orders'), orders.body.orders.map((o) => this.#orderRow(o)));
    } catch (e) {
      $('account-error').textContent = e.message;
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
        fill($('balances'), []);
        fill($('open-orders'), []);
      }
    }
  }

  #orderRow(o) {
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = 'Cancel';
    cancel.className = 'cancel';
    cancel.disabled = this.session.readOnly;
    cancel.addEventListener('click', () => this.cancel(o.orderId, cancel));
    const side = o.side === 'BUY' ? 'buy' : 'sell';
    return row([o.orderId, o.symbol, { text: o.side, cls: side }, o.tif, { text: String(o.price), cls: 'num' },
      { text: String(o.openQty), cls: 'num' }, { text: String(o.filledQty), cls: 'num' }, cancel],
    { 'data-order-id': String(o.orderId) });
  }

  async cancel(orderId, button) {
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    const body = jsonBody(this.operator ? { account: $('account').value } : {}, { requestId: newRequestId() });
    try {
      const answer = await this.session.api.post(`orders/${orderId}/cancel`, body);
      const reason = rejection(answer.body);
      $('order-result').textContent = reason ? `cancel ${orderId} rejected: ${reason}` : `cancelled ${orderId}`;
      await this.refresh(seqOf(answer.body));
    } catch (e) {
      $('order-result').textContent = `cancel ${orderId}: ${e.message}`;
      button.disabled = false;
    }
  }

  async place() {
    if (this.placing || this.session.readOnly) {
      return;
    }
    this.placing = true;
    $('place').disabled = true;
    this.#clearErrors();
    const result = $('order-result');
    result.textContent = 'sending…';
    result.className = '';
    const type = $('type').value;
    const numbers = { orderId: newOrderId(), qty: $('qty').value };
    if (type === 'LIMIT') {
      numbers.price = $('price').value;
    }
    if (this.operator) {
      numbers.account = $('account').value;
    }
    const body = jsonBody(numbers, { symbol: this.symbol(), side: $('side').value, type, tif: $('tif').value,
      requestId: newRequestId() });
    try {
      const answer = await this.session.api.post('orders', body);
      const reason = rejection(answer.body);
      if (reason) {
        result.textContent = `rejected: ${reason}`;
        result.className = 'rejected';
        const field = REASON_FIELD[reason];
        if (field) {
          this.#fieldError(field, reason);
        }
      } else if (answer.status === 202) {
        result.textContent = `queued as seq ${answer.body.seq}`;
      } else {
        result.textContent = describe(answer.body);
        result.className = 'accepted';
      }
      await this.refresh(seqOf(answer.body));
    } catch (e) {
      result.textContent = e.message;
      result.className = 'rejected';
      this.#fieldError(e.field || 'body', e.message);
    } finally {
      this.placing = false;
      $('place').disabled = this.session.readOnly;
    }
  }

  #fieldError(field, message) {
    const span = document.querySelector(`.field-error[data-field="${field}"]`) ||
      document.querySelector('.field-error[data-field="body"]');
    span.textContent = message;
    const input = $(field);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
    }
  }

  #clearErrors() {
    for (const span of document.querySelectorAll('#account-panel .field-error[data-field]')) {
      span.textContent = '';
    }
    for (const input of document.querySelectorAll('#account-panel [aria-invalid]')) {
      input.removeAttribute('aria-invalid');
    }
  }
}

/** Which form field a business rejection is about. */
const REASON_FIELD = { INVALID_QTY: 'qty', INVALID_PRICE: 'price', INVALID_TIF: 'tif', UNKNOWN_ACCOUNT: 'account',
  INSUFFICIENT_FUNDS: 'qty', FOK_NOT_FILLABLE: 'tif', POST_ONLY_WOULD_TAKE: 'tif' };

function seqOf(answer) {
  return answer && typeof answer.seq === 'number' ? answer.seq : 0;
}

function rejection(result) {
  if (!result || result.accepted !== false) {
    return null;
  }
  const rejected = (result.events || []).find((e) => e.type === 'REJECTED');
  return rejected ? rejected.reason : 'rejected';
}

function describe(result) {
  const events = result.events || [];
  const accepted = events.find((e) => e.type === 'ACCEPTED');
  const traded = events.filter((e) => e.type === 'TRADE').reduce((n, e) => n + e.qty, 0);
  const canceled = events.find((e) => e.type === 'CANCELED');
  let text = `seq ${result.seq}: order ${accepted ? accepted.orderId : ''} accepted`;
  if (traded > 0) {
    text += `, ${traded} filled`;
  }
  if (canceled) {
    text += `, ${canceled.openQty} cancelled (${canceled.reason})`;
  }
  return text;
}
