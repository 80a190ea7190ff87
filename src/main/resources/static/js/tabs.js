// Tabs of a page (Bootstrap's, data-bs-toggle="tab"). A tab list marked data-tabs-remember opens,
// after a form sent from one of its tabs, the tab it was sent from — as long as the page's state
// (data-tabs-state, e.g. the case's step) has not changed; otherwise the page's own choice (the
// tab of the current step) stands. A refused form's tab is opened by forms.js.
(function () {
  'use strict';

  var STORE = 'zeren.tabs.';

  function show(button) {
    if (button && window.bootstrap) {
      window.bootstrap.Tab.getOrCreateInstance(button).show();
    }
  }

  function restore(list) {
    var key = STORE + list.dataset.tabsKey;
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(key) || 'null');
      sessionStorage.removeItem(key);
    } catch (e) {
      saved = null;
    }
    if (document.getElementById('form-refill')) {
      return; // the refused form's tab is shown instead
    }
    if (saved && saved.state === list.dataset.tabsState) {
      show(list.querySelector('[data-bs-target="#' + saved.pane + '"]'));
    }
  }

  document.addEventListener('submit', function (event) {
    var pane = event.target.closest ? event.target.closest('.tab-pane') : null;
    if (!pane) {
      return;
    }
    var button = document.querySelector('[data-bs-target="#' + pane.id + '"]');
    var list = button ? button.closest('[data-tabs-remember]') : null;
    if (list) {
      try {
        sessionStorage.setItem(STORE + list.dataset.tabsKey,
            JSON.stringify({ pane: pane.id, state: list.dataset.tabsState }));
      } catch (e) {
        // no storage: the page's own choice stands
      }
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-tabs-remember]').forEach(restore);
  });
})();
