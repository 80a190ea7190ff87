// Forms: a refused form comes back as typed, each error beside its field (see FormRefill), and
// the pickers that search people and organisations instead of asking for an internal number.
(function () {
  'use strict';

  function sameAction(form, action) {
    try {
      return new URL(form.getAttribute('action') || location.href, location.href).pathname === action;
    } catch (e) {
      return false;
    }
  }

  function openEnclosing(element) {
    var pane = element.closest('.tab-pane');
    var tab = pane ? document.querySelector('[data-bs-toggle="tab"][data-bs-target="#' + pane.id + '"]') : null;
    if (tab && window.bootstrap) {
      window.bootstrap.Tab.getOrCreateInstance(tab).show();
    }
    var collapse = element.closest('.collapse');
    if (collapse && window.bootstrap) {
      window.bootstrap.Collapse.getOrCreateInstance(collapse, { toggle: false }).show();
    }
    var details = element.closest('details');
    while (details) {
      details.open = true;
      details = details.parentElement ? details.parentElement.closest('details') : null;
    }
  }

  function fieldsNamed(form, name) {
    return Array.prototype.filter.call(form.elements, function (e) { return e.name === name; });
  }

  function refillValues(form, values) {
    Array.prototype.forEach.call(form.elements, function (f) {
      if (!f.name || f.type === 'hidden' || f.type === 'file' || f.type === 'password'
          || f.type === 'submit' || f.type === 'button') {
        return;
      }
      var sent = values[f.name] || [];
      if (f.type === 'checkbox' || f.type === 'radio') {
        f.checked = sent.indexOf(f.value) >= 0;
      } else if (f.tagName === 'SELECT' && f.multiple) {
        Array.prototype.forEach.call(f.options, function (o) { o.selected = sent.indexOf(o.value) >= 0; });
      } else if (values.hasOwnProperty(f.name)) {
        var same = fieldsNamed(form, f.name);
        f.value = sent[Math.min(same.indexOf(f), sent.length - 1)] || '';
      }
    });
    form.querySelectorAll('[data-picker]').forEach(function (picker) {
      var name = picker.dataset.name;
      var ids = values[name] || [];
      var labels = values['_label_' + name] || [];
      clearPicker(picker);
      ids.forEach(function (id, i) {
        if (id) {
          choose(picker, id, labels[i] || id);
        }
      });
    });
  }

  function showErrors(form, errors) {
    var first = null;
    Object.keys(errors).forEach(function (field) {
      var target = form.querySelector('[data-picker][data-name="' + field + '"] input[type=search]')
          || fieldsNamed(form, field).filter(function (f) { return f.type !== 'hidden'; })[0];
      if (!target) {
        return;
      }
      target.classList.add('is-invalid');
      target.setAttribute('aria-invalid', 'true');
      var message = document.createElement('div');
      message.className = 'invalid-feedback d-block field-error';
      message.dataset.field = field;
      message.textContent = errors[field];
      var anchor = target.closest('.form-check') || target.closest('[data-upload]') || target;
      anchor.insertAdjacentElement('afterend', message);
      first = first || target;
    });
    if (first) {
      first.focus();
    }
  }

  function refill() {
    var holder = document.getElementById('form-refill');
    if (!holder) {
      return;
    }
    var data = JSON.parse(holder.dataset.refill);
    // the form that was sent: a POST form (a page's GET chooser may share its address)
    var form = Array.prototype.filter.call(document.forms, function (f) {
      return f.method.toLowerCase() === 'post' && sameAction(f, data.action);
    })[0];
    if (!form) {
      return;
    }
    openEnclosing(form);
    refillValues(form, data.values || {});
    showErrors(form, data.errors || {});
  }

  // Pickers: <div data-picker data-name="personId" data-multiple="true"> with a search box that
  // asks the server (htmx) for matches; a choice becomes a hidden input named data-name, shown as
  // a chip with a button to take it off again.
  function clearPicker(picker) {
    picker.querySelectorAll('.picker-chosen .picker-chip').forEach(function (c) { c.remove(); });
  }

  function choose(picker, id, label) {
    var chosen = picker.querySelector('.picker-chosen');
    if (picker.dataset.multiple !== 'true') {
      clearPicker(picker);
    } else if (chosen.querySelector('input[value="' + id + '"]')) {
      return;
    }
    var chip = document.createElement('span');
    chip.className = 'badge text-bg-light border picker-chip me-1';
    var text = document.createElement('span');
    text.textContent = label;
    var value = document.createElement('input');
    value.type = 'hidden';
    value.name = picker.dataset.name;
    value.value = id;
    var shown = document.createElement('input');
    shown.type = 'hidden';
    shown.name = '_label_' + picker.dataset.name;
    shown.value = label;
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn-close btn-close-sm ms-1 picker-remove';
    remove.setAttribute('aria-label', picker.dataset.removeLabel || '×');
    chip.append(text, value, shown, remove);
    chosen.appendChild(chip);
  }

  document.addEventListener('click', function (event) {
    var option = event.target.closest ? event.target.closest('[data-pick-id]') : null;
    if (option) {
      var picker = option.closest('[data-picker]');
      choose(picker, option.dataset.pickId, option.dataset.pickLabel);
      var search = picker.querySelector('input[type=search]');
      search.value = '';
      search.classList.remove('is-invalid');
      picker.querySelector('.picker-options').innerHTML = '';
      search.focus();
      return;
    }
    var remove = event.target.closest ? event.target.closest('.picker-remove') : null;
    if (remove) {
      remove.closest('.picker-chip').remove();
    }
  });

  // Enter in a picker's search box chooses nothing and submits nothing.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.closest && event.target.closest('[data-picker] input[type=search]')) {
      event.preventDefault();
    }
  });

  document.addEventListener('DOMContentLoaded', refill);
})();
