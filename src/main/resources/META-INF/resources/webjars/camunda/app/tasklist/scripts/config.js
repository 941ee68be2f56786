// ArCollect's Tasklist configuration (replaces the webapp's default, commented-out config.js)
export default {
  // scripts/arcollect.js: lists open with the most urgent task first
  customScripts: ['scripts/arcollect'],
  // a comment belongs to the case too: it is in the case trail with the task's name
  assignProcessInstanceIdToTaskComment: true,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    }
  }
};
