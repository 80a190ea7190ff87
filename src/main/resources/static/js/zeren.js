// Zeren's only script of its own (served from the application; no inline scripts anywhere).
// The organisation tree: the first click on "+" loads the children through htmx; later clicks
// fold and unfold them without asking the server again.
document.addEventListener('htmx:afterRequest', function (event) {
  var button = event.detail.elt;
  if (button && button.classList && button.classList.contains('toggle') && event.detail.successful) {
    button.dataset.loaded = 'true';
    button.textContent = '−';
    button.setAttribute('aria-expanded', 'true');
  }
});

document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('button.toggle') : null;
  if (!button || button.dataset.loaded !== 'true') {
    return;
  }
  var children = button.parentElement.querySelector(':scope > ul.children');
  if (!children) {
    return;
  }
  var open = !children.hidden;
  children.hidden = open;
  button.textContent = open ? '+' : '−';
  button.setAttribute('aria-expanded', open ? 'false' : 'true');
});

// Confirmation before what cannot be undone: a submit button (or its form) carrying
// data-confirm="…" opens the one dialog of the layout (#confirm-dialog); only 确定 submits.
// htmx requests with hx-confirm use the same dialog.
(function () {
  var pending = null;

  function ask(text, proceed) {
    var dialog = document.getElementById('confirm-dialog');
    if (!dialog || !window.bootstrap) {
      if (window.confirm(text)) { proceed(); }
      return;
    }
    document.getElementById('confirm-text').textContent = text;
    pending = proceed;
    window.bootstrap.Modal.getOrCreateInstance(dialog).show();
  }

  document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('#confirm-ok')) {
      return;
    }
    var dialog = document.getElementById('confirm-dialog');
    var proceed = pending;
    pending = null;
    window.bootstrap.Modal.getOrCreateInstance(dialog).hide();
    if (proceed) { proceed(); }
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var text = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
    if (!text || form.dataset.confirmed === 'true') {
      delete form.dataset.confirmed;
      return;
    }
    event.preventDefault();
    ask(text, function () {
      form.dataset.confirmed = 'true';
      if (submitter && form.requestSubmit) { form.requestSubmit(submitter); } else { form.submit(); }
    });
  }, true);

  document.addEventListener('htmx:confirm', function (event) {
    var text = event.detail.question;
    if (!text) {
      return;
    }
    event.preventDefault();
    ask(text, function () { event.detail.issueRequest(true); });
  });
})();

// The side menu marks the module of the page shown.
document.addEventListener('DOMContentLoaded', function () {
  var path = window.location.pathname;
  var best = null;
  document.querySelectorAll('#side-menu a.side-link').forEach(function (link) {
    var href = link.getAttribute('href');
    if (href && (path === href || path.indexOf(href + '/') === 0) && (!best || href.length > best.getAttribute('href').length)) {
      best = link;
    }
  });
  if (best) {
    best.classList.add('active');
    best.setAttribute('aria-current', 'page');
  }
});

// The organisation switcher (fragments/chooser :: orgField): choosing a name in its panel puts the
// organisation in the form's orgId field and shows the page for it.
document.addEventListener('click', function (event) {
  var pick = event.target.closest ? event.target.closest('button.org-pick') : null;
  if (!pick) {
    return;
  }
  var switcher = pick.closest('.org-switch');
  var form = switcher.closest('form');
  switcher.querySelector('input[name=orgId]').value = pick.dataset.orgId;
  switcher.querySelector('.org-switch-button').textContent = pick.textContent;
  if (form) {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }
});

// Batch actions on a list: the header's check box (.batch-all, data-batch-form="<form id>")
// chooses or clears every row's check box (.batch-row) of that form on the page.
document.addEventListener('change', function (event) {
  var all = event.target.closest ? event.target.closest('input.batch-all') : null;
  if (!all) {
    return;
  }
  document.querySelectorAll('input.batch-row[form="' + all.dataset.batchForm + '"]').forEach(function (box) {
    box.checked = all.checked;
  });
});
