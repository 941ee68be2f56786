// ArCollect's Tasklist: a task list opens sorted by priority (highest first), then due date (soonest first),
// unless the user chose another order in the list's sort menu (Tasklist keeps that in the address).
const MOST_URGENT_FIRST = JSON.stringify([
  { sortBy: 'priority', sortOrder: 'desc' },
  { sortBy: 'dueDate', sortOrder: 'asc' },
]);

function sortMostUrgentFirst() {
  const hash = window.location.hash || '';
  // only once Tasklist shows a filter's list (never on the login page, where a change of address restarts the form)
  if (!hash.startsWith('#/?') || !/[?&]filter=/.test(hash) || /[?&]sorting=/.test(hash)) {
    return;
  }
  const separator = hash.includes('?') ? '&' : '?';
  window.location.replace(`${hash}${separator}sorting=${encodeURIComponent(MOST_URGENT_FIRST)}`);
}

window.addEventListener('hashchange', sortMostUrgentFirst);
sortMostUrgentFirst();

export default [];
