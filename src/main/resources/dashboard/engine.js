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
    `p50 ${l.p50} µs · p90 ${l.p90} µs · p99 ${l.p99} µs · max ${l.max} µs (last ${l.samples})`);
  $('engine-error').textContent = '';
}

export function showStatsError(message) {
  $('engine-error').textContent = message;
}
