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
