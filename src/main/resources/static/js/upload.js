// File fields in the page's language (fragments/upload.html): the browser's own control is hidden
// behind a labelled button, and the names of the chosen files show beside it.
(function () {
  'use strict';

  function show(input) {
    var control = input.closest('[data-upload]');
    var name = control ? control.querySelector('.upload-name') : null;
    if (!name) {
      return;
    }
    var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
    if (files.length === 0) {
      name.textContent = name.dataset.none;
    } else if (files.length === 1) {
      name.textContent = files[0];
    } else {
      name.textContent = (name.dataset.many || '{0}').replace('{0}', files.length) + '：' + files.join('、');
    }
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('[data-upload] input[type=file]')) {
      show(event.target);
    }
  });

  // a form reset (or a page kept by the browser's back button) shows what the field holds
  document.addEventListener('reset', function (event) {
    setTimeout(function () {
      event.target.querySelectorAll('[data-upload] input[type=file]').forEach(show);
    });
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('[data-upload] input[type=file]').forEach(show);
  });
})();
