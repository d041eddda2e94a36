// The engine panel, polled from GET /engine/stats.
import { $, text } from './dom.js';

export function showStats(s) {
  text('role', s.role === 'projection' ? '(read-only projection)' : '');
  text('stat-seq', s.seq);
  text('stat-rate', s.commandsPerSecond);
  if (s.journal) {
    text('stat-journal', `${s.journal.durability}${s.journal.failed ? ' — FAILED' : ''}, at seq ${s.journal.journaledSeq}`);
    text('stat-journal-lag', s.journal.lag);
  } else {
    text('stat-journal', s.role === 'projection' ? 'n/a (projection)' : 'none');
    text('stat-journal-lag', null);
  }
  text('stat-readmodels', `at seq ${s.readModels.appliedSeq}`);
  text('stat-readmodel-lag', s.readModels.lag);
  const l = s.latencyMicros;
  text('stat-latency', !l || l.samples === 0 ? 'no commands yet' :
    `p50 ${duration(l.p50)} · p90 ${duration(l.p90)} · p99 ${duration(l.p99)} · max ${duration(l.max)} ` +
    `(last ${l.samples})`);
  $('engine-error').textContent = '';
}

export function showStatsError(message) {
  $('engine-error').textContent = message;
}

/** Microseconds as µs below a millisecond, else ms with one decimal. */
function duration(micros) {
  return micros < 1000 ? `${micros} µs` : `${(micros / 1000).toFixed(1)} ms`;
}
