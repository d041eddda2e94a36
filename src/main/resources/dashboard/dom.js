// Small DOM helpers: every value goes in as text, never as markup.

export const $ = (id) => document.getElementById(id);

/** A table row of cells; a cell is text or {text, cls}. */
export function row(cells, attrs = {}) {
  const tr = document.createElement('tr');
  for (const [name, value] of Object.entries(attrs)) {
    tr.setAttribute(name, value);
  }
  for (const cell of cells) {
    const td = document.createElement('td');
    if (cell instanceof Node) {
      td.appendChild(cell);
    } else if (cell !== null && typeof cell === 'object') {
      td.textContent = cell.text;
      if (cell.cls) {
        td.className = cell.cls;
      }
    } else {
      td.textContent = cell === null || cell === undefined ? '' : String(cell);
    }
    tr.appendChild(td);
  }
  return tr;
}

export function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

export function text(id, value) {
  $(id).textContent = value === null || value === undefined ? '–' : String(value);
}
