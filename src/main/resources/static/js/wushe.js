// Every htmx request carries the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Refusals (422/413/400 answers) replace the htmx target in place, e.g. an import form's result area, instead of
// being dropped.
document.addEventListener('htmx:beforeSwap', function (event) {
  var status = event.detail.xhr.status;
  if (status === 422 || status === 413 || status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// The sidebar folds away on wide screens too, and stays as the user left it.
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('sidebar-toggle');
  if (!toggle) {
    return;
  }
  function apply(collapsed) {
    document.body.classList.toggle('sidebar-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
  }
  apply(localStorage.getItem('wushe-sidebar') === 'collapsed');
  toggle.addEventListener('click', function () {
    var collapsed = !document.body.classList.contains('sidebar-collapsed');
    localStorage.setItem('wushe-sidebar', collapsed ? 'collapsed' : 'open');
    apply(collapsed);
  });
});
