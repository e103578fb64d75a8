// A project's ledger history as auditors read it: who recorded what, when, effective when, and the hash chain.
import { el, t } from './app.js';

const GENESIS = '0'.repeat(64);

function content(data) {
  return Object.entries(data).filter(([name]) => name !== 'projectId')
    .map(([name, value]) => `${name}: ${typeof value === 'object' ? JSON.stringify(value) : value}`).join(' · ');
}

/** Fills the table with one row per event; a row whose prevHash is not the previous hash is marked. */
export function historyTable(table, events) {
  let previous = GENESIS;
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ['sequence', 'type', 'effective', 'recordedBy', 'recordedAt', 'hash', 'prevHash']
      .map((key) => el('th', {}, t(key))))),
    el('tbody', {}, events.map((event) => {
      const linked = event.prevHash === previous;
      previous = event.hash;
      return el('tr', { dataset: { sequence: event.sequence, type: event.type } },
        el('td', { class: 'num' }, event.sequence), el('td', {}, event.type),
        el('td', { style: 'white-space:normal' }, content(event.data)), el('td', {}, event.recordedBy), el('td', {}, event.time),
        el('td', { class: 'hash', title: event.hash }, event.hash.substring(0, 12) + '…'),
        el('td', { class: `hash ${linked ? '' : 'bad'}`, title: event.prevHash }, event.prevHash.substring(0, 12) + '…'));
    })));
}
